package io.irready.inventory.config;

import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigRecorderCollectorTest {
    private static final String RECORDERS = "StarlingDoveService.DescribeConfigurationRecorders";
    private static final String STATUS = "StarlingDoveService.DescribeConfigurationRecorderStatus";
    private static final String CHANNELS = "StarlingDoveService.DescribeDeliveryChannelStatus";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void joinsRecordersWithTheirStatus() {
        aws.stub(jsonCall(RECORDERS).willReturn(json("""
                {"ConfigurationRecorders":[{"name":"default","roleARN":"arn:aws:iam::123456789012:role/config",
                  "recordingGroup":{"allSupported":true,"includeGlobalResourceTypes":true}}]}""")));
        aws.stub(jsonCall(STATUS).willReturn(json("""
                {"ConfigurationRecordersStatus":[{"name":"default","recording":false,"lastStatus":"Failure",
                  "lastErrorCode":"AccessDenied","lastStopTime":1.7645E9}]}""")));

        ConfigRecorderInventory inventory = ConfigRecorderCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(inventory.recorders()).containsExactly(
                new ConfigRecorder("default", false, Optional.of("Failure"), Optional.of("AccessDenied")));
    }

    @Test
    void readsEachChannelsLastHistoryAndSnapshotDelivery() {
        aws.stub(jsonCall(CHANNELS).willReturn(json("""
                {"DeliveryChannelsStatus":[{"name":"default",
                  "configHistoryDeliveryInfo":{"lastStatus":"Failure","lastErrorCode":"NoSuchBucket",
                    "lastErrorMessage":"The specified bucket does not exist","lastAttemptTime":1.7645E9},
                  "configSnapshotDeliveryInfo":{"lastStatus":"Success","lastSuccessfulTime":1.7644E9},
                  "configStreamDeliveryInfo":{"lastStatus":"NOT_APPLICABLE"}},
                 {"name":"new"}]}""")));

        ConfigRecorderInventory inventory = ConfigRecorderCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(inventory.deliveryChannels()).containsExactly(
                new DeliveryChannel("default", Optional.of("Failure"), Optional.of("Success"),
                        Optional.of("NoSuchBucket: The specified bucket does not exist")),
                new DeliveryChannel("new", Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(inventory.deliveryChannels().get(0).failing()).isTrue();
        assertThat(inventory.deliveryChannels().get(1).failing()).isFalse();
    }

    @Test
    void deniedChannelStatusNamesTheAction() {
        aws.stub(jsonCall(CHANNELS).willReturn(jsonError(400, "AccessDeniedException", "denied")));

        ConfigRecorderInventory inventory = ConfigRecorderCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(inventory::deliveryChannels).isInstanceOfSatisfying(AwsCallFailedException.class,
                e -> assertThat(e.action()).isEqualTo("config:DescribeDeliveryChannelStatus"));
    }

    @Test
    void noRecorderMeansNoStatusCall() {
        aws.stub(jsonCall(RECORDERS).willReturn(json("{\"ConfigurationRecorders\":[]}")));

        assertThat(ConfigRecorderCollector.inventory(aws.clients(), AwsWire.REGION).recorders()).isEmpty();
        aws.server().verify(0, jsonCallMade(STATUS));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(RECORDERS).willReturn(json("{\"ConfigurationRecorders\":[{\"name\":\"default\"}]}")));
        aws.stub(jsonCall(STATUS).willReturn(jsonError(400, "AccessDeniedException", "denied")));

        ConfigRecorderInventory inventory = ConfigRecorderCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(inventory::recorders).isInstanceOfSatisfying(AwsCallFailedException.class,
                e -> assertThat(e.action()).isEqualTo("config:DescribeConfigurationRecorderStatus"));
    }
}
