package io.irready.inventory.kms;

import java.time.Instant;
import java.util.Optional;

/**
 * A KMS key as {@code kms:DescribeKey} describes it.
 *
 * @param arn          the key ARN (canonical id, also when it was looked up by alias)
 * @param keyId        the key id
 * @param state        {@code Enabled}, {@code Disabled}, {@code PendingDeletion}, {@code PendingImport}, {@code Unavailable} …
 * @param deletionDate when a key pending deletion will be deleted
 * @param keyManager   {@code AWS} (AWS managed, e.g. {@code aws/ebs}) or {@code CUSTOMER}
 */
public record KmsKey(String arn, String keyId, String state, Optional<Instant> deletionDate, String keyManager) {
    public boolean usable() {
        return "Enabled".equals(state);
    }

    public boolean pendingDeletion() {
        return "PendingDeletion".equals(state) || "PendingReplicaDeletion".equals(state);
    }
}
