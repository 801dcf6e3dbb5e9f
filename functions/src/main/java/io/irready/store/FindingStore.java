package io.irready.store;

import static io.irready.store.FindingTable.OPEN_ACCOUNT;
import static io.irready.store.FindingTable.OPEN_STATUS;
import static io.irready.store.FindingTable.OUTBOX_AT;
import static io.irready.store.FindingTable.OUTBOX_STATE;
import static io.irready.store.FindingTable.PENDING;
import static io.irready.store.FindingTable.PK;
import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.bounded;
import static io.irready.store.Items.key;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.str;
import static io.irready.store.Items.time;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Muted;
import io.irready.core.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The current findings and their transitions, in the one DynamoDB table ({@link FindingTable}); the
 * table's other parts are {@link FindingQueries} (reads), {@link Outbox}, {@link EventLedger} and
 * {@link ScoreHistory}. DynamoDB-compatible emulators have no transactions, so every write is a
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
 *   <li>The notifier publishes and calls {@link Outbox#markSent}.</li>
 * </ol>
 * A crash after 2 leaves the transition on the finding: the next write to that finding, or
 * {@link Outbox#unsent()} (the sweep), completes 3–4 first. A crash after 3 leaves a history item in
 * the outbox: {@link Outbox#unsent()} returns it. The transition id is derived from the finding key, the
 * state left and the version left, so every path names the same transition the same way.
 */
public final class FindingStore {
    private static final Logger LOG = LoggerFactory.getLogger(FindingStore.class);
    static final int MAX_REASON = 16_000;
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient ddb;
    private final String table;
    private final Severity minAlertSeverity;
    private final Duration historyTtl;
    private final Clock clock;
    private final TransitionHistory history;
    private final FindingQueries findings;

    public FindingStore(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.minAlertSeverity = config.minAlertSeverity();
        this.historyTtl = Duration.ofDays(config.historyTtlDays());
        this.clock = clock;
        this.history = new TransitionHistory(ddb, tableName, historyTtl, clock);
        this.findings = new FindingQueries(ddb, tableName);
    }

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
                    FindingState.of(f.status()), f.severity(), f.reason(), FindingTable.truncate(f.observedAt()),
                    f.muted());
            switch (write(target, trigger, transitions)) {
                case REFRESHED -> refreshed++;
                case SKIPPED -> skipped++;
                case TRANSITION -> { }
            }
        }
        for (String checkId : evaluation.completeChecks()) {
            for (StoredFinding stored : findings.findings(evaluation.account(), evaluation.region(), checkId)) {
                String sk = FindingTable.findingSk(stored.checkId(), stored.resourceId());
                if (reported.contains(sk) || !evaluation.scope().includes(stored.resourceId())) {
                    continue;
                }
                Target target = new Target(stored.account(), stored.region(), stored.checkId(), stored.resourceId(),
                        FindingState.CLOSED, stored.severity(), "Closed: " + stored.resourceId()
                                + " no longer exists (or is now suppressed), so " + stored.checkId()
                                + " no longer reports it.", observedAt, Optional.empty());
                if (write(target, Optional.empty(), transitions) == Outcome.TRANSITION) {
                    closed++;
                }
            }
        }
        return new RecordResult(transitions, refreshed, skipped, closed);
    }

    private record Target(String account, String region, String checkId, String resourceId, FindingState state,
                          Severity severity, String reason, Instant observedAt, Optional<Muted> muted) {
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
            Map<String, AttributeValue> item = Items.get(ddb, table, target.pk(), target.sk());
            FindingState current = null;
            long version = 0;
            Optional<Muted> storedMute = Optional.empty();
            boolean expired = false;
            if (item != null) {
                current = FindingState.valueOf(str(item, "status"));
                version = Items.num(item, "version");
                Instant storedObservedAt = Items.instant(item, "observedAt");
                if (!storedObservedAt.isBefore(target.observedAt())) {
                    LOG.debug("{} {}: stored observation {} is not older than {}; left alone",
                            target.checkId(), target.resourceId(), storedObservedAt, target.observedAt());
                    return Outcome.SKIPPED;
                }
                storedMute = Items.muted(item, "muted");
                // an accepted risk that no longer holds re-opens what it hid: a transition even in the same state
                expired = storedMute.isPresent() && target.muted().isEmpty() && target.state().isOpen();
                if (current == target.state() && !expired && trigger.isPresent()
                        && trigger.get().eventId().equals(str(item, "lastEventId"))) {
                    return Outcome.SKIPPED;
                }
                if (current == target.state() && !expired) {
                    try {
                        refresh(target, trigger, version);
                        return Outcome.REFRESHED;
                    } catch (ConditionalCheckFailedException raced) {
                        continue;
                    }
                }
                // a transition an earlier (crashed) write committed but never moved to history
                TransitionHistory.pendingOf(item).ifPresent(left -> {
                    if (history.put(left)) {
                        transitions.add(left);
                    }
                });
            }
            Transition t = new Transition(
                    transitionId(target.pk(), target.sk(), current, version, target.observedAt()),
                    target.account(), target.region(), target.checkId(), target.resourceId(), target.severity(),
                    Optional.ofNullable(current), target.state(), target.observedAt(), version + 1,
                    bounded(expired ? "Accepted risk expired: " + storedMute.get().reason() + ". " + target.reason()
                            : target.reason(), MAX_REASON),
                    target.state() == FindingState.CLOSED ? Optional.empty() : trigger, false);
            // a muted finding is never announced, nor is one leaving a muted open state (nobody heard it open)
            boolean quiet = target.muted().isPresent() || (storedMute.isPresent() && !target.state().isOpen());
            t = withAlert(t, quiet);
            try {
                commit(target, t, trigger, item == null ? null : version);
            } catch (ConditionalCheckFailedException raced) {
                LOG.debug("{} {}: lost a race (attempt {}), re-reading", target.checkId(), target.resourceId(), attempt);
                continue;
            }
            history.put(t);
            history.release(target.pk(), target.sk(), t.transitionId());
            transitions.add(t);
            return Outcome.TRANSITION;
        }
        throw new IllegalStateException("gave up writing " + target.checkId() + " on " + target.resourceId()
                + " after " + MAX_ATTEMPTS + " conflicting writes");
    }

    private Transition withAlert(Transition t, boolean quiet) {
        boolean alert = !quiet && t.kind() != TransitionKind.SILENT && t.severity().isAtLeast(minAlertSeverity);
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
        // also puts findings that were open before the open-by-account index existed into it
        mark(u, target.state(), target.muted(), target.account());
        ddb.updateItem(u.request(table, key(target.pk(), target.sk())));
    }

    /** The accepted risk, and the open index that only unaccepted FAIL/ERROR findings sit in. */
    private static void mark(Update u, FindingState state, Optional<Muted> muted, String account) {
        if (muted.isPresent()) {
            u.set("muted", Items.muted(muted.get()));
        } else {
            u.remove("muted");
        }
        if (state.isOpen() && muted.isEmpty()) {
            u.set(OPEN_STATUS, s(state.name()));
            u.set(OPEN_ACCOUNT, s(account));
        } else {
            u.remove(OPEN_STATUS);
            u.remove(OPEN_ACCOUNT);
        }
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
                .set("reason", s(bounded(target.reason(), MAX_REASON)))
                .setIfAbsent("firstSeenAt", time(t.at()))
                .set("statusChangedAt", time(t.at()))
                .set("lastEvaluatedAt", time(now))
                .set("observedAt", time(target.observedAt()))
                .set("version", n(t.version()))
                .set("pendingTransitionId", s(t.transitionId()))
                .set("pendingTransition", TransitionHistory.pendingMap(t))
                .set(OUTBOX_STATE, s(PENDING))
                .set(OUTBOX_AT, time(now));
        mark(u, t.to(), target.muted(), target.account());
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

    private Instant now() {
        return FindingTable.truncate(clock.instant());
    }
}
