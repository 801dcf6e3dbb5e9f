package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.Config;
import io.irready.core.Severity;
import io.irready.core.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.services.logs.RetentionDays;

/** What CDK writes into the functions' environment is what Config.fromEnvironment reads back. */
class AuditorEnvironmentTest {

    @Test
    void configRoundTripsThroughTheEnvironment() {
        ReadinessAuditorProps props = ReadinessAuditorProps.builder()
                .regions(List.of("eu-west-1", "us-east-1"))
                .retentionDays(400)
                .responderRoleArn("arn:aws:iam::123456789012:role/IncidentResponder")
                .minAlertSeverity(Severity.HIGH)
                .disabledChecks(Set.of("ec2-cloudwatch-agent", "logs-retention"))
                .suppressions(List.of(Suppression.parse("vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0sandbox*")))
                .build();
        Map<String, String> env = AuditorEnvironment.config(props, "eu-central-1");
        Config config = Config.fromEnvironment(env);
        assertThat(config.regions()).containsExactly("eu-central-1", "eu-west-1", "us-east-1");
        assertThat(config.retentionDays()).isEqualTo(400);
        assertThat(config.responderRoleArn()).hasValue("arn:aws:iam::123456789012:role/IncidentResponder");
        assertThat(config.minAlertSeverity()).isEqualTo(Severity.HIGH);
        assertThat(config.disabledChecks()).containsExactlyInAnyOrder("ec2-cloudwatch-agent", "logs-retention");
        assertThat(config.suppressions()).containsExactly(
                new Suppression("vpc-flow-logs-enabled", "arn:aws:ec2:*:vpc/vpc-0sandbox*"));
        assertThat(env).allSatisfy((key, value) -> assertThat(key).startsWith("IRREADY_"));
    }

    @Test
    void defaultsWriteOnlyRegionsRetentionAndSeverity() {
        Map<String, String> env = AuditorEnvironment.config(ReadinessAuditorProps.builder().build(), "eu-west-1");
        assertThat(env).containsOnlyKeys("IRREADY_REGIONS", "IRREADY_RETENTION_DAYS", "IRREADY_MIN_ALERT_SEVERITY");
        assertThat(Config.fromEnvironment(env)).isEqualTo(Config.defaults().toBuilder()
                .regions(List.of("eu-west-1")).build());
    }

    @Test
    void aSuppressionWithACommaCannotBeCarried() {
        assertThatThrownBy(() -> AuditorEnvironment.requireCommaFree(List.of(new Suppression("logs-retention", "a,b"))))
                .hasMessageContaining("contains a comma");
    }

    @Test
    void ownLogRetentionIsAtLeastTheRequiredRetention() {
        assertThat(Retention.atLeast(365)).isEqualTo(RetentionDays.ONE_YEAR);
        assertThat(Retention.atLeast(366)).isEqualTo(RetentionDays.THIRTEEN_MONTHS);
        assertThat(Retention.atLeast(1)).isEqualTo(RetentionDays.ONE_DAY);
        assertThat(Retention.atLeast(4000)).isEqualTo(RetentionDays.INFINITE);
        assertThat(Retention.daysAtLeast(91)).isEqualTo(120);
    }
}
