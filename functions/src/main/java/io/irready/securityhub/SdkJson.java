package io.irready.securityhub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * An SDK model object as the JSON its service receives, member names as on the wire (e.g.
 * {@code SchemaVersion}), from the model's own field descriptions: what the CLI prints is exactly
 * what an import would send.
 */
public final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !isUnsetCollection(value)) {
                node.set(field.locationName(), value(value));
            }
        }
        return node;
    }

    private static boolean isUnsetCollection(Object value) {
        // the SDK's "auto construct" lists and maps stand for members that were never set
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    private static JsonNode value(Object value) {
        return switch (value) {
            case SdkPojo pojo -> toJson(pojo);
            case Collection<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(v -> array.add(value(v)));
                yield array;
            }
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((k, v) -> object.set(String.valueOf(k), value(v)));
                yield object;
            }
            case Boolean b -> NODES.booleanNode(b);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Double d -> NODES.numberNode(d);
            case Instant t -> NODES.textNode(t.toString());
            default -> NODES.textNode(String.valueOf(value));
        };
    }
}
