package io.irready.inventory.cloudfront;

import java.util.Optional;

/**
 * Standard logging (legacy) of a distribution, from {@code GetDistributionConfig}'s {@code Logging}.
 *
 * @param enabled whether access logs are written to S3
 * @param bucket  the bucket domain ({@code logs.s3.amazonaws.com}) when enabled
 */
public record LegacyLogging(boolean enabled, Optional<String> bucket) {
    public static final LegacyLogging DISABLED = new LegacyLogging(false, Optional.empty());
}
