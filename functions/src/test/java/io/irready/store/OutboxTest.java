package io.irready.store;

import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.T0;
import static io.irready.store.StoreFixture.VPC_A;
import static io.irready.store.StoreFixture.evaluation;
import static io.irready.store.StoreFixture.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is stored but not yet announced, and marking it sent. */
class OutboxTest {
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
    void markSentTakesTransitionsOutOfTheOutbox() {
        Transition t = record(Status.FAIL, T0).transitions().get(0);
        assertThat(outbox.unsent()).containsExactly(t);

        outbox.markSent(t, "sns-msg-1");

        assertThat(outbox.unsent()).isEmpty();
        assertThat(queries.notified(t)).isTrue();
    }

    @Test
    void everyOutboxEntryIsReturnedOnceEvenAfterManyTransitions() {
        record(Status.FAIL, T0);
        record(Status.PASS, T0.plusSeconds(1));
        record(Status.ERROR, T0.plusSeconds(2));

        List<OutboxMessage> unsent = outbox.unsent();

        assertThat(unsent).hasSize(3);
        assertThat(unsent.stream().map(OutboxMessage::messageId).distinct()).hasSize(3);
        assertThat(Collections.frequency(unsent.stream().map(m -> ((Transition) m).to()).toList(), FindingState.PASS))
                .isEqualTo(1);
    }
}
