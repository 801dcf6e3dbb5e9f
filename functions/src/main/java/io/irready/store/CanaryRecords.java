package io.irready.store;

import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.time;

import io.irready.inventory.irready.CanaryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The pipeline canary's record per account and region ({@code CANARY#<account>#<region>} / {@code CANARY}): one
 * small item, updated when the canary is written and when its CloudTrail event comes back. No TTL: the item is
 * the memory of when irready last saw that region, and a record that vanished would restart the wait.
 */
public final class CanaryRecords {
    private static final String SK = "CANARY";

    private final DynamoDbClient ddb;
    private final String table;

    public CanaryRecords(DynamoDbClient ddb, String tableName) {
        this.ddb = ddb;
        this.table = tableName;
    }

    static String pk(String account, String region) {
        return "CANARY#" + account + "#" + region;
    }

    public Optional<CanaryRecord> get(String account, String region) {
        Map<String, AttributeValue> item = Items.get(ddb, table, pk(account, region), SK);
        if (item == null || item.get("firstSentAt") == null) {
            return Optional.empty();
        }
        return Optional.of(new CanaryRecord(account, region, Items.instant(item, "firstSentAt"),
                optInstant(item, "lastSentAt"), optInstant(item, "lastSendFailedAt"),
                Items.optStr(item, "lastSendFailure"), optInstant(item, "lastArrivedAt"),
                optInstant(item, "lastEventTime"),
                Optional.ofNullable(item.get("lastDelaySeconds")).map(v -> Duration.ofSeconds(Long.parseLong(v.n())))));
    }

    /** A canary write succeeded at {@code at}. */
    public void recordSent(String account, String region, Instant at) {
        update(account, region, "SET lastSentAt = :at, firstSentAt = if_not_exists(firstSentAt, :at), "
                + "itemType = :type, account = :account, #region = :region", Map.of(":at", time(at)));
    }

    /** A canary write failed at {@code at}: the wait still starts at the first attempt. */
    public void recordSendFailure(String account, String region, Instant at, String failure) {
        update(account, region, "SET lastSendFailedAt = :at, lastSendFailure = :failure, "
                        + "firstSentAt = if_not_exists(firstSentAt, :at), itemType = :type, account = :account, "
                        + "#region = :region",
                Map.of(":at", time(at), ":failure", s(Items.bounded(failure, Items.MAX_FIELD))));
    }

    /**
     * A canary event reached irready at {@code receivedAt}. Arrivals only move forward: a late redelivery of an
     * older canary event never makes the region look less recently seen.
     *
     * @return false when a later arrival was already recorded
     */
    public boolean recordArrival(String account, String region, Instant eventTime, Instant receivedAt) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":arrived", time(receivedAt));
        values.put(":eventTime", time(eventTime));
        values.put(":delay", n(Math.max(0, Duration.between(eventTime, receivedAt).toSeconds())));
        try {
            ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(Items.key(pk(account, region), SK))
                    .updateExpression("SET lastArrivedAt = :arrived, lastEventTime = :eventTime, "
                            + "lastDelaySeconds = :delay, firstSentAt = if_not_exists(firstSentAt, :arrived), "
                            + "itemType = :type, account = :account, #region = :region")
                    .conditionExpression("attribute_not_exists(lastArrivedAt) OR lastArrivedAt < :arrived")
                    .expressionAttributeNames(Map.of("#region", "region"))
                    .expressionAttributeValues(with(values, account, region)).build());
            return true;
        } catch (ConditionalCheckFailedException later) {
            return false;
        }
    }

    private void update(String account, String region, String expression, Map<String, AttributeValue> values) {
        ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(Items.key(pk(account, region), SK))
                .updateExpression(expression)
                .expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(with(values, account, region)).build());
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String account,
                                                    String region) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":type", s("canary"));
        all.put(":account", s(account));
        all.put(":region", s(region));
        return all;
    }

    private static Optional<Instant> optInstant(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(Items.instant(item, name));
    }
}
