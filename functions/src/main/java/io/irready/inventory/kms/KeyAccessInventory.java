package io.irready.inventory.kms;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code evidence-decryptable} needs to know about KMS keys: their state, their key policy and
 * their grants. Each is loaded per key on first use and cached for the evaluation (failures too).
 */
public final class KeyAccessInventory {
    private final Function<String, Optional<KmsKey>> keys;
    private final Function<String, String> policies;
    private final Function<String, List<KeyGrant>> grants;

    /**
     * @param keys     key id, ARN or alias → the key, empty when it does not exist ({@code kms:DescribeKey})
     * @param policies key ARN → its {@code default} key policy JSON ({@code kms:GetKeyPolicy})
     * @param grants   key ARN → its grants ({@code kms:ListGrants}, all pages)
     */
    public KeyAccessInventory(Function<String, Optional<KmsKey>> keys, Function<String, String> policies,
                              Function<String, List<KeyGrant>> grants) {
        this.keys = Memo.byKey(keys);
        this.policies = Memo.byKey(policies);
        this.grants = Memo.byKey(grants);
    }

    /** A hand-built inventory; keys are found by ARN, key id or any alias given in {@code aliases}. */
    public static KeyAccessInventory of(List<KmsKey> keys, Map<String, String> aliases, Map<String, String> policies,
                                        Map<String, List<KeyGrant>> grants) {
        return new KeyAccessInventory(
                ref -> keys.stream().filter(k -> k.arn().equals(ref) || k.keyId().equals(ref)
                        || k.arn().equals(aliases.get(ref))).findFirst(),
                arn -> policies.getOrDefault(arn, "{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
                arn -> grants.getOrDefault(arn, List.of()));
    }

    public Optional<KmsKey> key(String keyIdArnOrAlias) {
        return keys.apply(keyIdArnOrAlias);
    }

    public String keyPolicy(String keyArn) {
        return policies.apply(keyArn);
    }

    public List<KeyGrant> grants(String keyArn) {
        return grants.apply(keyArn);
    }
}
