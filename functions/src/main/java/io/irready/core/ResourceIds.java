package io.irready.core;

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

    /** True when {@code id} looks like an ARN. */
    public static boolean isArn(String id) {
        return id != null && id.startsWith("arn:");
    }

    /** The partition for a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    public static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** Builds {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public static String arn(String service, String region, String account, String resource) {
        return "arn:" + partition(region.isEmpty() ? "us-east-1" : region) + ":" + service + ":" + region + ":"
                + account + ":" + resource;
    }

    /** The account field of an ARN, or {@code null} when it is not an ARN or has none. */
    public static String accountOf(String arn) {
        String[] parts = isArn(arn) ? arn.split(":", 6) : new String[0];
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }

    /** The region field of an ARN, or {@code null} when it is not an ARN or has none. */
    public static String regionOf(String arn) {
        String[] parts = isArn(arn) ? arn.split(":", 6) : new String[0];
        return parts.length == 6 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
