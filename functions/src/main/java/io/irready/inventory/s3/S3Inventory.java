package io.irready.inventory.s3;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * S3 facts about named buckets, each loaded on first use and cached for the evaluation: a check
 * that only needs to know who owns a bucket does not read its lifecycle. {@link S3Collector}
 * builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class S3Inventory {
    private final Function<String, BucketOwnership> ownership;
    private final Function<String, BucketExposure> exposure;
    private final Function<String, List<LifecycleRule>> lifecycle;
    private final Supplier<BucketExposure.PublicAccessBlock> accountBlock;

    /** An inventory whose account has no account-level public access block (hand-built inventories). */
    public S3Inventory(Function<String, BucketOwnership> ownership, Function<String, BucketExposure> exposure,
                       Function<String, List<LifecycleRule>> lifecycle) {
        this(ownership, exposure, lifecycle, () -> BucketExposure.PublicAccessBlock.NONE);
    }

    public S3Inventory(Function<String, BucketOwnership> ownership, Function<String, BucketExposure> exposure,
                       Function<String, List<LifecycleRule>> lifecycle,
                       Supplier<BucketExposure.PublicAccessBlock> accountBlock) {
        this.ownership = Memo.byKey(ownership);
        this.exposure = Memo.byKey(exposure);
        this.lifecycle = Memo.byKey(lifecycle);
        this.accountBlock = Memo.of(accountBlock);
    }

    /** Everything S3 knows about one bucket, for hand-built inventories. */
    public record BucketFacts(BucketOwnership ownership, BucketExposure exposure, List<LifecycleRule> lifecycleRules) {
        public BucketFacts {
            lifecycleRules = List.copyOf(lifecycleRules);
        }
    }

    /** A hand-built inventory; buckets not in the map are {@link BucketOwnership#MISSING}. */
    public static S3Inventory of(Map<String, BucketFacts> buckets) {
        return of(buckets, BucketExposure.PublicAccessBlock.NONE);
    }

    /** A hand-built inventory whose account has {@code accountBlock} as its account-level public access block. */
    public static S3Inventory of(Map<String, BucketFacts> buckets, BucketExposure.PublicAccessBlock accountBlock) {
        Map<String, BucketFacts> copy = Map.copyOf(buckets);
        return new S3Inventory(
                b -> Optional.ofNullable(copy.get(b)).map(BucketFacts::ownership).orElse(BucketOwnership.MISSING),
                b -> copy.get(b).exposure(), b -> copy.get(b).lifecycleRules(), () -> accountBlock);
    }

    /** Whether the bucket exists and whether this account owns it. */
    public BucketOwnership ownership(String bucket) {
        return ownership.apply(bucket);
    }

    /** Public access of a bucket this account owns. */
    public BucketExposure exposure(String bucket) {
        return exposure.apply(bucket);
    }

    /**
     * The account-level S3 Block Public Access ({@code s3control GetPublicAccessBlock} for the account;
     * {@link BucketExposure.PublicAccessBlock#NONE} when not configured). S3 applies it on top of every
     * bucket's own block.
     */
    public BucketExposure.PublicAccessBlock accountPublicAccessBlock() {
        return accountBlock.get();
    }

    /** Lifecycle rules of a bucket this account owns (empty when it has no lifecycle configuration). */
    public List<LifecycleRule> lifecycleRules(String bucket) {
        return lifecycle.apply(bucket);
    }
}
