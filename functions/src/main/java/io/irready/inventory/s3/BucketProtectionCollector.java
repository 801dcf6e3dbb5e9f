package io.irready.inventory.s3;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Loads {@link BucketProtectionInventory} over the SDK (REST-XML), each bucket's reads going to a client
 * of the bucket's region. "Not configured" answers are values: no Object Lock configuration
 * ({@code ObjectLockConfigurationNotFoundError}) is Object Lock off, no tag set ({@code NoSuchTagSet})
 * is no tags; {@code GetBucketVersioning} and {@code GetBucketLogging} answer empty documents instead.
 */
public final class BucketProtectionCollector {
    public static final String GET_OBJECT_LOCK_CONFIGURATION = "s3:GetBucketObjectLockConfiguration";
    public static final String GET_BUCKET_VERSIONING = "s3:GetBucketVersioning";
    public static final String GET_BUCKET_LOGGING = "s3:GetBucketLogging";
    public static final String GET_BUCKET_TAGGING = "s3:GetBucketTagging";

    private final BucketRegions regions;

    private BucketProtectionCollector(BucketRegions regions) {
        this.regions = regions;
    }

    public static BucketProtectionInventory inventory(AwsClients clients, String region) {
        Map<String, S3Client> byRegion = new ConcurrentHashMap<>();
        return inventory(r -> byRegion.computeIfAbsent(r, clients::sharedS3), region);
    }

    /** @param clientFor an S3 client per region */
    public static BucketProtectionInventory inventory(Function<String, S3Client> clientFor, String region) {
        BucketProtectionCollector c = new BucketProtectionCollector(new BucketRegions(clientFor, region));
        return new BucketProtectionInventory(c::ownedBuckets, c::deletionGuards, c::accessLogging, c::tags);
    }

    private Map<String, String> ownedBuckets() {
        Map<String, String> byName = new LinkedHashMap<>();
        regions.owned().keySet().stream().sorted().forEach(b -> byName.put(b, regions.regionOf(b)));
        return byName;
    }

    private BucketProtection deletionGuards(String bucket) {
        S3Client client = regions.clientOf(bucket);
        BucketProtection.ObjectLock lock = S3Collector.orWhenAbsent("ObjectLockConfigurationNotFoundError",
                BucketProtection.ObjectLock.OFF, () -> objectLock(AwsCall.call(GET_OBJECT_LOCK_CONFIGURATION,
                        () -> client.getObjectLockConfiguration(r -> r.bucket(bucket))).objectLockConfiguration()));
        boolean mfaDelete = "Enabled".equals(AwsCall.call(GET_BUCKET_VERSIONING,
                () -> client.getBucketVersioning(r -> r.bucket(bucket))).mfaDeleteAsString());
        return new BucketProtection(lock, mfaDelete, Optional.empty());
    }

    private Optional<BucketProtection.AccessLogging> accessLogging(String bucket) {
        S3Client client = regions.clientOf(bucket);
        LoggingEnabled logging = AwsCall.call(GET_BUCKET_LOGGING,
                () -> client.getBucketLogging(r -> r.bucket(bucket))).loggingEnabled();
        return Optional.ofNullable(logging)
                .filter(l -> l.targetBucket() != null && !l.targetBucket().isBlank())
                .map(l -> new BucketProtection.AccessLogging(l.targetBucket(),
                        l.targetPrefix() == null ? "" : l.targetPrefix()));
    }

    private static BucketProtection.ObjectLock objectLock(ObjectLockConfiguration c) {
        if (c == null) {
            return BucketProtection.ObjectLock.OFF;
        }
        boolean enabled = "Enabled".equals(c.objectLockEnabledAsString());
        DefaultRetention d = c.rule() == null ? null : c.rule().defaultRetention();
        if (d == null) {
            return new BucketProtection.ObjectLock(enabled, Optional.empty(), Optional.empty());
        }
        Optional<String> period = d.days() != null ? Optional.of(d.days() + (d.days() == 1 ? " day" : " days"))
                : Optional.ofNullable(d.years()).map(y -> y + (y == 1 ? " year" : " years"));
        return new BucketProtection.ObjectLock(enabled, Optional.ofNullable(d.modeAsString()), period);
    }

    private Map<String, String> tags(String bucket) {
        S3Client client = regions.clientOf(bucket);
        return S3Collector.orWhenAbsent("NoSuchTagSet", Map.of(), () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag t : AwsCall.call(GET_BUCKET_TAGGING, () -> client.getBucketTagging(r -> r.bucket(bucket))).tagSet()) {
                tags.put(t.key(), t.value());
            }
            return Map.copyOf(tags);
        });
    }
}
