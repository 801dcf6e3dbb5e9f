package io.irready.inventory.bedrock;

import java.util.Optional;

/**
 * A region's Bedrock model invocation logging configuration ({@code loggingConfig}), which names at
 * least one destination.
 *
 * @param cloudWatchLogGroup the CloudWatch Logs group invocations are written to, if any
 * @param s3Bucket           the S3 bucket invocations are written to, if any
 * @param textDelivery       whether prompts and completions (text data) are delivered
 */
public record InvocationLogging(Optional<String> cloudWatchLogGroup, Optional<String> s3Bucket, boolean textDelivery) {
    public InvocationLogging {
        if (cloudWatchLogGroup.isEmpty() && s3Bucket.isEmpty()) {
            throw new IllegalArgumentException("invocation logging without a destination is logging off");
        }
    }
}
