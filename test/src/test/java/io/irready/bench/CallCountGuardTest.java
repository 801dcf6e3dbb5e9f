package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on AWS API calls (counts, never time): an event re-evaluates what it routes to
 * and no more — never more calls than a full sweep, only the services its checks declare.
 */
class CallCountGuardTest {
    private final SimulatedAccount account = AccountGenerator.demo();
    private final AwsSimulator sim = start(account);
    private final AuditorPath path = new AuditorPath(sim.endpoint());

    static AwsSimulator start(SimulatedAccount account) {
        try {
            return new AwsSimulator(account);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fixtures fixtures() {
        try {
            return new Fixtures(Path.of(CallCountGuardTest.class.getResource("/events/cloudtrail").toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyRoutedEventCallsLessThanAFullSweepAndOnlyItsChecksServices() {
        long sweep = CallCounts.sweep(sim, path, account).values().stream().mapToLong(Long::longValue).sum();
        List<CallCounts.EventCalls> events = CallCounts.perEvent(sim, path, fixtures());

        assertThat(events).hasSizeGreaterThan(40);
        for (CallCounts.EventCalls e : events) {
            assertThat(e.total()).as("calls of %s (%s)", e.fixture(), e.calls()).isLessThan(sweep);
            assertThat(e.services()).as("services called by %s for %s", e.fixture(), e.checks())
                    .isSubsetOf(CallCounts.declaredServices(Catalog.registry(), e.checks()));
        }
    }

    @Test
    void stopLoggingReadsTheTrailsAndNothingElseOfTheAccount() {
        CallCounts.EventCalls stop = CallCounts.perEvent(sim, path, fixtures()).stream()
                .filter(e -> e.fixture().equals("cloudtrail/StopLogging.envelope.json")).findFirst().orElseThrow();
        // only the three region-level checks a logging trail decides: nothing per trail, bucket or key
        assertThat(stop.checks()).containsExactly("cloudtrail-cloudwatch-delivery", "cloudtrail-logging-all-regions",
                "cloudtrail-management-events");
        assertThat(stop.resources()).isEmpty();
        assertThat(stop.services()).doesNotContain("ec2", "rds", "lambda", "cloudfront", "ssm", "iam", "s3", "kms");
        assertThat(stop.total()).as("AWS calls of the StopLogging re-evaluation: " + stop.calls()).isLessThanOrEqualTo(5);
    }
}
