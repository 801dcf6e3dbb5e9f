package io.irready.store;

import static io.irready.store.FindingTable.OUTBOX_AT;
import static io.irready.store.FindingTable.OUTBOX_INDEX;
import static io.irready.store.FindingTable.OUTBOX_STATE;
import static io.irready.store.FindingTable.PENDING;
import static io.irready.store.FindingTable.PK;
import static io.irready.store.FindingTable.SK;
import static io.irready.store.Items.bool;
import static io.irready.store.Items.key;
import static io.irready.store.Items.s;
import static io.irready.store.Items.str;
import static io.irready.store.Items.time;

import io.irready.core.Config;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What is stored but not yet announced: the sparse {@code outbox} index of the table
 * ({@code outboxState = PENDING}). Transitions enter it when {@link FindingStore} records them,
 * tamper attempts when {@link EventLedger} does; the notifier publishes them and calls
 * {@link #markSent}, and the sweep republishes whatever is left ({@link #unsent()}).
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /**
     * How long a publisher's claim on a message holds: far longer than a publish takes, far shorter
     * than the hour between sweeps, so a crashed publisher delays the message by one sweep at most.
     */
    public static final Duration CLAIM_TTL = Duration.ofMinutes(5);
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_UNTIL = "claimedUntil";

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;
    private final TransitionHistory history;

    public Outbox(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.clock = clock;
        this.history = new TransitionHistory(ddb, tableName, Duration.ofDays(config.historyTtlDays()), clock);
    }

    /**
     * Everything stored but not yet announced, oldest first. Transitions that a crashed write left
     * on a finding are moved to history first, so each transition appears once, by its id.
     */
    public List<OutboxMessage> unsent() {
        for (Map<String, AttributeValue> item : queryOutbox()) {
            if (str(item, PK).startsWith("FINDING#")) {
                TransitionHistory.pendingOf(item).ifPresent(t -> {
                    history.put(t);
                    history.release(str(item, PK), str(item, SK), t.transitionId());
                });
            }
        }
        Map<String, OutboxMessage> messages = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : queryOutbox()) {
            String pk = str(item, PK);
            if (!stillPending(item)) {
                continue;
            }
            if (pk.startsWith("HISTORY#")) {
                Transition t = Items.transition(item);
                messages.putIfAbsent(t.messageId(), t);
            } else if (pk.startsWith("TAMPER#")) {
                TamperAttempt a = Items.tamper(item);
                messages.putIfAbsent(a.messageId(), a);
            }
        }
        return List.copyOf(messages.values());
    }

    /**
     * The outbox index is eventually consistent: a message marked sent a moment ago (by this sweep's
     * own publish, or another invocation's) can still be listed. A consistent read of the item itself
     * decides, so that a sweep does not announce again what was just announced.
     */
    private boolean stillPending(Map<String, AttributeValue> indexed) {
        var fresh = ddb.getItem(GetItemRequest.builder().tableName(table).key(key(str(indexed, PK), str(indexed, SK)))
                .consistentRead(true).build());
        return fresh.hasItem() && PENDING.equals(str(fresh.item(), OUTBOX_STATE));
    }

    private List<Map<String, AttributeValue>> queryOutbox() {
        return Items.query(ddb, QueryRequest.builder().tableName(table).indexName(OUTBOX_INDEX)
                .keyConditionExpression("#s = :p")
                .expressionAttributeNames(Map.of("#s", OUTBOX_STATE))
                .expressionAttributeValues(Map.of(":p", s(PENDING))).build());
    }

    /**
     * Claims an unsent message for one publisher, so that of two racing publishers (an event and a
     * sweep, or two sweeps) only one sends it: one conditional write that succeeds only while the
     * message is still pending, not yet notified, and unclaimed or claimed by someone whose claim
     * has expired. A claimer that dies keeps the message for {@link #CLAIM_TTL} at most; the next
     * sweep after that claims it again, so delivery stays at least once.
     *
     * @param token unique to this attempt; {@link #release} and the stored {@code claimedBy} name it
     * @return true when this call holds the claim and may publish
     */
    public boolean claim(OutboxMessage message, String token) {
        Instant now = FindingTable.truncate(clock.instant());
        Update u = new Update().set(CLAIMED_BY, s(token)).set(CLAIMED_UNTIL, time(now.plus(CLAIM_TTL)))
                .name(OUTBOX_STATE).name("notified").value(":pending", s(PENDING)).value(":false", bool(false))
                .value(":now", time(now))
                .condition("#" + OUTBOX_STATE + " = :pending AND #notified = :false"
                        + " AND (attribute_not_exists(#" + CLAIMED_UNTIL + ") OR #" + CLAIMED_UNTIL + " < :now)");
        try {
            ddb.updateItem(u.request(table, keyOf(message)));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Gives a claim back after a failed publish, so that the next sweep need not wait for it to
     * expire; only the claim {@code token} still holds is released.
     */
    public void release(OutboxMessage message, String token) {
        try {
            ddb.updateItem(new Update().remove(CLAIMED_BY).remove(CLAIMED_UNTIL).value(":token", s(token))
                    .condition("#" + CLAIMED_BY + " = :token").request(table, keyOf(message)));
        } catch (ConditionalCheckFailedException lost) {
            // the claim expired and someone else holds it now (or it was sent): theirs to finish
        }
    }

    private static Map<String, AttributeValue> keyOf(OutboxMessage message) {
        return switch (message) {
            case Transition t -> key(FindingTable.historyPk(t.account(), t.region(), t.checkId(), t.resourceId()),
                    FindingTable.historySk(t.at(), t.transitionId()));
            case TamperAttempt a -> key(FindingTable.tamperPk(a.eventId()), "TAMPER");
        };
    }

    /** Takes a delivered message out of the outbox and records that (and when) it was sent. */
    public void markSent(OutboxMessage message, String snsMessageId) {
        Map<String, AttributeValue> key = keyOf(message);
        Update u = new Update().remove(OUTBOX_STATE).remove(OUTBOX_AT).remove(CLAIMED_UNTIL)
                .set("notified", bool(true)).set("notifiedAt", time(FindingTable.truncate(clock.instant())))
                .name(PK).condition("attribute_exists(#pk)");
        if (snsMessageId != null) {
            u.set("snsMessageId", s(snsMessageId));
        }
        try {
            ddb.updateItem(u.request(table, key));
        } catch (ConditionalCheckFailedException gone) {
            LOG.warn("outbox item {} vanished before it was marked sent", message.messageId());
        }
    }
}
