package io.irready.inventory.ec2;

import java.util.Optional;

/**
 * A flow log as DescribeFlowLogs reports it.
 *
 * @param id                  flow log id ({@code fl-…})
 * @param resourceId          what it captures: a VPC, subnet, network interface or transit gateway id
 * @param trafficType         {@code ALL}, {@code ACCEPT} or {@code REJECT}; empty for transit gateway flow logs
 * @param status              {@code FlowLogStatus}: {@code ACTIVE} when it is capturing
 * @param deliverLogsStatus   {@code SUCCESS} or {@code FAILED}
 * @param deliverLogsError    AWS's delivery error ({@code Access error}, {@code Rate limited} …), if any
 * @param destinationType     {@code cloud-watch-logs}, {@code s3} or {@code kinesis-data-firehose}
 * @param logGroupName        the destination log group, for {@code cloud-watch-logs}
 * @param destination         the destination ARN (log group, bucket or delivery stream), if reported
 */
public record FlowLog(
        String id,
        String resourceId,
        Optional<String> trafficType,
        String status,
        String deliverLogsStatus,
        Optional<String> deliverLogsError,
        String destinationType,
        Optional<String> logGroupName,
        Optional<String> destination) {

    public static final String CLOUD_WATCH_LOGS = "cloud-watch-logs";

    public boolean isActive() {
        return "ACTIVE".equalsIgnoreCase(status);
    }

    public boolean deliveryFailed() {
        return "FAILED".equalsIgnoreCase(deliverLogsStatus);
    }

    /** True when it captures at least what {@code required} asks for (ALL covers every requirement). */
    public boolean captures(String required) {
        return trafficType.map(t -> t.equalsIgnoreCase("ALL") || t.equalsIgnoreCase(required)).orElse(false);
    }
}
