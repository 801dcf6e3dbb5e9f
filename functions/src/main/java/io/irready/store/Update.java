package io.irready.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds an UpdateItem expression. Every attribute goes through a {@code #name} placeholder
 * ({@code status}, {@code region}, {@code reason} … are DynamoDB reserved words); a value set on
 * {@code x} is {@code :x}, so conditions can compare the stored {@code #x} with the new {@code :x}.
 */
final class Update {
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String condition;

    Update set(String name, AttributeValue value) {
        names.put("#" + name, name);
        values.put(":" + name, value);
        sets.add("#" + name + " = :" + name);
        return this;
    }

    /** Sets {@code name} only when the item does not have it yet (e.g. firstSeenAt). */
    Update setIfAbsent(String name, AttributeValue value) {
        names.put("#" + name, name);
        values.put(":" + name, value);
        sets.add("#" + name + " = if_not_exists(#" + name + ", :" + name + ")");
        return this;
    }

    Update remove(String name) {
        names.put("#" + name, name);
        removes.add("#" + name);
        return this;
    }

    /** A condition over {@code #name}s (registered with {@link #name}) and {@code :value}s. */
    Update condition(String expression) {
        this.condition = expression;
        return this;
    }

    Update name(String name) {
        names.put("#" + name, name);
        return this;
    }

    Update value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(expression.toString()).expressionAttributeNames(names);
        if (!values.isEmpty()) {
            b.expressionAttributeValues(values);
        }
        if (condition != null) {
            b.conditionExpression(condition);
        }
        return b.build();
    }
}
