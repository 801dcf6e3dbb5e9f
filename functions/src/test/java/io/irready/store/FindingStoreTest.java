package io.irready.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
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

class FindingStoreTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String CHECK = "vpc-flow-logs-enabled";
    static final String VPC_A = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0aaa";
    static final String VPC_B = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0bbb";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final ChangedBy STOP = new ChangedBy("DeleteFlowLogs", "ev-1", "arn:aws:iam::123456789012:user/mallory",
            "203.0.113.7", "aws-cli/2.15.0", "2026-11-27T09:59:58Z");

    String table;
    FindingStore store;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        store = new FindingStore(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Finding finding(String resource, Status status, Instant observedAt) {
        return new Finding(CHECK, Severity.HIGH, ACCOUNT, REGION, resource, status,
                "VPC " + resource + " is " + status, observedAt);
    }

    /** An evaluation that does not claim to cover every resource of the check (nothing is closed). */
    static Evaluation evaluation(Instant observedAt, Finding... findings) {
        return new Evaluation(ACCOUNT, REGION, observedAt, Scope.REGION, List.of(), List.of(findings));
    }

    /** A sweep of the check over the region: stored findings it does not report are closed. */
    static Evaluation sweep(Instant observedAt, Finding... findings) {
        return new Evaluation(ACCOUNT, REGION, observedAt, Scope.REGION, List.of(CHECK), List.of(findings));
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
        StoredFinding stored = store.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.status()).isEqualTo(FindingState.FAIL);
        assertThat(stored.reason()).isEqualTo("VPC " + VPC_A + " is FAIL");
        assertThat(stored.firstSeenAt()).isEqualTo(T0);
        assertThat(stored.statusChangedAt()).isEqualTo(T0);
        assertThat(stored.observedAt()).isEqualTo(T0);
        assertThat(stored.lastEvaluatedAt()).isEqualTo(NOW);
        assertThat(stored.changedBy()).contains(STOP);
        assertThat(stored.lastEventId()).contains("ev-1");

        Map<String, AttributeValue> raw = rawFinding(VPC_A);
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
        assertThat(store.history(ACCOUNT, REGION, CHECK, VPC_A)).extracting(Transition::to)
                .containsExactly(FindingState.of(from), FindingState.of(to));
        assertThat(store.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow().status()).isEqualTo(FindingState.of(to));
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
        assertThat(store.unsent()).extracting(OutboxMessage::messageId)
                .containsExactly(error.transitions().get(0).transitionId());
    }

    @Test
    void sameStateOnlyRefreshesTheEvaluationMarks() {
        record(Status.FAIL, T0);
        RecordResult again = record(Status.FAIL, T0.plusSeconds(300));

        assertThat(again.transitions()).isEmpty();
        assertThat(again.refreshed()).isEqualTo(1);
        StoredFinding stored = store.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.statusChangedAt()).isEqualTo(T0);
        assertThat(stored.observedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(stored.version()).isEqualTo(1);
        assertThat(store.history(ACCOUNT, REGION, CHECK, VPC_A)).hasSize(1);
    }

    @Test
    void belowThresholdTransitionsAreStoredButNotAlerted() {
        FindingStore quiet = new FindingStore(DYNALITE.client(), table,
                Config.builder().minAlertSeverity(Severity.CRITICAL).build(), Clock.fixed(NOW, ZoneOffset.UTC));

        RecordResult result = quiet.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.empty());

        assertThat(result.transitions()).singleElement().satisfies(t -> assertThat(t.alert()).isFalse());
        assertThat(quiet.unsent()).isEmpty();
        assertThat(quiet.openFindings()).hasSize(1);
    }

    @Test
    void sparseIndexHoldsOnlyFailAndErrorNewestChangeFirst() {
        store.record(evaluation(T0,
                finding(VPC_A, Status.FAIL, T0),
                finding(VPC_B, Status.PASS, T0),
                finding("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ccc", Status.NOT_APPLICABLE, T0)), Optional.empty());
        store.record(evaluation(T0.plusSeconds(10),
                finding("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", Status.ERROR, T0.plusSeconds(10))),
                Optional.empty());

        assertThat(store.openFindings()).extracting(StoredFinding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", VPC_A);
        assertThat(store.openFindings(FindingState.FAIL)).extracting(StoredFinding::resourceId).containsExactly(VPC_A);
        assertThat(rawFinding(VPC_B)).doesNotContainKey("openStatus");

        record(Status.PASS, T0.plusSeconds(60));

        assertThat(store.openFindings(FindingState.FAIL)).isEmpty();
        assertThat(rawFinding(VPC_A)).doesNotContainKey("openStatus");
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
                assertThat(store.history(ACCOUNT, REGION, CHECK, resource)).filteredOn(t -> t.to() == FindingState.FAIL)
                        .hasSize(1);
                StoredFinding stored = store.get(ACCOUNT, REGION, CHECK, resource).orElseThrow();
                assertThat(stored.status()).isEqualTo(FindingState.FAIL);
                assertThat(stored.observedAt()).as("the newer observation is kept").isEqualTo(T0.plusSeconds(61));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.unsent()).hasSize(5);
    }

    @Test
    void anOlderObservationNeverReplacesANewerOne() {
        record(Status.FAIL, T0.plusSeconds(120));

        RecordResult late = record(Status.PASS, T0);

        assertThat(late.transitions()).isEmpty();
        assertThat(late.skipped()).isEqualTo(1);
        StoredFinding stored = store.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.status()).isEqualTo(FindingState.FAIL);
        assertThat(stored.observedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.of(STOP));
        Map<String, AttributeValue> before = rawFinding(VPC_A);
        FindingStore later = new FindingStore(DYNALITE.client(), table, Config.defaults(),
                Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC));

        RecordResult again = later.record(evaluation(T0.plusSeconds(30), finding(VPC_A, Status.FAIL, T0.plusSeconds(30))),
                Optional.of(STOP));

        assertThat(again.transitions()).isEmpty();
        assertThat(again.skipped()).isEqualTo(1);
        assertThat(rawFinding(VPC_A)).isEqualTo(before);
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
        assertThat(store.findings(ACCOUNT, REGION)).isEmpty();
        assertThat(store.openFindings()).isEmpty();
        assertThat(store.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow().reason()).contains("no longer exists");
        assertThat(Long.parseLong(rawFinding(VPC_A).get("expiresAt").n()))
                .isEqualTo(NOW.plus(Duration.ofDays(30)).getEpochSecond());

        // the resource comes back: a new FAIL alerts again
        RecordResult back = record(Status.FAIL, T0.plusSeconds(120));
        assertThat(back.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).contains(FindingState.CLOSED);
            assertThat(t.alert()).isTrue();
        });
        assertThat(rawFinding(VPC_A)).doesNotContainKey("expiresAt");
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
        assertThat(store.findings(ACCOUNT, REGION)).hasSize(2);
    }

    @Test
    void queriesByCheckDoNotMatchLongerCheckIds() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.empty());
        store.record(new Evaluation(ACCOUNT, REGION, T0, Scope.REGION, List.of(), List.of(new Finding(
                CHECK + "-extra", Severity.LOW, ACCOUNT, REGION, VPC_A, Status.PASS, "ok", T0))), Optional.empty());

        assertThat(store.findings(ACCOUNT, REGION, CHECK)).extracting(StoredFinding::checkId).containsExactly(CHECK);
        assertThat(store.findings(ACCOUNT, REGION)).hasSize(2);
        assertThat(store.allFindings()).hasSize(2);
    }

    @Test
    void tamperAttemptsAreStoredOncePerEvent() {
        TamperAttempt attempt = new TamperAttempt("ev-9", "cloudtrail.amazonaws.com", "StopLogging", "AccessDenied",
                "not authorized", ACCOUNT, REGION, STOP, List.of("cloudtrail-logging-all-regions"),
                List.of("arn:aws:cloudtrail:eu-west-1:123456789012:trail/main"));

        assertThat(store.recordTamper(attempt)).isTrue();
        assertThat(store.recordTamper(attempt)).isFalse();
        assertThat(store.unsent()).containsExactly(attempt);

        store.markSent(attempt, "sns-1");
        assertThat(store.unsent()).isEmpty();
    }

    @Test
    void markSentTakesTransitionsOutOfTheOutbox() {
        Transition t = record(Status.FAIL, T0).transitions().get(0);
        assertThat(store.unsent()).containsExactly(t);

        store.markSent(t, "sns-msg-1");

        assertThat(store.unsent()).isEmpty();
        assertThat(store.notified(t)).isTrue();
    }

    @Test
    void processedEventsAreRemembered() {
        assertThat(store.processed("ev-1")).isFalse();
        store.markProcessed("ev-1");
        assertThat(store.processed("ev-1")).isTrue();
        assertThat(store.processed("ev-1#recheck")).isFalse();
    }

    @Test
    void scorePointsFormTheTrend() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0), finding(VPC_B, Status.PASS, T0)), Optional.empty());
        ScorePoint first = store.recordScore(ACCOUNT, REGION);
        store.record(evaluation(T0.plusSeconds(60), finding(VPC_A, Status.PASS, T0.plusSeconds(60)),
                finding(VPC_B, Status.PASS, T0.plusSeconds(60))), Optional.empty());
        FindingStore later = new FindingStore(DYNALITE.client(), table, Config.defaults(),
                Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        later.recordScore(ACCOUNT, REGION);

        assertThat(first.score().score()).isEqualTo(50.0);
        assertThat(store.scores(ACCOUNT, REGION)).extracting(p -> p.score().score()).containsExactly(50.0, 100.0);
        assertThat(store.scores(ACCOUNT, REGION).get(0).score().fail()).isEqualTo(1);
    }

    @Test
    void everyOutboxEntryIsReturnedOnceEvenAfterManyTransitions() {
        record(Status.FAIL, T0);
        record(Status.PASS, T0.plusSeconds(1));
        record(Status.ERROR, T0.plusSeconds(2));

        List<OutboxMessage> unsent = store.unsent();

        assertThat(unsent).hasSize(3);
        assertThat(unsent.stream().map(OutboxMessage::messageId).distinct()).hasSize(3);
        assertThat(Collections.frequency(unsent.stream().map(m -> ((Transition) m).to()).toList(), FindingState.PASS))
                .isEqualTo(1);
    }

    private Map<String, AttributeValue> rawFinding(String resource) {
        return DYNALITE.client().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("FINDING#" + ACCOUNT + "#" + REGION),
                "sk", AttributeValue.fromS(CHECK + "#" + resource)))).item();
    }
}
