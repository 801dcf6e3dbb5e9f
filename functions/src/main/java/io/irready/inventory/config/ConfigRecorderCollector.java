package io.irready.inventory.config;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigExportDeliveryInfo;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DeliveryChannelStatus;
import software.amazon.awssdk.services.config.model.DescribeDeliveryChannelStatusRequest;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusRequest;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersRequest;

/** Loads {@link ConfigRecorderInventory} over the SDK (JSON 1.1, {@code StarlingDoveService.*}; no call pages). */
public final class ConfigRecorderCollector {
    public static final String DESCRIBE_RECORDERS = "config:DescribeConfigurationRecorders";
    public static final String DESCRIBE_RECORDER_STATUS = "config:DescribeConfigurationRecorderStatus";
    public static final String DESCRIBE_DELIVERY_CHANNEL_STATUS = "config:DescribeDeliveryChannelStatus";

    private ConfigRecorderCollector() {
    }

    public static ConfigRecorderInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(ConfigClient::builder, region));
    }

    public static ConfigRecorderInventory inventory(ConfigClient client) {
        return new ConfigRecorderInventory(() -> {
            List<String> names = AwsCall.call(DESCRIBE_RECORDERS, () -> client
                    .describeConfigurationRecorders(DescribeConfigurationRecordersRequest.builder().build())
                    .configurationRecorders().stream().map(r -> r.name()).toList());
            if (names.isEmpty()) {
                return List.of();
            }
            Map<String, ConfigurationRecorderStatus> statuses = AwsCall.call(DESCRIBE_RECORDER_STATUS, () -> client
                    .describeConfigurationRecorderStatus(DescribeConfigurationRecorderStatusRequest.builder().build())
                    .configurationRecordersStatus().stream()
                    .collect(Collectors.toMap(ConfigurationRecorderStatus::name, Function.identity(), (a, b) -> a)));
            return names.stream().map(name -> {
                ConfigurationRecorderStatus s = statuses.get(name);
                return s == null
                        ? new ConfigRecorder(name, false, Optional.empty(), Optional.empty())
                        : new ConfigRecorder(name, Boolean.TRUE.equals(s.recording()),
                                Optional.ofNullable(s.lastStatusAsString()), Optional.ofNullable(s.lastErrorCode()));
            }).toList();
        }, () -> AwsCall.call(DESCRIBE_DELIVERY_CHANNEL_STATUS, () -> client
                .describeDeliveryChannelStatus(DescribeDeliveryChannelStatusRequest.builder().build())
                .deliveryChannelsStatus().stream().map(ConfigRecorderCollector::channel).toList()));
    }

    private static DeliveryChannel channel(DeliveryChannelStatus s) {
        ConfigExportDeliveryInfo history = s.configHistoryDeliveryInfo();
        ConfigExportDeliveryInfo snapshot = s.configSnapshotDeliveryInfo();
        Optional<String> error = Stream.of(history, snapshot).filter(i -> i != null && i.lastErrorCode() != null)
                .findFirst().map(i -> i.lastErrorCode() + (i.lastErrorMessage() == null ? "" : ": " + i.lastErrorMessage()));
        return new DeliveryChannel(s.name(), Optional.ofNullable(history).map(ConfigExportDeliveryInfo::lastStatusAsString),
                Optional.ofNullable(snapshot).map(ConfigExportDeliveryInfo::lastStatusAsString), error);
    }
}
