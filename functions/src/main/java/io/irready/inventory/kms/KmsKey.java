package io.irready.inventory.kms;

import java.time.Instant;
import java.util.Optional;

/**
 * A KMS key as {@code DescribeKey} reports it.
 *
 * @param arn          the key ARN: the canonical id, whatever id, alias or ARN it was asked by
 * @param keyId        the key id (a UUID or {@code mrk-…})
 * @param state        {@code Enabled}, {@code Disabled}, {@code PendingDeletion}, {@code PendingImport},
 *                     {@code Unavailable} …
 * @param deletionDate when a key pending deletion is destroyed
 * @param keyManager   {@code CUSTOMER} or {@code AWS}
 */
public record KmsKey(String arn, String keyId, String state, Optional<Instant> deletionDate, String keyManager) {
    public static final String ENABLED = "Enabled";
    public static final String PENDING_DELETION = "PendingDeletion";

    public boolean isEnabled() {
        return ENABLED.equals(state);
    }

    public boolean isPendingDeletion() {
        return PENDING_DELETION.equals(state);
    }
}
