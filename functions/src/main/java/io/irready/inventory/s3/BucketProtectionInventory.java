package io.irready.inventory.s3;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The integrity and audit settings of buckets (Object Lock, MFA delete, server access logging), their
 * tags, and the account's buckets with their regions — each loaded on first use and cached for the
 * evaluation. {@link BucketProtectionCollector} builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class BucketProtectionInventory {
    private final Supplier<Map<String, String>> ownedBuckets;
    private final Function<String, BucketProtection> deletionGuards;
    private final Function<String, Optional<BucketProtection.AccessLogging>> accessLogging;
    private final Function<String, Map<String, String>> tags;

    /**
     * @param ownedBuckets   this account's buckets and the region of each
     * @param deletionGuards a bucket's Object Lock and MFA delete (its access logging is not read here)
     * @param accessLogging  a bucket's server access logging
     * @param tags           a bucket's tags (empty when it has none)
     */
    public BucketProtectionInventory(Supplier<Map<String, String>> ownedBuckets,
                                     Function<String, BucketProtection> deletionGuards,
                                     Function<String, Optional<BucketProtection.AccessLogging>> accessLogging,
                                     Function<String, Map<String, String>> tags) {
        this.ownedBuckets = Memo.of(ownedBuckets);
        this.deletionGuards = Memo.byKey(deletionGuards);
        this.accessLogging = Memo.byKey(accessLogging);
        this.tags = Memo.byKey(tags);
    }

    /** One bucket of a hand-built inventory. */
    public record BucketFacts(String region, BucketProtection protection, Map<String, String> tags) {
        public BucketFacts {
            tags = Map.copyOf(tags);
        }
    }

    /** A hand-built inventory of this account's buckets; asking about another bucket is a test bug. */
    public static BucketProtectionInventory of(Map<String, BucketFacts> buckets) {
        Map<String, BucketFacts> copy = Map.copyOf(buckets);
        Function<String, BucketFacts> facts = b -> Optional.ofNullable(copy.get(b))
                .orElseThrow(() -> new IllegalStateException("no bucket " + b + " in this inventory"));
        return new BucketProtectionInventory(
                () -> copy.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                        Map.Entry::getKey, e -> e.getValue().region())),
                b -> facts.apply(b).protection(), b -> facts.apply(b).protection().accessLogging(),
                b -> facts.apply(b).tags());
    }

    /** This account's buckets and their regions ({@code ListBuckets}, all pages). */
    public Map<String, String> ownedBuckets() {
        return ownedBuckets.get();
    }

    /** The bucket names of {@link #ownedBuckets()}, sorted. */
    public List<String> ownedBucketNames() {
        return ownedBuckets().keySet().stream().sorted().toList();
    }

    /** Object Lock, MFA delete and server access logging of a bucket this account owns. */
    public BucketProtection protection(String bucket) {
        BucketProtection guards = deletionGuards.apply(bucket);
        return new BucketProtection(guards.objectLock(), guards.mfaDelete(), accessLogging(bucket));
    }

    /** Server access logging of a bucket this account owns (empty when off). */
    public Optional<BucketProtection.AccessLogging> accessLogging(String bucket) {
        return accessLogging.apply(bucket);
    }

    /** The tags of a bucket this account owns. */
    public Map<String, String> tags(String bucket) {
        return tags.apply(bucket);
    }
}
