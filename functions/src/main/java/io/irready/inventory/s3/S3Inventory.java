package io.irready.inventory.s3;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * S3 facts about named buckets, each loaded on first use and cached for the evaluation: a check
 * that only needs to know who owns a bucket does not read its lifecycle. {@link S3Collector}
 * builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class S3Inventory {
    private final Function<String, BucketOwnership> ownership;
    private final Function<String, BucketExposure> exposure;
    private final Function<String, List<LifecycleRule>> lifecycle;

    public S3Inventory(Function<String, BucketOwnership> ownership, Function<String, BucketExposure> exposure,
                       Function<String, List<LifecycleRule>> lifecycle) {
        this.ownership = Memo.byKey(ownership);
        this.exposure = Memo.byKey(exposure);
        this.lifecycle = Memo.byKey(lifecycle);
    }

    /** Everything S3 knows about one bucket, for hand-built inventories. */
    public record BucketFacts(BucketOwnership ownership, BucketExposure exposure, List<LifecycleRule> lifecycleRules) {
        public BucketFacts {
            lifecycleRules = List.copyOf(lifecycleRules);
        }
    }

    /** A hand-built inventory; buckets not in the map are {@link BucketOwnership#MISSING}. */
    public static S3Inventory of(Map<String, BucketFacts> buckets) {
        Map<String, BucketFacts> copy = Map.copyOf(buckets);
        return new S3Inventory(
                b -> Optional.ofNullable(copy.get(b)).map(BucketFacts::ownership).orElse(BucketOwnership.MISSING),
                b -> copy.get(b).exposure(), b -> copy.get(b).lifecycleRules());
    }

    /** Whether the bucket exists and whether this account owns it. */
    public BucketOwnership ownership(String bucket) {
        return ownership.apply(bucket);
    }

    /** Public access of a bucket this account owns. */
    public BucketExposure exposure(String bucket) {
        return exposure.apply(bucket);
    }

    /** Lifecycle rules of a bucket this account owns (empty when it has no lifecycle configuration). */
    public List<LifecycleRule> lifecycleRules(String bucket) {
        return lifecycle.apply(bucket);
    }
}
