package io.irready.alerts;

import static io.irready.alerts.NotifierTest.REGISTRY;
import static io.irready.testing.SnsCapture.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Status;
import io.irready.store.Store;
import io.irready.store.Outbox;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.Dynalite;
import io.irready.testing.SettableClock;
import io.irready.testing.SnsCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

/** Publishers claim an outbox message before sending it: racing publishers send it once, a crashed one delays it only. */
class OutboxClaimTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String VPC = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    final AwsWire aws = new AwsWire();
    final SettableClock clock = new SettableClock(T0);
    SnsCapture sns;
    String table;

    @BeforeEach
    void setUp() {
        sns = new SnsCapture(aws);
        table = DYNALITE.newTable();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** One sweep's view: its own store objects over the shared table, its own SNS client. */
    Store store() {
        return Store.open(DYNALITE.client(), table, Config.defaults(), clock);
    }

    Notifier notifier(Store store) {
        return new Notifier(aws.clients().build(SnsClient.builder(), AwsWire.REGION), TOPIC, Optional.empty(),
                store.outbox(), store.ledger(), REGISTRY);
    }

    Transition storedButUnsent(Store store, String resource) {
        return store.findings().record(NotifierTest.evaluation("vpc-flow-logs-enabled", resource, Status.FAIL,
                clock.instant()), Optional.empty()).transitions().get(0);
    }

    @Test
    void twoSweepsRacingOnOneOutboxItemClaimItSoItIsPublishedOnce() throws Exception {
        Store first = store();
        Store second = store();
        Notifier a = notifier(first);
        Notifier b = notifier(second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // several rounds: each a fresh unsent transition and a fresh start line for both sweeps
            for (int round = 0; round < 8; round++) {
                Transition t = storedButUnsent(first, VPC + round);
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<Notifier.Delivery>> sweeps = List.of(
                        pool.submit(() -> { barrier.await(); return a.republishUnsent(); }),
                        pool.submit(() -> { barrier.await(); return b.republishUnsent(); }));
                int published = 0;
                for (Future<Notifier.Delivery> sweep : sweeps) {
                    published += sweep.get().published();
                }

                assertThat(published).as("round %d", round).isEqualTo(1);
                assertThat(sns.published()).as("round %d", round).hasSize(round + 1);
                assertThat(sns.published().get(round).structured().get("id").asText()).isEqualTo(t.transitionId());
                assertThat(first.queries().notified(t)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.outbox().unsent()).isEmpty();
    }

    @Test
    void aCrashedClaimersClaimExpiresSoTheMessageIsStillDeliveredOnce() {
        Store store = store();
        Transition t = storedButUnsent(store, VPC);
        // a sweep claims the message and dies before publishing it
        assertThat(store.outbox().claim(t, "crashed-sweep")).isTrue();

        clock.advance(Outbox.CLAIM_TTL.minusSeconds(1));
        assertThat(notifier(store).republishUnsent().published()).isZero();
        assertThat(sns.published()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        assertThat(notifier(store).republishUnsent().published()).isEqualTo(1);
        assertThat(notifier(store).republishUnsent().published()).isZero();
        assertThat(sns.published()).singleElement()
                .satisfies(m -> assertThat(m.structured().get("id").asText()).isEqualTo(t.transitionId()));
    }

    @Test
    void aSentMessageCannotBeClaimedAgainAndAFailedPublishGivesItsClaimBack() {
        Store store = store();
        Transition t = storedButUnsent(store, VPC);
        AwsWire down = new AwsWire();
        try {
            down.stub(AwsWire.queryCall("Publish").willReturn(AwsWire.queryError(500, "InternalError", "try later")));
            Notifier broken = new Notifier(down.clients().build(SnsClient.builder(), AwsWire.REGION), TOPIC,
                    Optional.empty(), store.outbox(), store.ledger(), REGISTRY);
            assertThat(broken.republishUnsent()).isEqualTo(new Notifier.Delivery(0, 1));
        } finally {
            down.close();
        }

        // released at once: the next sweep need not wait for the claim to expire
        assertThat(notifier(store).republishUnsent().published()).isEqualTo(1);
        clock.advance(Outbox.CLAIM_TTL.multipliedBy(2));
        assertThat(store.outbox().claim(t, "late-sweep")).isFalse();
        assertThat(sns.published()).hasSize(1);
    }
}
