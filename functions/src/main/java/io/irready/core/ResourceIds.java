package io.irready.core;

import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/**
 * Canonical resource ids, so that the event path and the sweep always name a resource the same way.
 * Resources with an ARN are named by it; region-level findings use {@code <account>/<region>}
 * (e.g. {@code 123456789012/eu-west-1}), which reads well in the DynamoDB console and sorts by account.
 */
public final class ResourceIds {
    private ResourceIds() {
    }

    /** The id of an account+region-level finding: {@code <account>/<region>}. */
    public static String accountRegion(String account, String region) {
        return account + "/" + region;
    }

    /** True when {@code id} is a well-formed ARN (partition, service, region, account and resource fields). */
    public static boolean isArn(String id) {
        return parse(id).isPresent();
    }

    /**
     * The partition of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}, …), from the
     * SDK's partition metadata: its region patterns also place regions newer than this build.
     */
    public static String partition(String region) {
        return region == null || region.isBlank() ? "aws" : PartitionMetadata.of(Region.of(region)).id();
    }

    /** Builds {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public static String arn(String service, String region, String account, String resource) {
        return "arn:" + partition(region.isEmpty() ? "us-east-1" : region) + ":" + service + ":" + region + ":"
                + account + ":" + resource;
    }

    /** The account field of an ARN, or {@code null} when it is not an ARN or has none (S3 buckets). */
    public static String accountOf(String arn) {
        return parse(arn).flatMap(Arn::accountId).orElse(null);
    }

    /** The region field of an ARN, or {@code null} when it is not an ARN or has none (IAM, S3 buckets). */
    public static String regionOf(String arn) {
        return parse(arn).flatMap(Arn::region).orElse(null);
    }

    /** The parsed ARN, or empty when {@code id} is not one (a name, an {@code <account>/<region>} id, null). */
    public static Optional<Arn> parse(String id) {
        return id == null || !id.startsWith("arn:") ? Optional.empty() : Arn.tryFromString(id);
    }
}
