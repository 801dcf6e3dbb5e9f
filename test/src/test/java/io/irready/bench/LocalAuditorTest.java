package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.demo.LocalDynamo;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.store.FindingQueries;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The benchmarks time the real pipeline: an event through the wired handler is evaluated, stored and alerted. */
class LocalAuditorTest {
    @Test
    void aStopLoggingEventIsStoredAndAlertedThroughTheBenchmarkWiring() throws Exception {
        SimulatedAccount account = AccountGenerator.demo();
        account.stopLogging(AccountGenerator.TRAIL, Instant.now());
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (AwsSimulator sim = new AwsSimulator(account);
             LocalDynamo store = LocalDynamo.start(root, LocalAuditor.TABLE)) {
            URI dynamo = store.client().serviceClientConfiguration().endpointOverride().orElseThrow();
            String event = CallCountGuardTest.fixtures().forDemoAccount("cloudtrail/StopLogging.envelope.json");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LocalAuditor.handler(sim.endpoint(), dynamo, account.account, account.region)
                    .handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\"");
            FindingQueries findings = new FindingQueries(store.client(), LocalAuditor.TABLE);
            assertThat(findings.findings(account.account, account.region))
                    .filteredOn(f -> f.checkId().equals("cloudtrail-logging-all-regions"))
                    .singleElement().extracting(StoredFinding::status).hasToString("FAIL");
            assertThat(sim.published()).as("the alert went to the simulated SNS topic")
                    .anySatisfy(m -> assertThat(m.get("TopicArn"))
                            .isEqualTo(LocalAuditor.topicArn(account.account, account.region)));
        }
    }
}
