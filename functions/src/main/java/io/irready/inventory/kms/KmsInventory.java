package io.irready.inventory.kms;

import io.irready.core.Memo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * KMS keys looked up on demand ({@code DescribeKey}), cached per reference for the evaluation.
 * {@link KmsCollector} builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class KmsInventory {
    private final Function<String, Optional<KmsKey>> describe;

    /** @param describe the key a reference (key id, ARN, alias name or alias ARN) resolves to; empty when none exists */
    public KmsInventory(Function<String, Optional<KmsKey>> describe) {
        this.describe = Memo.byKey(describe);
    }

    /** A hand-built inventory: a key is found by its ARN or key id. */
    public static KmsInventory of(List<KmsKey> keys) {
        List<KmsKey> copy = List.copyOf(keys);
        return new KmsInventory(ref -> copy.stream()
                .filter(k -> k.arn().equals(ref) || k.keyId().equals(ref)).findFirst());
    }

    /** The key behind {@code reference} (normalised: its ARN is {@link KmsKey#arn()}), or empty when it does not exist. */
    public Optional<KmsKey> key(String reference) {
        return describe.apply(reference);
    }
}
