package io.irready.inventory.sns;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;

/** Loads {@link TopicInventory} over the SDK (AWS query protocol, XML). */
public final class TopicCollector {
    public static final String GET_TOPIC_ATTRIBUTES = "sns:GetTopicAttributes";

    private TopicCollector() {
    }

    public static TopicInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(SnsClient::builder, region));
    }

    public static TopicInventory inventory(SnsClient client) {
        return new TopicInventory(arn -> {
            try {
                Map<String, String> attributes = AwsCall.call(GET_TOPIC_ATTRIBUTES,
                        () -> client.getTopicAttributes(b -> b.topicArn(arn)).attributes());
                return Optional.of(Map.copyOf(attributes));
            } catch (AwsCallFailedException e) {
                if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }
}
