package io.irready.inventory.logs;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeSubscriptionFiltersRequest;

/** Loads {@link SubscriptionFilterInventory} over the SDK (JSON 1.1, one paged call per log group asked about). */
public final class SubscriptionFilterCollector {
    public static final String DESCRIBE_SUBSCRIPTION_FILTERS = "logs:DescribeSubscriptionFilters";

    private SubscriptionFilterCollector() {
    }

    public static SubscriptionFilterInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(CloudWatchLogsClient::builder, region));
    }

    public static SubscriptionFilterInventory inventory(CloudWatchLogsClient client) {
        return new SubscriptionFilterInventory(group -> AwsCall.call(DESCRIBE_SUBSCRIPTION_FILTERS, () -> client
                .describeSubscriptionFiltersPaginator(DescribeSubscriptionFiltersRequest.builder()
                        .logGroupName(group).build())
                .subscriptionFilters().stream()
                .map(f -> new SubscriptionFilter(f.filterName(), f.logGroupName(), f.destinationArn()))
                .toList()));
    }
}
