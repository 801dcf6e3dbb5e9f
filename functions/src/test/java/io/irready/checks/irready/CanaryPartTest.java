package io.irready.checks.irready;

import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AuditorIdentity;
import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.irready.CanaryInventory;
import io.irready.inventory.irready.CanaryRecord;
import io.irready.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canary's timing, judged at a fixed time. */
class CanaryPartTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration WAIT = Duration.ofMinutes(30);
    static final String REGION = "eu-west-1";

    static CanaryRecord record(Instant firstSent, Instant lastSent, Instant arrived) {
        return new CanaryRecord("123456789012", REGION, firstSent, Optional.ofNullable(lastSent), Optional.empty(),
                Optional.empty(), Optional.ofNullable(arrived), Optional.ofNullable(arrived), Optional.empty());
    }

    static Optional<String> blindness(CanaryRecord record) {
        return CanaryPart.blindness(REGION, Optional.ofNullable(record), WAIT, NOW);
    }

    static Instant minutesAgo(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    @Test
    void noCanaryRecordRightAfterDeploymentIsNotBlind() {
        assertThat(blindness(null)).isEmpty();
    }

    @Test
    void noEventYetIsNotBlindUntilTheWaitHasPassedSinceTheFirstSend() {
        assertThat(blindness(record(minutesAgo(29), minutesAgo(29), null))).isEmpty();
        assertThat(blindness(record(minutesAgo(30), minutesAgo(30), null))).as("exactly the wait").isEmpty();
        assertThat(blindness(record(minutesAgo(31), minutesAgo(1), null))).hasValueSatisfying(why -> assertThat(why)
                .startsWith("irready is blind in eu-west-1: no CloudTrail event has reached it for 31 minutes")
                .contains("no canary event ever arrived since the first canary at " + minutesAgo(31)));
    }

    @Test
    void anEventWithinTheWaitIsNotBlind() {
        assertThat(blindness(record(Instant.EPOCH, minutesAgo(14), minutesAgo(12)))).isEmpty();
    }

    @Test
    void noEventForLongerThanTheWaitIsBlindForThatManyMinutes() {
        assertThat(blindness(record(Instant.EPOCH, minutesAgo(5), minutesAgo(47))))
                .contains("irready is blind in eu-west-1: no CloudTrail event has reached it for 47 minutes");
    }

    @Test
    void aCanaryThatStoppedBeingSentIsNamedAsTheLikelyCause() {
        assertThat(blindness(record(Instant.EPOCH, minutesAgo(50), minutesAgo(45)))).hasValueSatisfying(why ->
                assertThat(why).contains("for 45 minutes", "the last canary was sent 50 minutes ago"));
    }

    @Test
    void aFailingCanaryWriteIsNamed() {
        CanaryRecord failing = new CanaryRecord("123456789012", REGION, Instant.EPOCH, Optional.of(minutesAgo(60)),
                Optional.of(minutesAgo(2)), Optional.of("access denied to logs:TagResource"),
                Optional.of(minutesAgo(58)), Optional.of(minutesAgo(58)), Optional.empty());

        assertThat(blindness(failing)).hasValueSatisfying(why -> assertThat(why)
                .contains("for 58 minutes", "the canary write itself fails: access denied to logs:TagResource"));
    }

    // ---- wired into auditor-integrity

    static final Config AUDITOR_ELSEWHERE = Config.builder().auditor(new AuditorIdentity("us-east-1", List.of(),
            List.of("irready-events"), null, Optional.empty(), Optional.empty())).build();

    static Finding integrity(CanaryRecord record) {
        return CheckHarness.only(CheckHarness.of(new AuditorIntegrity()).with(AUDITOR_ELSEWHERE).findings(inventory()
                .with(CanaryInventory.class, new CanaryInventory(WAIT, NOW, () -> Optional.ofNullable(record)))
                .build()));
    }

    @Test
    void auditorIntegrityFailsForABlindWatchedRegion() {
        Finding f = integrity(record(Instant.EPOCH, minutesAgo(3), minutesAgo(40)));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
        assertThat(f.reason()).startsWith("irready is blind in eu-west-1: no CloudTrail event has reached it for 40 "
                + "minutes.");
    }

    @Test
    void auditorIntegrityStaysNotApplicableInAWatchedRegionThatIsSeen() {
        assertThat(integrity(record(Instant.EPOCH, minutesAgo(3), minutesAgo(2))).status())
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(integrity(null).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void theCanaryRouteMatchesOnlyIrreadysOwnLogGroupTag() {
        var table = new io.irready.events.RouteTable(new AuditorIntegrity().routes())
                .withOwnResources(java.util.Set.of(CanaryInventory.logGroupArn(REGION, "123456789012")));
        assertThat(table.checkIds()).contains(AuditorIntegrity.ID);
        assertThat(io.irready.events.EventBridgePatterns.of(table)).anySatisfy(p ->
                assertThat(p.toString()).contains("aws.logs", "TagResource"));
    }
}
