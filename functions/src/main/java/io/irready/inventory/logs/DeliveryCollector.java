package io.irready.inventory.logs;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliveriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeDeliverySourcesRequest;

/** Loads {@link DeliveryInventory} over the SDK (JSON 1.1, pages by {@code nextToken}). */
public final class DeliveryCollector {
    public static final String DESCRIBE_DELIVERY_SOURCES = "logs:DescribeDeliverySources";
    public static final String DESCRIBE_DELIVERIES = "logs:DescribeDeliveries";

    private DeliveryCollector() {
    }

    public static DeliveryInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(CloudWatchLogsClient::builder, region));
    }

    public static DeliveryInventory inventory(CloudWatchLogsClient client) {
        return new DeliveryInventory(
                () -> AwsCall.call(DESCRIBE_DELIVERY_SOURCES, () -> client
                        .describeDeliverySourcesPaginator(DescribeDeliverySourcesRequest.builder().build())
                        .deliverySources().stream()
                        .map(s -> new DeliverySource(s.name(), s.service(), s.logType(), s.resourceArns()))
                        .toList()),
                () -> AwsCall.call(DESCRIBE_DELIVERIES, () -> client
                        .describeDeliveriesPaginator(DescribeDeliveriesRequest.builder().build())
                        .deliveries().stream()
                        .map(d -> new Delivery(d.id(), d.deliverySourceName(), d.deliveryDestinationArn(),
                                d.deliveryDestinationTypeAsString()))
                        .toList()));
    }
}
