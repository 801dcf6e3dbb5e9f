package io.irready.store;

import static io.irready.store.FindingTable.OPEN_INDEX;
import static io.irready.store.FindingTable.OPEN_STATUS;
import static io.irready.store.FindingTable.OUTBOX_AT;
import static io.irready.store.FindingTable.OUTBOX_INDEX;
import static io.irready.store.FindingTable.OUTBOX_STATE;
import static io.irready.store.FindingTable.PENDING;
import static io.irready.store.FindingTable.PK;
import static io.irready.store.FindingTable.SK;
import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.bool;
import static io.irready.store.Items.bounded;
import static io.irready.store.Items.key;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.str;
import static io.irready.store.Items.time;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Findings, their history, the outbox and the readiness trend in one DynamoDB table
 * ({@link FindingTable}). DynamoDB-compatible emulators have no transactions, so every write is a
 * single conditional {@code UpdateItem}/{@code PutItem}, ordered so that a crash at any point
 * loses no transition and records none twice:
 *
 * <ol>
 *   <li><b>Decide</b> on a consistent read of the current finding: skip when the stored
 *       {@code observedAt} is not older than ours (an older observation never replaces a newer one)
 *       or when the same event already evaluated it to the same state (redelivery); refresh when the
 *       state is unchanged; otherwise a transition.</li>
 *   <li><b>Commit</b> the transition on the finding itself, conditional on the {@code version} and
 *       {@code observedAt} we read (or on the item not existing). This one write decides it: of two
 *       racing evaluations exactly one wins; the loser re-reads and, seeing the winner's state,
 *       records no transition. The committed finding carries the transition as
 *       {@code pendingTransition} and sits in the {@code outbox} index.</li>
 *   <li><b>History</b>: put the transition item (key derived from the transition id, conditional on
 *       not existing, so a repeat is a no-op), in the {@code outbox} index when it must be announced.</li>
 *   <li><b>Release</b> the finding's pending marker (conditional on it still naming this transition).</li>
 *   <li>The notifier publishes and calls {@link #markSent}.</li>
 * </ol>
 * A crash after 2 leaves the transition on the finding: the next write to that finding, or
 * {@link #unsent()} (the sweep), completes 3–4 first. A crash after 3 leaves a history item in the
 * outbox: {@link #unsent()} returns it. The transition id is derived from the finding key, the
 * state left and the version left, so every path names the same transition the same way.
 */
public final class FindingStore {
    private static final Logger LOG = LoggerFactory.getLogger(FindingStore.class);
    static final int MAX_FIELD = 1024;
    static final int MAX_REASON = 16_000;
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration EVENT_MEMORY = Duration.ofDays(2);

    private final DynamoDbClient ddb;
    private final String table;
    private final Severity minAlertSeverity;
    private final Duration historyTtl;
    private final Clock clock;

    public FindingStore(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.minAlertSeverity = config.minAlertSeverity();
        this.historyTtl = Duration.ofDays(config.historyTtlDays());
        this.clock = clock;
    }

    public String tableName() {
        return table;
    }

    // ------------------------------------------------------------------ recording

    /**
     * Stores every finding of {@code evaluation} and closes the stored findings of its complete
     * checks, within its scope, that it no longer reports (their resources are gone).
     *
     * @param trigger the event that caused the evaluation (empty for sweeps)
     */
    public RecordResult record(Evaluation evaluation, Optional<ChangedBy> trigger) {
        List<Transition> transitions = new ArrayList<>();
        int refreshed = 0;
        int skipped = 0;
        int closed = 0;
        Instant observedAt = FindingTable.truncate(evaluation.observedAt());
        Set<String> reported = new HashSet<>();
        for (Finding f : evaluation.findings()) {
            reported.add(FindingTable.findingSk(f.checkId(), f.resourceId()));
            Target target = new Target(f.account(), f.region(), f.checkId(), f.resourceId(),
                    FindingState.of(f.status()), f.severity(), f.reason(), FindingTable.truncate(f.observedAt()));
            switch (write(target, trigger, transitions)) {
                case REFRESHED -> refreshed++;
                case SKIPPED -> skipped++;
                case TRANSITION -> { }
            }
        }
        for (String checkId : evaluation.completeChecks()) {
            for (StoredFinding stored : findings(evaluation.account(), evaluation.region(), checkId)) {
                String sk = FindingTable.findingSk(stored.checkId(), stored.resourceId());
                if (reported.contains(sk) || !evaluation.scope().includes(stored.resourceId())) {
                    continue;
                }
                Target target = new Target(stored.account(), stored.region(), stored.checkId(), stored.resourceId(),
                        FindingState.CLOSED, stored.severity(), "Closed: " + stored.resourceId()
                                + " no longer exists (or is now suppressed), so " + stored.checkId()
                                + " no longer reports it.", observedAt);
                if (write(target, Optional.empty(), transitions) == Outcome.TRANSITION) {
                    closed++;
                }
            }
        }
        return new RecordResult(transitions, refreshed, skipped, closed);
    }

    private record Target(String account, String region, String checkId, String resourceId, FindingState state,
                          Severity severity, String reason, Instant observedAt) {
        String pk() {
            return FindingTable.findingPk(account, region);
        }

        String sk() {
            return FindingTable.findingSk(checkId, resourceId);
        }
    }

    private enum Outcome { TRANSITION, REFRESHED, SKIPPED }

    private Outcome write(Target target, Optional<ChangedBy> trigger, List<Transition> transitions) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = getItem(target.pk(), target.sk());
            FindingState current = null;
            long version = 0;
            if (item != null) {
                current = FindingState.valueOf(str(item, "status"));
                version = Items.num(item, "version");
                Instant storedObservedAt = Items.instant(item, "observedAt");
                if (!storedObservedAt.isBefore(target.observedAt())) {
                    LOG.debug("{} {}: stored observation {} is not older than {}; left alone",
                            target.checkId(), target.resourceId(), storedObservedAt, target.observedAt());
                    return Outcome.SKIPPED;
                }
                if (current == target.state() && trigger.isPresent()
                        && trigger.get().eventId().equals(str(item, "lastEventId"))) {
                    return Outcome.SKIPPED;
                }
                if (current == target.state()) {
                    try {
                        refresh(target, trigger, version);
                        return Outcome.REFRESHED;
                    } catch (ConditionalCheckFailedException raced) {
                        continue;
                    }
                }
                // a transition an earlier (crashed) write committed but never moved to history
                pendingOf(item).ifPresent(left -> {
                    if (putHistory(left)) {
                        transitions.add(left);
                    }
                });
            }
            Transition t = new Transition(
                    transitionId(target.pk(), target.sk(), current, version, target.observedAt()),
                    target.account(), target.region(), target.checkId(), target.resourceId(), target.severity(),
                    Optional.ofNullable(current), target.state(), target.observedAt(), version + 1,
                    bounded(target.reason(), MAX_REASON), target.state() == FindingState.CLOSED ? Optional.empty() : trigger,
                    false);
            t = withAlert(t);
            try {
                commit(target, t, trigger, item == null ? null : version);
            } catch (ConditionalCheckFailedException raced) {
                LOG.debug("{} {}: lost a race (attempt {}), re-reading", target.checkId(), target.resourceId(), attempt);
                continue;
            }
            putHistory(t);
            release(target.pk(), target.sk(), t.transitionId());
            transitions.add(t);
            return Outcome.TRANSITION;
        }
        throw new IllegalStateException("gave up writing " + target.checkId() + " on " + target.resourceId()
                + " after " + MAX_ATTEMPTS + " conflicting writes");
    }

    private Transition withAlert(Transition t) {
        boolean alert = t.kind() != TransitionKind.SILENT && t.severity().isAtLeast(minAlertSeverity);
        return new Transition(t.transitionId(), t.account(), t.region(), t.checkId(), t.resourceId(), t.severity(),
                t.from(), t.to(), t.at(), t.version(), t.reason(), t.changedBy(), alert);
    }

    /** Same state as stored: move the evaluation marks only (still conditional: never over a newer one). */
    private void refresh(Target target, Optional<ChangedBy> trigger, long version) {
        Update u = new Update()
                .set("reason", s(bounded(target.reason(), MAX_REASON)))
                .set("severity", s(target.severity().name()))
                .set("lastEvaluatedAt", time(now()))
                .set("observedAt", time(target.observedAt()))
                .name("version").value(":expectedVersion", n(version))
                .condition("#version = :expectedVersion AND #observedAt < :observedAt");
        trigger.ifPresent(c -> u.set("lastEventId", s(c.eventId())));
        ddb.updateItem(u.request(table, key(target.pk(), target.sk())));
    }

    /** The write that decides a transition; {@code expectedVersion} null means "must not exist yet". */
    private void commit(Target target, Transition t, Optional<ChangedBy> trigger, Long expectedVersion) {
        Instant now = now();
        Update u = new Update()
                .set("itemType", s("finding"))
                .set("account", s(target.account()))
                .set("region", s(target.region()))
                .set("checkId", s(target.checkId()))
                .set("resourceId", s(target.resourceId()))
                .set("status", s(t.to().name()))
                .set("severity", s(target.severity().name()))
                .set("reason", s(t.reason()))
                .setIfAbsent("firstSeenAt", time(t.at()))
                .set("statusChangedAt", time(t.at()))
                .set("lastEvaluatedAt", time(now))
                .set("observedAt", time(target.observedAt()))
                .set("version", n(t.version()))
                .set("pendingTransitionId", s(t.transitionId()))
                .set("pendingTransition", pendingMap(t))
                .set(OUTBOX_STATE, s(PENDING))
                .set(OUTBOX_AT, time(now));
        if (t.to().isOpen()) {
            u.set(OPEN_STATUS, s(t.to().name()));
        } else {
            u.remove(OPEN_STATUS);
        }
        if (t.to() == FindingState.CLOSED) {
            u.set(TTL, n(now.plus(historyTtl).getEpochSecond()));
        } else {
            u.remove(TTL);
        }
        if (t.changedBy().isPresent()) {
            u.set("changedBy", Items.changedBy(t.changedBy().get()));
        } else {
            u.remove("changedBy");
        }
        trigger.ifPresent(c -> u.set("lastEventId", s(c.eventId())));
        if (expectedVersion == null) {
            u.name(PK).condition("attribute_not_exists(#pk)");
        } else {
            u.name("version").value(":expectedVersion", n(expectedVersion))
                    .condition("#version = :expectedVersion AND #observedAt < :observedAt");
        }
        ddb.updateItem(u.request(table, key(target.pk(), target.sk())));
    }

    private static AttributeValue pendingMap(Transition t) {
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
    private static Optional<Transition> pendingOf(Map<String, AttributeValue> item) {
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
    private boolean putHistory(Transition t) {
        Instant now = now();
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
    private void release(String pk, String sk, String transitionId) {
        try {
            ddb.updateItem(new Update().remove("pendingTransitionId").remove("pendingTransition")
                    .remove(OUTBOX_STATE).remove(OUTBOX_AT)
                    .value(":tid", s(transitionId)).condition("#pendingTransitionId = :tid")
                    .request(table, key(pk, sk)));
        } catch (ConditionalCheckFailedException newer) {
            // a later transition has replaced ours on the finding (after moving ours to history)
        }
    }

    /**
     * Unique per transition: the finding, the state and version it leaves, and the observation that
     * made it. The observation matters once a CLOSED finding has expired by TTL and its resource comes
     * back: the finding restarts at version 0 from no state, and without it the new transition would
     * reuse the first one's id (and be dropped by subscribers that deduplicate by id). A committed
     * transition is stored with its id, so recovery after a crash never recomputes it.
     */
    static String transitionId(String pk, String sk, FindingState from, long version, Instant observedAt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (pk + "\n" + sk + "\n" + (from == null ? "none" : from.name()) + "\n" + version + "\n"
                            + observedAt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ outbox

    /**
     * Everything stored but not yet announced, oldest first. Transitions that a crashed write left
     * on a finding are moved to history first, so each transition appears once, by its id.
     */
    public List<OutboxMessage> unsent() {
        for (Map<String, AttributeValue> item : queryOutbox()) {
            if (str(item, PK).startsWith("FINDING#")) {
                pendingOf(item).ifPresent(t -> {
                    putHistory(t);
                    release(str(item, PK), str(item, SK), t.transitionId());
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
                Transition t = transition(item);
                messages.putIfAbsent(t.messageId(), t);
            } else if (pk.startsWith("TAMPER#")) {
                TamperAttempt a = tamper(item);
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
        return query(QueryRequest.builder().tableName(table).indexName(OUTBOX_INDEX)
                .keyConditionExpression("#s = :p")
                .expressionAttributeNames(Map.of("#s", OUTBOX_STATE))
                .expressionAttributeValues(Map.of(":p", s(PENDING))).build());
    }

    /** Takes a delivered message out of the outbox and records that (and when) it was sent. */
    public void markSent(OutboxMessage message, String snsMessageId) {
        Map<String, AttributeValue> key = switch (message) {
            case Transition t -> key(FindingTable.historyPk(t.account(), t.region(), t.checkId(), t.resourceId()),
                    FindingTable.historySk(t.at(), t.transitionId()));
            case TamperAttempt a -> key(FindingTable.tamperPk(a.eventId()), "TAMPER");
        };
        Update u = new Update().remove(OUTBOX_STATE).remove(OUTBOX_AT)
                .set("notified", bool(true)).set("notifiedAt", time(now()))
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

    // ------------------------------------------------------------------ tamper attempts and deliveries

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
        item.put("resourceIds", Items.list(attempt.resourceIds().stream().map(r -> bounded(r, MAX_FIELD)).toList()));
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
        return getItem(FindingTable.eventPk(deliveryKey), "EVENT") != null;
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

    // ------------------------------------------------------------------ reads

    /** Access pattern 1: the current finding of one check on one resource (closed ones included). */
    public Optional<StoredFinding> get(String account, String region, String checkId, String resourceId) {
        return Optional.ofNullable(getItem(FindingTable.findingPk(account, region),
                FindingTable.findingSk(checkId, resourceId))).map(FindingStore::finding);
    }

    /** Access pattern 3: the findings of an account and region, closed ones left out. */
    public List<StoredFinding> findings(String account, String region) {
        return findings(account, region, null);
    }

    /** Access pattern 3: the findings of one check (or all when {@code checkId} is null) in an account and region. */
    public List<StoredFinding> findings(String account, String region, String checkId) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true);
        if (checkId == null) {
            q.keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(FindingTable.findingPk(account, region))));
        } else {
            q.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(FindingTable.findingPk(account, region)),
                            ":prefix", s(checkId + "#")));
        }
        return query(q.build()).stream().map(FindingStore::finding)
                .filter(f -> f.status() != FindingState.CLOSED).toList();
    }

    /** Access pattern 2: every FAIL and ERROR finding, newest change first (the sparse index). */
    public List<StoredFinding> openFindings() {
        List<StoredFinding> open = new ArrayList<>(openFindings(FindingState.FAIL));
        open.addAll(openFindings(FindingState.ERROR));
        open.sort(Comparator.comparing(StoredFinding::statusChangedAt).reversed());
        return open;
    }

    /** Access pattern 2 for one open state ({@code FAIL} or {@code ERROR}), newest change first. */
    public List<StoredFinding> openFindings(FindingState state) {
        if (!state.isOpen()) {
            throw new IllegalArgumentException("only FAIL and ERROR findings are indexed as open, not " + state);
        }
        return query(QueryRequest.builder().tableName(table).indexName(OPEN_INDEX)
                .keyConditionExpression("#s = :s").scanIndexForward(false)
                .expressionAttributeNames(Map.of("#s", OPEN_STATUS))
                .expressionAttributeValues(Map.of(":s", s(state.name()))).build())
                .stream().map(FindingStore::finding).toList();
    }

    /** Every current finding in the table (all accounts and regions), closed ones included: the CLI's listing. */
    public List<StoredFinding> allFindings() {
        List<StoredFinding> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("begins_with(pk, :prefix)")
                    .expressionAttributeValues(Map.of(":prefix", s("FINDING#")));
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            var page = ddb.scan(scan.build());
            page.items().forEach(i -> all.add(finding(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    /** Access pattern 4: the transitions of one finding, oldest first (until their TTL removes them). */
    public List<Transition> history(String account, String region, String checkId, String resourceId) {
        return query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(FindingTable.historyPk(account, region, checkId, resourceId))))
                .build()).stream().map(FindingStore::transition).toList();
    }

    /** Whether the history item of a transition was marked sent. */
    public boolean notified(Transition t) {
        Map<String, AttributeValue> item = getItem(FindingTable.historyPk(t.account(), t.region(), t.checkId(),
                t.resourceId()), FindingTable.historySk(t.at(), t.transitionId()));
        return item != null && Items.flag(item, "notified");
    }

    // ------------------------------------------------------------------ readiness score

    /** Computes the score of an account and region from its stored findings and stores a point of the trend. */
    public ScorePoint recordScore(String account, String region) {
        Instant now = now();
        ReadinessScore score = ReadinessScore.of(findings(account, region));
        Map<String, AttributeValue> item = new HashMap<>(key(FindingTable.scorePk(account, region), FindingTable.iso(now)));
        item.put("itemType", s("score"));
        item.put("account", s(account));
        item.put("region", s(region));
        item.put("at", time(now));
        item.put("score", n(score.score()));
        item.put("pass", n(score.pass()));
        item.put("fail", n(score.fail()));
        item.put("error", n(score.error()));
        item.put("notApplicable", n(score.notApplicable()));
        item.put(TTL, n(now.plus(historyTtl).getEpochSecond()));
        ddb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        return new ScorePoint(account, region, now, score);
    }

    /** Access pattern 5: the readiness trend of an account and region, oldest first. */
    public List<ScorePoint> scores(String account, String region) {
        return query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(FindingTable.scorePk(account, region)))).build())
                .stream().map(i -> new ScorePoint(account, region, Items.instant(i, "at"),
                        new ReadinessScore(Items.decimal(i, "score"), (int) Items.num(i, "pass"),
                                (int) Items.num(i, "fail"), (int) Items.num(i, "error"),
                                (int) Items.num(i, "notApplicable")))).toList();
    }

    // ------------------------------------------------------------------ plumbing

    private Instant now() {
        return FindingTable.truncate(clock.instant());
    }

    private Map<String, AttributeValue> getItem(String pk, String sk) {
        var response = ddb.getItem(GetItemRequest.builder().tableName(table).key(key(pk, sk)).consistentRead(true).build());
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ddb.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    private static StoredFinding finding(Map<String, AttributeValue> i) {
        return new StoredFinding(str(i, "account"), str(i, "region"), str(i, "checkId"), str(i, "resourceId"),
                FindingState.valueOf(str(i, "status")), Severity.valueOf(str(i, "severity")), str(i, "reason"),
                Items.instant(i, "firstSeenAt"), Items.instant(i, "statusChangedAt"),
                Items.instant(i, "lastEvaluatedAt"), Items.instant(i, "observedAt"), Items.num(i, "version"),
                Items.changedBy(i, "changedBy"), Items.optStr(i, "lastEventId"));
    }

    private static Transition transition(Map<String, AttributeValue> i) {
        return new Transition(str(i, "transitionId"), str(i, "account"), str(i, "region"), str(i, "checkId"),
                str(i, "resourceId"), Severity.valueOf(str(i, "severity")),
                Items.optStr(i, "fromStatus").map(FindingState::valueOf), FindingState.valueOf(str(i, "toStatus")),
                Items.instant(i, "at"), Items.num(i, "version"), str(i, "reason"), Items.changedBy(i, "changedBy"),
                Items.flag(i, "alert"));
    }

    private static TamperAttempt tamper(Map<String, AttributeValue> i) {
        return new TamperAttempt(str(i, "eventId"), str(i, "eventSource"), str(i, "eventName"), str(i, "errorCode"),
                str(i, "errorMessage"), str(i, "account"), str(i, "region"),
                Items.changedBy(i, "changedBy").orElseThrow(), Items.strings(i, "checkIds"),
                Items.strings(i, "resourceIds"));
    }
}
