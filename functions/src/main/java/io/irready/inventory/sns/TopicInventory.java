package io.irready.inventory.sns;

import io.irready.core.Memo;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** SNS topic attributes looked up by ARN ({@code sns:GetTopicAttributes}), cached for the evaluation. */
public final class TopicInventory {
    private final Function<String, Optional<Map<String, String>>> attributes;

    /** @param attributes topic ARN → its attributes, empty when the topic does not exist */
    public TopicInventory(Function<String, Optional<Map<String, String>>> attributes) {
        this.attributes = Memo.byKey(attributes);
    }

    public static TopicInventory of(Map<String, Map<String, String>> topics) {
        return new TopicInventory(arn -> Optional.ofNullable(topics.get(arn)));
    }

    public Optional<Map<String, String>> attributes(String topicArn) {
        return attributes.apply(topicArn);
    }
}
