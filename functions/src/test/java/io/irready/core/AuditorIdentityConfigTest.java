package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditorIdentityConfigTest {
    @Test
    void readsTheAuditorFromTheEnvironment() {
        Config config = Config.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-1",
                "IRREADY_AUDITOR_RULE_NAMES", "irready-cloudtrail, irready-sweep-critical",
                "IRREADY_AUDITOR_FUNCTION_NAMES", "irready-events,irready-sweep",
                "IRREADY_AUDITOR_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:irready-alerts",
                "IRREADY_AUDITOR_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/k"));

        assertThat(config.auditor()).contains(new AuditorIdentity("eu-west-1",
                List.of("irready-cloudtrail", "irready-sweep-critical"), List.of("irready-events", "irready-sweep"),
                "live", Optional.of("arn:aws:sns:eu-west-1:123456789012:irready-alerts"),
                Optional.of("arn:aws:kms:eu-west-1:123456789012:key/k")));
    }

    @Test
    void absentWhenNothingIsConfiguredAndRegionIsRequiredOtherwise() {
        assertThat(Config.fromEnvironment(Map.of("AWS_REGION", "eu-west-1")).auditor()).isEmpty();
        assertThat(Config.fromEnvironment(Map.of("IRREADY_AUDITOR_ALIAS", "prod")).auditor()).isEmpty();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("IRREADY_AUDITOR_RULE_NAMES", "r")))
                .hasMessageContaining("IRREADY_AUDITOR_REGION (or AWS_REGION)");
        assertThat(Config.fromEnvironment(Map.of("IRREADY_AUDITOR_RULE_NAMES", "r", "IRREADY_AUDITOR_REGION",
                "us-east-1", "IRREADY_AUDITOR_ALIAS", "prod")).auditor())
                .hasValueSatisfying(a -> {
                    assertThat(a.region()).isEqualTo("us-east-1");
                    assertThat(a.alias()).isEqualTo("prod");
                });
    }
}
