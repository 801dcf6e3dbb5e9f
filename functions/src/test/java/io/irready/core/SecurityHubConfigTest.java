package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Security Hub import is opt-in, and a typo in its switch fails loudly instead of leaving it off. */
class SecurityHubConfigTest {
    @Test
    void offUnlessTheDeploymentSwitchesItOn() {
        assertThat(Config.defaults().securityHubImport()).isFalse();
        assertThat(Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_SECURITY_HUB, "true")).securityHubImport())
                .isTrue();
        assertThat(Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_SECURITY_HUB, "FALSE")).securityHubImport())
                .isFalse();
        Config on = Config.builder().securityHubImport(true).build();
        assertThat(on.toBuilder().build().securityHubImport()).isTrue();
    }

    @Test
    void aValueOtherThanTrueOrFalseFailsNamingTheVariable() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of(EnvironmentNames.IRREADY_SECURITY_HUB, "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IRREADY_SECURITY_HUB must be true or false, got 'yes'");
    }
}
