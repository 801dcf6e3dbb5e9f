package io.irready.inventory.s3;

import io.irready.core.Memo;
import io.irready.inventory.AwsCall;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;

/**
 * Which buckets this account owns and where each bucket lives, read once per evaluation and shared
 * by the S3 collectors: a bucket may live in any region, and its reads must go to a client of that region.
 * Its region comes from {@code ListBuckets} ({@code BucketRegion}) or else {@code GetBucketLocation}.
 */
final class BucketRegions {
    private final Function<String, S3Client> clientFor;
    private final String region;
    private final Supplier<Map<String, Optional<String>>> owned;
    private final Function<String, String> bucketRegion;

    BucketRegions(Function<String, S3Client> clientFor, String region) {
        this.clientFor = clientFor;
        this.region = region;
        this.owned = Memo.of(this::listOwnedBuckets);
        this.bucketRegion = Memo.byKey(this::locate);
    }

    /** This account's buckets (all pages), with the region ListBuckets reports when it does. */
    Map<String, Optional<String>> owned() {
        return owned.get();
    }

    String regionOf(String bucket) {
        return bucketRegion.apply(bucket);
    }

    S3Client clientOf(String bucket) {
        return clientFor.apply(regionOf(bucket));
    }

    S3Client homeClient() {
        return clientFor.apply(region);
    }

    private Map<String, Optional<String>> listOwnedBuckets() {
        return AwsCall.call(S3Collector.LIST_ALL_MY_BUCKETS, () -> {
            Map<String, Optional<String>> buckets = new HashMap<>();
            clientFor.apply(region).listBucketsPaginator(ListBucketsRequest.builder().build()).buckets().forEach(b ->
                    buckets.put(b.name(), Optional.ofNullable(b.bucketRegion()).filter(r -> !r.isBlank())));
            return Map.copyOf(buckets);
        });
    }

    private String locate(String bucket) {
        Optional<String> listed = owned().getOrDefault(bucket, Optional.empty());
        if (listed.isPresent()) {
            return listed.get();
        }
        String constraint = AwsCall.call(S3Collector.GET_BUCKET_LOCATION,
                () -> clientFor.apply(region).getBucketLocation(r -> r.bucket(bucket))).locationConstraintAsString();
        // GetBucketLocation answers no constraint for us-east-1 and the legacy "EU" for eu-west-1
        if (constraint == null || constraint.isBlank()) {
            return "us-east-1";
        }
        return "EU".equals(constraint) ? "eu-west-1" : constraint;
    }
}
