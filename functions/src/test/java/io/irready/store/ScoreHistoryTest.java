package io.irready.store;

import static io.irready.store.StoreFixture.ACCOUNT;
import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.REGION;
import static io.irready.store.StoreFixture.T0;
import static io.irready.store.StoreFixture.VPC_A;
import static io.irready.store.StoreFixture.VPC_B;
import static io.irready.store.StoreFixture.evaluation;
import static io.irready.store.StoreFixture.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readiness score points and their trend. */
class ScoreHistoryTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    String table;
    FindingStore store;
    ScoreHistory scores;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        store = new FindingStore(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        scores = new ScoreHistory(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void scorePointsFormTheTrend() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0), finding(VPC_B, Status.PASS, T0)), Optional.empty());
        ScorePoint first = scores.recordScore(ACCOUNT, REGION);
        store.record(evaluation(T0.plusSeconds(60), finding(VPC_A, Status.PASS, T0.plusSeconds(60)),
                finding(VPC_B, Status.PASS, T0.plusSeconds(60))), Optional.empty());
        ScoreHistory later = new ScoreHistory(DYNALITE.client(), table, Config.defaults(),
                Clock.fixed(NOW.plusSeconds(300), ZoneOffset.UTC));
        later.recordScore(ACCOUNT, REGION);

        assertThat(first.score().score()).isEqualTo(50.0);
        assertThat(scores.scores(ACCOUNT, REGION)).extracting(p -> p.score().score()).containsExactly(50.0, 100.0);
        assertThat(scores.scores(ACCOUNT, REGION).get(0).score().fail()).isEqualTo(1);
    }
}
