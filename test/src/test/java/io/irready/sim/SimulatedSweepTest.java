package io.irready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Every registered check, run by the real collectors against the simulated demo account. */
class SimulatedSweepTest {
    private final SimulatedAccount account = AccountGenerator.demo();
    private final AwsSimulator sim = start(account);
    private final AwsInventoryFactory inventories = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1));
    private final Evaluator evaluator = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC());

    static AwsSimulator start(SimulatedAccount account) {
        try {
            return new AwsSimulator(account);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, Status> sweep() {
        Evaluation evaluation = evaluator.evaluateAll(inventories.create(account.account, account.region));
        evaluation.findings().stream().filter(f -> f.status() == Status.ERROR)
                .forEach(f -> System.out.println("ERROR " + f.checkId() + " " + f.reason()));
        return evaluation.findings().stream().collect(Collectors.toMap(f -> f.checkId() + " " + f.resourceId(),
                Finding::status, (a, b) -> a));
    }

    @Test
    void theDemoAccountIsJudgedWithoutErrors() {
        Map<String, Status> findings = sweep();
        assertThat(findings).doesNotContainValue(Status.ERROR);
        assertThat(findings).containsEntry("cloudtrail-logging-all-regions 111122223333/eu-west-1", Status.PASS);
    }

    @Test
    void stoppingTheTrailFailsTheLoggingCheck() {
        account.stopLogging(AccountGenerator.TRAIL, Instant.now());
        assertThat(sweep()).containsEntry("cloudtrail-logging-all-regions 111122223333/eu-west-1", Status.FAIL);
    }
}
