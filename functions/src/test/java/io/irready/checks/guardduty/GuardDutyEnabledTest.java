package io.irready.checks.guardduty;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.guardduty.Detector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardDutyEnabledTest {
    private final CheckHarness check = CheckHarness.of(new GuardDutyEnabled());

    private Finding only(GuardDutyInventory gd) {
        Finding f = CheckHarness.only(check.findings(inventory().with(GuardDutyInventory.class, gd).build()));
        assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
        return f;
    }

    @Test
    void enabledDetectorPasses() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "ENABLED"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("GuardDuty detector d1 is enabled in eu-west-1.");
    }

    @Test
    void enabledDetectorWithTheEvidencePlansOnPassesNamingThePlansThatAreOff() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "ENABLED", Map.of(
                "S3_DATA_EVENTS", "ENABLED", "EKS_AUDIT_LOGS", "ENABLED", "RUNTIME_MONITORING", "DISABLED",
                "EBS_MALWARE_PROTECTION", "DISABLED", "RDS_LOGIN_EVENTS", "ENABLED")))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("GuardDuty detector d1 is enabled in eu-west-1 and monitors S3 data events "
                + "and EKS audit logs. Also off (detections, not a record): EBS_MALWARE_PROTECTION, RUNTIME_MONITORING.");
    }

    @Test
    void enabledDetectorWithS3DataEventsOffFailsNamingThePlanAndTheFix() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "ENABLED", Map.of(
                "S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "ENABLED")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("GuardDuty detector d1 is enabled in eu-west-1 but S3_DATA_EVENTS (S3 object "
                + "reads, writes and deletions) is off: GuardDuty keeps no findings about that activity. Enable (aws "
                + "guardduty update-detector --detector-id d1 --features Name=S3_DATA_EVENTS,Status=ENABLED).");
    }

    @Test
    void bothEvidencePlansOffFailNamingBothAndTheOtherPlansOff() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "ENABLED", Map.of(
                "S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "DISABLED", "LAMBDA_NETWORK_LOGS", "DISABLED")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("but S3_DATA_EVENTS (S3 object reads, writes and deletions) and "
                        + "EKS_AUDIT_LOGS (Kubernetes API activity on EKS clusters) are off")
                .contains("Also off (detections, not a record): LAMBDA_NETWORK_LOGS.")
                .endsWith("--features Name=S3_DATA_EVENTS,Status=ENABLED Name=EKS_AUDIT_LOGS,Status=ENABLED).");
    }

    @Test
    void aPlanTheDetectorDoesNotReportIsNotHeldAgainstIt() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "ENABLED", Map.of("S3_DATA_EVENTS", "ENABLED")))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void suspendedDetectorFails() {
        Finding f = only(GuardDutyInventory.of(List.of(new Detector("d1", "DISABLED"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("GuardDuty detector d1 (DISABLED) in eu-west-1 is suspended: it produces "
                + "no findings. Resume it (aws guardduty update-detector --detector-id d1 --enable).");
    }

    @Test
    void noDetectorFails() {
        Finding f = only(GuardDutyInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("GuardDuty has no detector in eu-west-1:");
    }

    @Test
    void deniedListingIsAnErrorNamingTheAction() {
        Finding f = only(new GuardDutyInventory(() -> {
            throw denied("guardduty:ListDetectors");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to guardduty:ListDetectors");
    }
}
