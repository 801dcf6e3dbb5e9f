package io.irready.store;

import static io.irready.store.FindingTable.OUTBOX_AT;
import static io.irready.store.FindingTable.OUTBOX_STATE;
import static io.irready.store.FindingTable.PENDING;
import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.bool;
import static io.irready.store.Items.bounded;
import static io.irready.store.Items.key;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.time;

import io.irready.core.Config;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * What the table remembers per CloudTrail event, so that a redelivered event changes nothing and
 * announces nothing: the events processed to the end ({@code EVENT#…}, two days) and the tamper
 * attempts, once per event id ({@code TAMPER#…}, into the {@link Outbox}).
 */
public final class EventLedger {
    private static final Duration EVENT_MEMORY = Duration.ofDays(2);

    private final DynamoDbClient ddb;
    private final String table;
    private final Duration historyTtl;
    private final Clock clock;

    public EventLedger(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.historyTtl = Duration.ofDays(config.historyTtlDays());
        this.clock = clock;
    }

    /**
     * Stores a tamper attempt once per event id, in the outbox; false when this event was already
     * recorded (a redelivery), so that it is announced once.
     */
    public boolean recordTamper(TamperAttempt attempt) {
        Instant now = now();
        Map<String, AttributeValue> item = new HashMap<>(key(FindingTable.tamperPk(attempt.eventId()), "TAMPER"));
        item.put("itemType", s("tamper"));
        item.put("eventId", s(attempt.eventId()));
        Items.putIfPresent(item, "eventSource", attempt.eventSource());
        Items.putIfPresent(item, "eventName", attempt.eventName());
        Items.putIfPresent(item, "errorCode", attempt.errorCode());
        Items.putIfPresent(item, "errorMessage", attempt.errorMessage());
        item.put("account", s(attempt.account()));
        item.put("region", s(attempt.region()));
        item.put("changedBy", Items.changedBy(attempt.changedBy()));
        item.put("checkIds", Items.list(attempt.checkIds()));
        item.put("resourceIds", Items.list(attempt.resourceIds().stream().map(r -> bounded(r, Items.MAX_FIELD)).toList()));
        item.put("notified", bool(false));
        item.put(OUTBOX_STATE, s(PENDING));
        item.put(OUTBOX_AT, time(now));
        item.put(TTL, n(now.plus(historyTtl).getEpochSecond()));
        try {
            ddb.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /** True when an event with this delivery key was processed to the end before. */
    public boolean processed(String deliveryKey) {
        return Items.get(ddb, table, FindingTable.eventPk(deliveryKey), "EVENT") != null;
    }

    /** Remembers (for two days) that an event was processed, so that a redelivery is a no-op. */
    public void markProcessed(String deliveryKey) {
        Instant now = now();
        Map<String, AttributeValue> item = new HashMap<>(key(FindingTable.eventPk(deliveryKey), "EVENT"));
        item.put("itemType", s("event"));
        item.put("processedAt", time(now));
        item.put(TTL, n(now.plus(EVENT_MEMORY).getEpochSecond()));
        ddb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    private Instant now() {
        return FindingTable.truncate(clock.instant());
    }
}
