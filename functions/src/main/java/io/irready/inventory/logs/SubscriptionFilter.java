package io.irready.inventory.logs;

/**
 * A CloudWatch Logs subscription filter: what streams a log group's events somewhere else as they arrive.
 *
 * @param name           filter name
 * @param logGroupName   the log group it reads
 * @param destinationArn where the events go (a Firehose delivery stream, a Kinesis stream, a Lambda
 *                       function, or a CloudWatch Logs destination fronting another account's stream)
 */
public record SubscriptionFilter(String name, String logGroupName, String destinationArn) {
}
