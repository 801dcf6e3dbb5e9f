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
    void theEnvironmentMustNameTheTableAndTopic() {
        assertThatThrownBy(() -> EngineWiring.fromEnvironment(Map.of("AWS_REGION", "eu-west-1"), "event",
                new PrintStream(out, true, StandardCharsets.UTF_8)))
                .hasMessageContaining("IRREADY_TABLE_NAME is not set");
        assertThatThrownBy(() -> EngineWiring.fromEnvironment(Map.of("AWS_REGION", "eu-west-1", "IRREADY_TABLE_NAME", "t"),
                "event", new PrintStream(out, true, StandardCharsets.UTF_8)))
                .hasMessageContaining("IRREADY_TOPIC_ARN is not set");
    }
}
