package io.irready.checks.config;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.config.ConfigRecorder;
import io.irready.inventory.config.ConfigRecorderInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigRecorderOnTest {
    private final CheckHarness check = CheckHarness.of(new ConfigRecorderOn());

    private Finding only(ConfigRecorderInventory recorders) {
        return CheckHarness.only(check.findings(inventory().with(ConfigRecorderInventory.class, recorders).build()));
    }

    @Test
    void recordingRecorderPasses() {
        Finding f = only(ConfigRecorderInventory.of(List.of(
                new ConfigRecorder("default", true, Optional.of("Success"), Optional.empty()))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("AWS Config recorder default is recording in eu-west-1.");
    }

    @Test
    void stoppedRecorderFails() {
        Finding f = only(ConfigRecorderInventory.of(List.of(
                new ConfigRecorder("default", false, Optional.of("Failure"), Optional.of("AccessDenied")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("AWS Config recorder default (last error AccessDenied) in eu-west-1 is not "
                + "recording: configuration changes are not kept. Start it (aws configservice "
                + "start-configuration-recorder --configuration-recorder-name default).");
    }

    @Test
    void noRecorderFails() {
        Finding f = only(ConfigRecorderInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("AWS Config has no configuration recorder in eu-west-1: no configuration "
                + "history is kept. Set up AWS Config (recorder and delivery channel).");
    }

    @Test
    void deniedStatusIsAnError() {
        Finding f = only(new ConfigRecorderInventory(() -> {
            throw denied("config:DescribeConfigurationRecorderStatus");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith(
                "Could not evaluate: access denied to config:DescribeConfigurationRecorderStatus");
    }
}
