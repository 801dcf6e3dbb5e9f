package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.demo.LocalDynamo;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A flood through the event handler loses nothing, doubles nothing, fails no batch for garbage, and leaks no heap. */
class FloodTest {
    /** 200 in ./test.sh (four bursts: enough for every delivery shape); ./bench.sh floods 10 000. */
    static final int EVENTS = Integer.getInteger("irready.flood.events", 200);

    @Test
    void aFloodOfBatchedAndSingleEventsWithGarbageAndRedeliveriesIsHandledOnceEachInFlatMemory() throws Exception {
        SimulatedAccount account = AccountGenerator.demo();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (AwsSimulator sim = new AwsSimulator(account);
             LocalDynamo store = LocalDynamo.start(root, LocalAuditor.TABLE)) {
            URI dynamo = store.client().serviceClientConfiguration().endpointOverride().orElseThrow();

            Flood.Outcome outcome = Flood.run(EVENTS, 50, CallCountGuardTest.fixtures(), sim, account, dynamo,
                    store.client());

            int bursts = (EVENTS + 49) / 50;
            assertThat(outcome.processed()).as("no event lost").isEqualTo(EVENTS);
            assertThat(outcome.transitions()).as("one transition per state change").isEqualTo(bursts);
            assertThat(outcome.alerts()).as("one message per transition, none doubled").isEqualTo(bursts);
            assertThat(outcome.distinctAlertIds()).isEqualTo(bursts);
            assertThat(outcome.malformedSent()).isPositive();
            assertThat(outcome.batchItemFailures()).as("garbage is acknowledged, not retried").isZero();
            assertThat(outcome.heapAfterBytes() - outcome.heapBeforeBytes()).as("heap after GC roughly flat")
                    .isLessThan(64L * 1024 * 1024);
        }
    }
}
