package io.irready.engine;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Where delayed re-checks go: an SQS queue (with its own delivery delay as a floor). */
public record Recheck(SqsClient sqs, String queueUrl) {
    /** Delay of the re-check for eventually consistent services (SQS allows at most 900 s). */
    public static final int DELAY_SECONDS = 120;
}
