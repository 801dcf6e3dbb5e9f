package io.irready.inventory.logs;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;

/** Loads {@link LogsInventory} over the SDK (JSON 1.1 protocol). */
public final class LogsCollector {
    public static final String DESCRIBE_LOG_GROUPS = "logs:DescribeLogGroups";

    private LogsCollector() {
    }

    public static LogsInventory inventory(AwsClients clients, String region) {
        CloudWatchLogsClient client = clients.shared(CloudWatchLogsClient::builder, region);
        return inventory(client);
    }

    public static LogsInventory inventory(CloudWatchLogsClient client) {
        return new LogsInventory(() -> AwsCall.call(DESCRIBE_LOG_GROUPS, () -> client
                .describeLogGroupsPaginator(DescribeLogGroupsRequest.builder().build())
                .logGroups().stream()
                .map(g -> new LogGroup(g.logGroupName(), stripWildcard(g.arn()),
                        Optional.ofNullable(g.retentionInDays()), Optional.ofNullable(g.kmsKeyId())))
                .toList()));
    }

    /** DescribeLogGroups' {@code arn} ends in {@code :*}; the canonical id is the ARN without it. */
    static String stripWildcard(String arn) {
        return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
    }
}
