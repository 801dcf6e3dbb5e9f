package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        Config c = Config.fromEnvironment(Map.of());

        assertThat(c).isEqualTo(Config.defaults());
        assertThat(c.regions()).isEmpty();
        assertThat(c.retentionDays()).isEqualTo(365);
        assertThat(c.flowLogTrafficType()).isEqualTo("ALL");
        assertThat(c.skipVpcsWithoutInterfaces()).isFalse();
        assertThat(c.rdsEssentialLogTypes()).isEqualTo(Config.DEFAULT_RDS_LOG_TYPES);
        assertThat(c.responderRoleArn()).isEmpty();
        assertThat(c.minAlertSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.disabledChecks()).isEmpty();
        assertThat(c.suppressions()).isEmpty();
        assertThat(c.historyTtlDays()).isEqualTo(90);
    }

    @Test
    void readsEveryVariable() {
        Config c = Config.fromEnvironment(Map.ofEntries(
                Map.entry("IRREADY_REGIONS", " eu-west-1, us-east-1 ,"),
                Map.entry("IRREADY_RETENTION_DAYS", "400"),
                Map.entry("IRREADY_FLOW_LOG_TRAFFIC_TYPE", "reject"),
                Map.entry("IRREADY_SKIP_VPCS_WITHOUT_INTERFACES", "true"),
                Map.entry("IRREADY_RDS_LOG_TYPES", "postgres=postgresql+upgrade; custom-engine=a"),
                Map.entry("IRREADY_FORENSIC_LOG_GROUP_PREFIXES", "/mine/,/theirs/"),
                Map.entry("IRREADY_RESPONDER_ROLE_ARN", "arn:aws:iam::123456789012:role/ir"),
                Map.entry("IRREADY_RESPONDER_ACTIONS", "ec2:CreateSnapshot"),
                Map.entry("IRREADY_MIN_ALERT_SEVERITY", "high"),
                Map.entry("IRREADY_DISABLED_CHECKS", "a-check,b-check"),
                Map.entry("IRREADY_SUPPRESSIONS", "a-check:arn:aws:s3:::bucket*,*:123456789012/us-east-1"),
                Map.entry("IRREADY_HISTORY_TTL_DAYS", "30")));

        assertThat(c.regions()).containsExactly("eu-west-1", "us-east-1");
        assertThat(c.retentionDays()).isEqualTo(400);
        assertThat(c.flowLogTrafficType()).isEqualTo("REJECT");
        assertThat(c.skipVpcsWithoutInterfaces()).isTrue();
        assertThat(c.rdsEssentialLogTypes()).containsEntry("postgres", List.of("postgresql", "upgrade"))
                .containsEntry("custom-engine", List.of("a"))
                .containsEntry("mysql", List.of("audit", "error"));
        assertThat(c.forensicLogGroupPrefixes()).containsExactly("/mine/", "/theirs/");
        assertThat(c.responderRoleArn()).contains("arn:aws:iam::123456789012:role/ir");
        assertThat(c.responderActions()).containsExactly("ec2:CreateSnapshot");
        assertThat(c.minAlertSeverity()).isEqualTo(Severity.HIGH);
        assertThat(c.disabledChecks()).containsExactlyInAnyOrder("a-check", "b-check");
        assertThat(c.isEnabled("a-check")).isFalse();
        assertThat(c.isEnabled("c-check")).isTrue();
        assertThat(c.suppressions()).containsExactly(new Suppression("a-check", "arn:aws:s3:::bucket*"),
                new Suppression("*", "123456789012/us-east-1"));
        assertThat(c.historyTtlDays()).isEqualTo(30);
    }

    @Test
    void blankValuesKeepTheDefaults() {
        assertThat(Config.fromEnvironment(Map.of("IRREADY_RETENTION_DAYS", "  ", "IRREADY_REGIONS", "")))
                .isEqualTo(Config.defaults());
    }

    @Test
    void malformedValuesFailNamingTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_RETENTION_DAYS", "a year")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IRREADY_RETENTION_DAYS must be a whole number, got 'a year'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_HISTORY_TTL_DAYS", "9x")))
                .hasMessage("IRREADY_HISTORY_TTL_DAYS must be a whole number, got '9x'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_MIN_ALERT_SEVERITY", "urgent")))
                .hasMessage("unknown severity 'urgent' (expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_SUPPRESSIONS", "no-colon")))
                .hasMessage("suppression must be checkId:resourcePattern (use * for any), got 'no-colon'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_RDS_LOG_TYPES", "postgres")))
                .hasMessage("RDS log types must be engine=type+type;…, got 'postgres'");
    }

    @Test
    void outOfRangeValuesAreRejected() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_RETENTION_DAYS", "0")))
                .hasMessage("retentionDays must be at least 1, got 0");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_FLOW_LOG_TRAFFIC_TYPE", "SOME")))
                .hasMessage("flowLogTrafficType must be ALL, ACCEPT or REJECT, got SOME");
        assertThatThrownBy(() -> Config.builder().historyTtlDays(0).build())
                .hasMessage("historyTtlDays must be at least 1, got 0");
    }

    @Test
    void toBuilderRoundTripsAndCollectionsAreImmutable() {
        Config c = Config.builder().regions(List.of("eu-west-1")).disabledChecks(Set.of("x")).build();

        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.toBuilder().retentionDays(10).build().retentionDays()).isEqualTo(10);
        assertThatThrownBy(() -> c.regions().add("us-east-1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.disabledChecks().add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isSuppressedMatchesAnySuppression() {
        Config c = Config.builder().suppressions(List.of(Suppression.parse("a:arn:aws:s3:::logs-*"))).build();
        Finding f = new Finding("a", Severity.HIGH, "123456789012", "eu-west-1", "arn:aws:s3:::logs-2026",
                Status.FAIL, "r", Instant.EPOCH);

        assertThat(c.isSuppressed(f)).isTrue();
        assertThat(Config.defaults().isSuppressed(f)).isFalse();
        assertThat(Config.builder().responderRoleArn(null).build().responderRoleArn()).isEqualTo(Optional.empty());
    }
}
