package io.irready.checks.config;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.config.ConfigRecorder;
import io.irready.inventory.config.ConfigRecorderInventory;
import io.irready.inventory.config.DeliveryChannel;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigRecorderOnTest {
    private final CheckHarness check = CheckHarness.of(new ConfigRecorderOn());

    private Finding only(ConfigRecorderInventory recorders) {
        return CheckHarness.only(check.findings(inventory().with(ConfigRecorderInventory.class, recorders).build()));
    }

    private static final ConfigRecorder RECORDING = new ConfigRecorder("default", true, Optional.of("Success"),
            Optional.empty());
    private static final DeliveryChannel DELIVERING = new DeliveryChannel("default", Optional.of("Success"),
            Optional.of("Success"), Optional.empty());

    @Test
    void recordingRecorderWithADeliveringChannelPasses() {
        Finding f = only(ConfigRecorderInventory.of(List.of(RECORDING), List.of(DELIVERING)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("AWS Config recorder default is recording in eu-west-1 and delivery channel "
                + "default reports no failed delivery.");
    }

    @Test
    void aChannelThatNeverDeliveredYetPasses() {
        Finding f = only(ConfigRecorderInventory.of(List.of(RECORDING), List.of(
                new DeliveryChannel("default", Optional.empty(), Optional.of("Not_Applicable"), Optional.empty()))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFailedHistoryDeliveryFailsNamingTheError() {
        Finding f = only(ConfigRecorderInventory.of(List.of(RECORDING), List.of(new DeliveryChannel("default",
                Optional.of("Failure"), Optional.of("Success"), Optional.of("NoSuchBucket: The bucket does not exist")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("AWS Config recorder default is recording in eu-west-1 but delivery channel "
                + "default failed its last delivery (NoSuchBucket: The bucket does not exist): configuration history "
                + "is not reaching its bucket. Check that the bucket exists and that its policy (and KMS key policy) "
                + "lets AWS Config write.");
    }

    @Test
    void aRecordingRecorderWithoutAChannelFails() {
        Finding f = only(ConfigRecorderInventory.of(List.of(RECORDING), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("AWS Config recorder default is recording in eu-west-1 but has no delivery "
                + "channel: its configuration history reaches no bucket.");
    }

    @Test
    void deniedChannelStatusIsAnErrorNamingTheAction() {
        Finding f = only(new ConfigRecorderInventory(() -> List.of(RECORDING), () -> {
            throw denied("config:DescribeDeliveryChannelStatus");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to config:DescribeDeliveryChannelStatus");
    }

    @Test
    void aStoppedRecorderIsJudgedWithoutAskingForTheChannel() {
        Finding f = only(new ConfigRecorderInventory(() -> List.of(new ConfigRecorder("default", false,
                Optional.empty(), Optional.empty())), () -> {
            throw new AssertionError("the channel does not matter when nothing is recorded");
        }));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void stoppedRecorderFails() {
        Finding f = only(ConfigRecorderInventory.of(List.of(
                new ConfigRecorder("default", false, Optional.of("Failure"), Optional.of("AccessDenied"))), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("AWS Config recorder default (last error AccessDenied) in eu-west-1 is not "
                + "recording: configuration changes are not kept. Start it (aws configservice "
                + "start-configuration-recorder --configuration-recorder-name default).");
    }

    @Test
    void noRecorderFails() {
        Finding f = only(ConfigRecorderInventory.of(List.of(), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("AWS Config has no configuration recorder in eu-west-1: no configuration "
                + "history is kept. Set up AWS Config (recorder and delivery channel).");
    }

    @Test
    void deniedStatusIsAnError() {
        Finding f = only(new ConfigRecorderInventory(() -> {
            throw denied("config:DescribeConfigurationRecorderStatus");
        }, List::of));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith(
                "Could not evaluate: access denied to config:DescribeConfigurationRecorderStatus");
    }
}
