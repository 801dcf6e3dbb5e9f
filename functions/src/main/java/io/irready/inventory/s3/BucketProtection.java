package io.irready.inventory.s3;

import java.util.Optional;

/**
 * What protects a bucket's objects from deletion and records who touched them.
 *
 * @param objectLock    {@code GetObjectLockConfiguration}
 * @param mfaDelete     {@code GetBucketVersioning} reports {@code MFADelete: Enabled}
 * @param accessLogging {@code GetBucketLogging}: where server access logs go, if anywhere
 */
public record BucketProtection(ObjectLock objectLock, boolean mfaDelete, Optional<AccessLogging> accessLogging) {

    /** A bucket with none of the three. */
    public static BucketProtection none() {
        return new BucketProtection(ObjectLock.OFF, false, Optional.empty());
    }

    /**
     * A bucket's Object Lock configuration.
     *
     * @param enabled        {@code ObjectLockEnabled: Enabled}
     * @param defaultMode    the default retention's mode ({@code GOVERNANCE} or {@code COMPLIANCE}), if a rule sets one
     * @param defaultPeriod  the default retention's period, e.g. {@code 365 days} or {@code 7 years}
     */
    public record ObjectLock(boolean enabled, Optional<String> defaultMode, Optional<String> defaultPeriod) {
        public static final ObjectLock OFF = new ObjectLock(false, Optional.empty(), Optional.empty());

        /** Locked by default: new objects (CloudTrail sets no retention of its own) cannot be deleted early. */
        public boolean locksNewObjects() {
            return enabled && defaultMode.isPresent() && defaultPeriod.isPresent();
        }
    }

    /** Server access logging: the bucket and key prefix the access logs are delivered to. */
    public record AccessLogging(String targetBucket, String targetPrefix) {
    }
}
