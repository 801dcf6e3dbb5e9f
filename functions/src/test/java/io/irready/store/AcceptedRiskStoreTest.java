package io.irready.store;

import static io.irready.store.StoreFixture.ACCOUNT;
import static io.irready.store.StoreFixture.CHECK;
import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.REGION;
import static io.irready.store.StoreFixture.T0;
import static io.irready.store.StoreFixture.VPC_A;
import static io.irready.store.StoreFixture.VPC_B;
import static io.irready.store.StoreFixture.evaluation;
import static io.irready.store.StoreFixture.finding;
import static io.irready.store.StoreFixture.rawFinding;
import static io.irready.store.StoreFixture.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Muted;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Accepted risks in the store: kept with their verdict and reason, never announced, re-opened when they expire. */
class AcceptedRiskStoreTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    private static final Muted SANDBOX = new Muted("sandbox VPC, no workloads",
            Optional.of(LocalDate.parse("2026-12-31")), "mute list entry 0 (vpc-flow-logs-*:*)");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    String table;
    FindingStore store;
    FindingQueries queries;
    Outbox outbox;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        Config config = Config.builder().historyTtlDays(30).build();
        store = new FindingStore(DYNALITE.client(), table, config, Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new FindingQueries(DYNALITE.client(), table);
        outbox = new Outbox(DYNALITE.client(), table, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Finding muted(String resource, Status status, Instant at) {
        return finding(resource, status, at).muted(SANDBOX);
    }

    private RecordResult record(Finding f) {
        return store.record(evaluation(f.observedAt(), f), Optional.empty());
    }

    @Test
    void aMutedFindingIsStoredAsMutedWithItsReasonAndNotAlerted() {
        RecordResult result = record(muted(VPC_A, Status.FAIL, T0));

        assertThat(result.transitions()).singleElement().satisfies(t -> {
            assertThat(t.to()).isEqualTo(FindingState.FAIL);
            assertThat(t.alert()).isFalse();
        });
        assertThat(outbox.unsent()).isEmpty();
        StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.status()).as("the verdict is kept").isEqualTo(FindingState.FAIL);
        assertThat(stored.muted()).contains(SANDBOX);
        Map<String, AttributeValue> raw = rawFinding(DYNALITE, table, VPC_A);
        assertThat(raw.get("muted").m().get("reason").s()).isEqualTo("sandbox VPC, no workloads");
        assertThat(raw.get("muted").m().get("expires").s()).isEqualTo("2026-12-31");
        assertThat(raw).as("an accepted risk is not an open finding").doesNotContainKey("openStatus");
    }

    @Test
    void mutingAStoredFailIsARefreshThatLeavesTheOpenIndexWithoutAnAlert() {
        record(finding(VPC_A, Status.FAIL, T0));

        RecordResult result = record(muted(VPC_A, Status.FAIL, T1));

        assertThat(result.transitions()).isEmpty();
        assertThat(result.refreshed()).isEqualTo(1);
        assertThat(queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow().muted()).contains(SANDBOX);
        assertThat(rawFinding(DYNALITE, table, VPC_A)).doesNotContainKey("openStatus");
    }

    @Test
    void anExpiredEntryReopensItsFindingWithAnAcceptedRiskExpiredAlert() {
        record(muted(VPC_A, Status.FAIL, T0));

        RecordResult expired = record(finding(VPC_A, Status.FAIL, T1));

        assertThat(expired.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).contains(FindingState.FAIL);
            assertThat(t.to()).isEqualTo(FindingState.FAIL);
            assertThat(t.kind()).isEqualTo(TransitionKind.ACCEPTED_RISK_EXPIRED);
            assertThat(t.alert()).isTrue();
            assertThat(t.reason()).isEqualTo("Accepted risk expired: sandbox VPC, no workloads. VPC " + VPC_A
                    + " is FAIL");
        });
        assertThat(outbox.unsent()).extracting(OutboxMessage::messageId)
                .containsExactly(expired.transitions().get(0).transitionId());
        StoredFinding stored = queries.get(ACCOUNT, REGION, CHECK, VPC_A).orElseThrow();
        assertThat(stored.muted()).isEmpty();
        assertThat(stored.reason()).as("the finding keeps the check's own reason").isEqualTo("VPC " + VPC_A + " is FAIL");
        assertThat(rawFinding(DYNALITE, table, VPC_A).get("openStatus").s()).isEqualTo("FAIL");

        assertThat(record(finding(VPC_A, Status.FAIL, T2)).transitions()).as("re-opened once, then refreshed").isEmpty();
    }

    @Test
    void aMutedFindingThatPassesOrGoesAwayIsNotAnnounced() {
        record(muted(VPC_A, Status.FAIL, T0));
        record(muted(VPC_B, Status.FAIL, T0));

        RecordResult passed = record(finding(VPC_A, Status.PASS, T1));
        RecordResult gone = store.record(sweep(T2, finding(VPC_A, Status.PASS, T2)), Optional.empty());

        assertThat(passed.transitions()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TransitionKind.RESOLVED);
            assertThat(t.alert()).isFalse();
        });
        assertThat(gone.transitions()).singleElement().satisfies(t -> {
            assertThat(t.resourceId()).isEqualTo(VPC_B);
            assertThat(t.to()).isEqualTo(FindingState.CLOSED);
            assertThat(t.alert()).isFalse();
        });
        assertThat(outbox.unsent()).isEmpty();
    }

    @Test
    void mutedFindingsAreNotCountedAgainstTheStoredScore() {
        record(muted(VPC_A, Status.FAIL, T0));
        record(finding(VPC_B, Status.PASS, T0));

        List<StoredFinding> stored = queries.findings(ACCOUNT, REGION, CHECK);

        assertThat(stored).hasSize(2);
        assertThat(ReadinessScore.of(stored).score()).isEqualTo(100.0);
        assertThat(ReadinessScore.of(stored).fail()).isZero();
    }
}
