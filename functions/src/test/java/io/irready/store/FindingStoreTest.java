package io.irready.store;

import static io.irready.store.StoreFixture.ACCOUNT;
import static io.irready.store.StoreFixture.CHECK;
import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.REGION;
import static io.irready.store.StoreFixture.STOP;
import static io.irready.store.StoreFixture.T0;
import static io.irready.store.StoreFixture.VPC_A;
import static io.irready.store.StoreFixture.VPC_B;
import static io.irready.store.StoreFixture.evaluation;
import static io.irready.store.StoreFixture.finding;
import static io.irready.store.StoreFixture.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Recording findings and their transitions: the decide/commit/history/release protocol of {@link FindingStore}. */
class FindingStoreTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    String table;
    FindingStore store;
    FindingQueries queries;
    Outbox outbox;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        store = new FindingStore(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new FindingQueries(DYNALITE.client(), table);
        outbox = new Outbox(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    RecordResult record(Status status, Instant at) {
        return store.record(evaluation(at, finding(VPC_A, status, at)), Optional.empty());
    }

    @Test
    void firstFailIsStoredWithConsoleReadableAttributesAndAlerts() {
        RecordResult result = store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.of(STOP));

        assertThat(result.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEmpty();
            assertThat(t.to()).isEqualTo(FindingState.FAIL);
            assertThat(t.kind()).isEqualTo(TransitionKind.RAISED);
            assertThat(t.alert()).isTrue();
            assertThat(t.changedBy()).contains(STOP);
        });
        StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.status()).isEqualTo(FindingState.FAIL);
        assertThat(stored.reason()).isEqualTo("VPC " + VPC_A + " is FAIL");
        assertThat(stored.firstSeenAt()).isEqualTo(T0);
        assertThat(stored.statusChangedAt()).isEqualTo(T0);
        assertThat(stored.observedAt()).isEqualTo(T0);
        assertThat(stored.lastEvaluatedAt()).isEqualTo(NOW);
        assertThat(stored.changedBy()).contains(STOP);
        assertThat(stored.lastEventId()).contains("ev-1");

        Map<String, AttributeValue> raw = rawFinding(table, VPC_A);
        assertThat(raw.get("pk").s()).isEqualTo("FINDING#123456789012#eu-west-1");
        assertThat(raw.get("sk").s()).isEqualTo(CHECK + "#" + VPC_A);
        assertThat(raw.get("status").s()).isEqualTo("FAIL");
        assertThat(raw.get("openStatus").s()).isEqualTo("FAIL");
        assertThat(raw.get("changedBy").m().get("principalArn").s()).isEqualTo(STOP.principalArn());
        assertThat(raw).as("released from the outbox once in history").doesNotContainKeys("outboxState", "pendingTransition");
    }

    @Test
    void historyItemCarriesTheTransitionAndItsTtl() {
        record(Status.FAIL, T0);

        List<Map<String, AttributeValue>> history = DYNALITE.client().query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("HISTORY#" + ACCOUNT + "#" + REGION + "#" + CHECK + "#" + VPC_A)))
                .build()).items();
        assertThat(history).singleElement().satisfies(item -> {
            assertThat(item.get("toStatus").s()).isEqualTo("FAIL");
            assertThat(item).doesNotContainKey("fromStatus");
            assertThat(item.get("notified").bool()).isFalse();
            assertThat(item.get("outboxState").s()).isEqualTo("PENDING");
            assertThat(Long.parseLong(item.get("expiresAt").n()))
                    .isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());
        });
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "FAIL, PASS, RESOLVED, true",
            "ERROR, PASS, RESOLVED, true",
            "FAIL, ERROR, BLIND, true",
            "ERROR, FAIL, RAISED, true",
            "PASS, FAIL, RAISED, true",
            "PASS, ERROR, BLIND, true",
            "FAIL, NOT_APPLICABLE, RESOLVED, true",
            "PASS, NOT_APPLICABLE, SILENT, false",
            "NOT_APPLICABLE, PASS, SILENT, false",
            "NOT_APPLICABLE, FAIL, RAISED, true"})
    void everyTransitionOfTheMatrix(Status from, Status to, TransitionKind kind, boolean alert) {
        record(from, T0);
        RecordResult result = record(to, T0.plusSeconds(60));

        assertThat(result.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).contains(FindingState.of(from));
            assertThat(t.to()).isEqualTo(FindingState.of(to));
            assertThat(t.kind()).isEqualTo(kind);
            assertThat(t.alert()).isEqualTo(alert);
            assertThat(t.version()).isEqualTo(2);
        });
        assertThat(queries.history(ACCOUNT, REGION, CHECK, VPC_A)).extracting(Transition::to)
                .containsExactly(FindingState.of(from), FindingState.of(to));
        assertThat(queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow().status()).isEqualTo(FindingState.of(to));
    }

    @Test
    void firstSightingPassIsSilentAndErrorIsBlind() {
        RecordResult pass = store.record(evaluation(T0, finding(VPC_A, Status.PASS, T0)), Optional.empty());
        RecordResult error = store.record(evaluation(T0, finding(VPC_B, Status.ERROR, T0)), Optional.empty());

        assertThat(pass.transitions()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransitionKind.SILENT);
            assertThat(t.alert()).isFalse();
        });
        assertThat(error.transitions()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransitionKind.BLIND);
            assertThat(t.alert()).isTrue();
        });
        assertThat(outbox.unsent()).extracting(OutboxMessage::messageId)
                .containsExactly(error.transitions().get(0).transitionId());
    }

    @Test
    void sameStateOnlyRefreshesTheEvaluationMarks() {
        record(Status.FAIL, T0);
        RecordResult again = record(Status.FAIL, T0.plusSeconds(300));

        assertThat(again.transitions()).isEmpty();
        assertThat(again.refreshed()).isEqualTo(1);
        StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.statusChangedAt()).isEqualTo(T0);
        assertThat(stored.observedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(queries.history(ACCOUNT, REGION, CHECK, VPC_A)).hasSize(1);
    }

    @Test
    void belowThresholdTransitionsAreStoredButNotAlerted() {
        FindingStore quiet = new FindingStore(DYNALITE.client(), table,
                Config.builder().minAlertSeverity(Severity.CRITICAL).build(), Clock.fixed(NOW, ZoneOffset.UTC));

        RecordResult result = quiet.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.empty());

        assertThat(result.transitions()).singleElement().satisfies(t -> assertThat(t.alert()).isFalse());
        assertThat(outbox.unsent()).isEmpty();
        assertThat(queries.openFindings()).hasSize(1);
    }

    @Test
    void racingEvaluationsRecordExactlyOneTransition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String resource = VPC_A + "-" + round;
                // both read "no finding" (or PASS) and both want FAIL: only one conditional write may win
                if (round % 2 == 1) {
                    store.record(evaluation(T0, finding(resource, Status.PASS, T0)), Optional.empty());
                }
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<RecordResult>> racers = new ArrayList<>();
                for (int racer = 0; racer < 2; racer++) {
                    Instant at = T0.plusSeconds(60 + racer);
                    racers.add(pool.submit(() -> {
                        barrier.await();
                        return store.record(evaluation(at, finding(resource, Status.FAIL, at)), Optional.empty());
                    }));
                }
                List<Transition> transitions = new ArrayList<>();
                for (Future<RecordResult> r : racers) {
                    transitions.addAll(r.get().transitions());
                }
                assertThat(transitions).as("round %d", round).singleElement()
                        .satisfies(t -> assertThat(t.to()).isEqualTo(FindingState.FAIL));
                assertThat(queries.history(ACCOUNT, REGION, CHECK, resource)).filteredOn(t -> t.to() == FindingState.FAIL)
                        .hasSize(1);
                StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, resource).orElseThrow();
                assertThat(stored.status()).isEqualTo(FindingState.FAIL);
                assertThat(stored.observedAt()).as("the newer observation is kept").isEqualTo(T0.plusSeconds(61));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outbox.unsent()).hasSize(5);
    }

    @Test
    void anOlderObservationNeverReplacesANewerOne() {
        record(Status.FAIL, T0.plusSeconds(120));

        RecordResult late = record(Status.PASS, T0);

        assertThat(late.transitions()).isEmpty();
        assertThat(late.skipped()).isEqualTo(1);
        StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.status()).isEqualTo(FindingState.FAIL);
        assertThat(stored.observedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.of(STOP));
        Map<String, AttributeValue> before = rawFinding(table, VPC_A);
        FindingStore later = new FindingStore(DYNALITE.client(), table, Config.defaults(),
                Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC));

        RecordResult again = later.record(evaluation(T0.plusSeconds(30), finding(VPC_A, Status.FAIL, T0.plusSeconds(30))),
                Optional.of(STOP));

        assertThat(again.transitions()).isEmpty();
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(rawFinding(table, VPC_A)).isEqualTo(before);
    }

    @Test
    void findingsOfVanishedResourcesAreClosedAndResolved() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0), finding(VPC_B, Status.PASS, T0)), Optional.empty());

        RecordResult sweep = store.record(sweep(T0.plusSeconds(60)), Optional.empty());

        assertThat(sweep.closed()).isEqualTo(2);
        assertThat(sweep.transitions()).extracting(Transition::resourceId, Transition::to, Transition::kind)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(VPC_A, FindingState.CLOSED, TransitionKind.RESOLVED),
                        org.assertj.core.groups.Tuple.tuple(VPC_B, FindingState.CLOSED, TransitionKind.SILENT));
        assertThat(queries.findings(ACCOUNT, REGION)).isEmpty();
        assertThat(queries.openFindings()).isEmpty();
        assertThat(queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow().reason()).contains("no longer exists");
        assertThat(Long.parseLong(rawFinding(table, VPC_A).get("expiresAt").n()))
                .isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());

        // the resource comes back: a new FAIL alerts again
        RecordResult back = record(Status.FAIL, T0.plusSeconds(120));
        assertThat(back.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).contains(FindingState.CLOSED);
            assertThat(t.alert()).isTrue();
        });
        assertThat(rawFinding(table, VPC_A)).doesNotContainKey("expiresAt");
    }

    @Test
    void closingRespectsScopeAndIncompleteChecks() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0), finding(VPC_B, Status.FAIL, T0)), Optional.empty());

        // an event about VPC A only: B is outside the scope
        RecordResult scoped = store.record(new Evaluation(ACCOUNT, REGION, T0.plusSeconds(10), Scope.of(Set.of(VPC_A)),
                List.of(CHECK), List.of(finding(VPC_A, Status.FAIL, T0.plusSeconds(10)))), Optional.empty());
        // a check that could not list its resources is not complete: nothing is closed
        RecordResult blind = store.record(new Evaluation(ACCOUNT, REGION, T0.plusSeconds(20), Scope.REGION,
                List.of(), List.of()), Optional.empty());

        assertThat(scoped.closed()).isZero();
        assertThat(blind.closed()).isZero();
        assertThat(queries.findings(ACCOUNT, REGION)).hasSize(2);
    }

    private static Map<String, AttributeValue> rawFinding(String table, String resource) {
        return StoreFixture.rawFinding(DYNALITE, table, resource);
    }
}
