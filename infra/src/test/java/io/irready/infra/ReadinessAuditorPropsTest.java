package io.irready.infra;

import io.irready.events.EventBridgePatterns;
import io.irready.checks.Catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.Config;
import io.irready.core.Severity;
import io.irready.events.RouteTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults, validation and the region arithmetic of the props; no CDK synth needed. */
class ReadinessAuditorPropsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        ReadinessAuditorProps p = ReadinessAuditorProps.builder().build();
        assertThat(p.alertEmails()).isEmpty();
        assertThat(p.chatbotEnabled()).isFalse();
        assertThat(p.criticalSweepMinutes()).isEqualTo(5);
        assertThat(p.fullSweepMinutes()).isEqualTo(60);
        assertThat(p.retentionDays()).isEqualTo(Config.DEFAULT_RETENTION_DAYS);
        assertThat(p.minAlertSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(p.eventPatterns()).isEqualTo(EventBridgePatterns.of(Catalog.routeTable()));
        assertThat(p.functionsJar()).isEqualTo(Path.of("functions/target/irready-lambda.zip"));
    }

    @Test
    void homeRegionLeadsTheSweepRegionsAndUsEast1AlwaysForwards() {
        ReadinessAuditorProps p = ReadinessAuditorProps.builder()
                .regions(List.of("us-east-1", "eu-west-1", "eu-central-1")).build();
        assertThat(p.sweepRegions("eu-west-1")).containsExactly("eu-west-1", "us-east-1", "eu-central-1");
        assertThat(p.forwarderRegions("eu-west-1")).containsExactly("us-east-1", "eu-central-1");
        ReadinessAuditorProps homeOnly = ReadinessAuditorProps.builder().build();
        assertThat(homeOnly.forwarderRegions("eu-west-1")).containsExactly("us-east-1");
        assertThat(homeOnly.forwarderRegions("us-east-1")).isEmpty();
    }

    @Test
    void rejectsWhatWouldDeployBroken() {
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().slackWorkspaceId("T01").build())
                .hasMessageContaining("both slackWorkspaceId and slackChannelId");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().alertEmails(List.of("secops")).build())
                .hasMessageContaining("'secops' is not an email address");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().regions(List.of("eu-west")).build())
                .hasMessageContaining("'eu-west' is not an AWS region name");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().criticalSweepMinutes(30).fullSweepMinutes(10).build())
                .hasMessageContaining("fullSweepMinutes must be between criticalSweepMinutes and 1440");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().integrityTopicArn("security-topic").build())
                .hasMessageContaining("integrityTopicArn must be an SNS topic ARN");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().responderRoleArn("IncidentResponder").build())
                .hasMessageContaining("responderRoleArn must be an IAM role ARN");
    }

    @Test
    void missingFunctionsJarNamesTheBuildCommand() {
        ReadinessAuditorProps p = ReadinessAuditorProps.builder().functionsJar(Path.of("target/no-such.jar")).build();
        assertThatThrownBy(p::requireFunctionsJar)
                .hasMessageContaining("no-such.jar does not exist: run ./mvnw -pl functions -am package");
    }

    @Test
    void unknownDisabledCheckFailsWithTheKnownIds() {
        ReadinessAuditorProps p = ReadinessAuditorProps.builder().disabledChecks(java.util.Set.of("vpc-flowlogs")).build();
        assertThatThrownBy(() -> ReadinessAuditor.readOnlyActions(p))
                .hasMessageContaining("unknown check id 'vpc-flowlogs'").hasMessageContaining("vpc-flow-logs-enabled");
    }

    @Test
    void disablingACheckDropsPermissionsOnlyItNeeds() {
        var all = ReadinessAuditor.readOnlyActions(ReadinessAuditorProps.builder().build());
        var withoutGuardDuty = ReadinessAuditor.readOnlyActions(ReadinessAuditorProps.builder()
                .disabledChecks(java.util.Set.of("guardduty-enabled")).build());
        assertThat(all).contains("guardduty:ListDetectors");
        assertThat(withoutGuardDuty).doesNotContain("guardduty:ListDetectors").isNotEmpty();
    }
}
