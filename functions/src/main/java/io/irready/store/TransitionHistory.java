package io.irready.store;

import static io.irready.store.FindingTable.OUTBOX_AT;
import static io.irready.store.FindingTable.OUTBOX_STATE;
import static io.irready.store.FindingTable.PENDING;
import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.bool;
import static io.irready.store.Items.key;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.str;
import static io.irready.store.Items.time;

import io.irready.core.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Steps 3 and 4 of recording a transition (see {@link FindingStore}): the history item, written
 * once, and the release of the finding's pending marker. Both the recording path and the outbox's
 * recovery of a crashed write ({@link Outbox#unsent()}) complete a transition through here, so that
 * they write the same items the same way.
 */
final class TransitionHistory {
    private final DynamoDbClient ddb;
    private final String table;
    private final Duration historyTtl;
    private final Clock clock;

    TransitionHistory(DynamoDbClient ddb, String table, Duration historyTtl, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.historyTtl = historyTtl;
        this.clock = clock;
    }

    /** The transition as the finding carries it until it is in history ({@code pendingTransition}). */
    static AttributeValue pendingMap(Transition t) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("transitionId", s(t.transitionId()));
        t.from().ifPresent(f -> m.put("fromStatus", s(f.name())));
        m.put("toStatus", s(t.to().name()));
        m.put("at", time(t.at()));
        m.put("version", n(t.version()));
        m.put("reason", s(t.reason()));
        m.put("severity", s(t.severity().name()));
        m.put("alert", bool(t.alert()));
        t.changedBy().ifPresent(c -> m.put("changedBy", Items.changedBy(c)));
        return AttributeValue.fromM(m);
    }

    /** The transition a finding item still carries (committed, maybe not yet in history). */
    static Optional<Transition> pendingOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> m = Items.map(item, "pendingTransition");
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new Transition(str(m, "transitionId"), str(item, "account"), str(item, "region"),
                str(item, "checkId"), str(item, "resourceId"), Severity.valueOf(str(m, "severity")),
                Items.optStr(m, "fromStatus").map(FindingState::valueOf), FindingState.valueOf(str(m, "toStatus")),
                Items.instant(m, "at"), Items.num(m, "version"), str(m, "reason"), Items.changedBy(m, "changedBy"),
                Items.flag(m, "alert")));
    }

    /** Writes the history item of {@code t} once; true when this call wrote it. */
    boolean put(Transition t) {
        Instant now = FindingTable.truncate(clock.instant());
        Map<String, AttributeValue> item = new HashMap<>(key(
                FindingTable.historyPk(t.account(), t.region(), t.checkId(), t.resourceId()),
                FindingTable.historySk(t.at(), t.transitionId())));
        item.put("itemType", s("transition"));
        item.put("transitionId", s(t.transitionId()));
        item.put("account", s(t.account()));
        item.put("region", s(t.region()));
        item.put("checkId", s(t.checkId()));
        item.put("resourceId", s(t.resourceId()));
        item.put("severity", s(t.severity().name()));
        t.from().ifPresent(f -> item.put("fromStatus", s(f.name())));
        item.put("toStatus", s(t.to().name()));
        item.put("kind", s(t.kind().name()));
        item.put("at", time(t.at()));
        item.put("version", n(t.version()));
        item.put("reason", s(t.reason()));
        t.changedBy().ifPresent(c -> item.put("changedBy", Items.changedBy(c)));
        item.put("alert", bool(t.alert()));
        item.put("notified", bool(false));
        item.put(TTL, n(now.plus(historyTtl).getEpochSecond()));
        if (t.alert()) {
            item.put(OUTBOX_STATE, s(PENDING));
            item.put(OUTBOX_AT, time(now));
        }
        try {
            ddb.putItem(PutItemRequest.builder().tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)").build());
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /** Takes a finding out of the outbox once its transition is in history. */
    void release(String pk, String sk, String transitionId) {
        try {
            ddb.updateItem(new Update().remove("pendingTransitionId").remove("pendingTransition")
                    .remove(OUTBOX_STATE).remove(OUTBOX_AT)
                    .value(":tid", s(transitionId)).condition("#pendingTransitionId = :tid")
                    .request(table, key(pk, sk)));
        } catch (ConditionalCheckFailedException newer) {
            // a later transition has replaced ours on the finding (after moving ours to history)
        }
    }
}
