package io.irready.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EngineWiring#fromEnvironment}: what the deployment must set, and what it derives. */
class EngineWiringTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void irreadysOwnFunctionsAndKeyComeFromTheDeploymentsEnvironment() {
        assertThat(EngineWiring.ownResources(Map.of(
                "IRREADY_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:irready-alerts",
                "IRREADY_AUDITOR_REGION", "eu-west-1",
                "IRREADY_AUDITOR_FUNCTION_NAMES", "irready-event, irready-sweep",
                "IRREADY_AUDITOR_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd")))
                .containsExactly("arn:aws:kms:eu-west-1:123456789012:key/1234abcd",
                        "arn:aws:lambda:eu-west-1:123456789012:function:irready-event",
                        "arn:aws:lambda:eu-west-1:123456789012:function:irready-sweep");
        assertThat(EngineWiring.ownResources(Map.of())).isEmpty();
    }

    @Test
    void irreadysOwnRulesTopicAndAlarmsInEveryRegionComeFromTheEnvironment() {
        assertThat(EngineWiring.ownResources(Map.of(
                "IRREADY_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:irready-alerts",
                "IRREADY_AUDITOR_REGION", "eu-west-1",
                "IRREADY_AUDITOR_RULE_NAMES", "Irready-route-ec2",
                "IRREADY_AUDITOR_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:irready-alerts",
                "IRREADY_AUDITOR_ALARM_NAMES", "Irready-delivery-dlq-not-empty",
                "IRREADY_AUDITOR_FORWARDERS", "us-east-1|F-dlq-not-empty|F-forward-|iam")))
                .containsExactlyInAnyOrder("arn:aws:events:eu-west-1:123456789012:rule/Irready-route-ec2",
                        "arn:aws:events:us-east-1:123456789012:rule/F-forward-iam",
                        "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:Irready-delivery-dlq-not-empty",
                        "arn:aws:cloudwatch:us-east-1:123456789012:alarm:F-dlq-not-empty",
                        "arn:aws:sns:eu-west-1:123456789012:irready-alerts");
    }

    @Test
    void theEnvironmentMustNameTheTableAndTopic() {
        assertThatThrownBy(() -> EngineWiring.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"), "event",
                new PrintStream(out, true, StandardCharsets.UTF_8)))
                .hasMessageContaining("IRREADY_TABLE_NAME is not set");
        assertThatThrownBy(() -> EngineWiring.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "IRREADY_TABLE_NAME", "t"),
                "event", new PrintStream(out, true, StandardCharsets.UTF_8)))
                .hasMessageContaining("IRREADY_TOPIC_ARN is not set");
    }
}
