package io.irready.inventory.bedrock;

import java.util.Optional;

/**
 * A region's Bedrock model invocation logging configuration ({@code loggingConfig}).
 *
 * @param cloudWatchLogGroup the CloudWatch Logs group invocations are written to, if any
 * @param s3Bucket           the S3 bucket invocations are written to, if any
 * @param textDelivery       whether prompts and completions (text data) are delivered
 */
public record InvocationLogging(Optional<String> cloudWatchLogGroup, Optional<String> s3Bucket, boolean textDelivery) {
    /** Whether the configuration names somewhere to write to. */
    public boolean hasDestination() {
        return cloudWatchLogGroup.isPresent() || s3Bucket.isPresent();
    }
}
