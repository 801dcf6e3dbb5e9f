package io.irready.inventory.config;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusRequest;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersRequest;

/** Loads {@link ConfigRecorderInventory} over the SDK (JSON 1.1, {@code StarlingDoveService.*}; neither call pages). */
public final class ConfigRecorderCollector {
    public static final String DESCRIBE_RECORDERS = "config:DescribeConfigurationRecorders";
    public static final String DESCRIBE_RECORDER_STATUS = "config:DescribeConfigurationRecorderStatus";

    private ConfigRecorderCollector() {
    }

    public static ConfigRecorderInventory inventory(AwsClients clients, String region) {
        return inventory(clients.build(ConfigClient.builder(), region));
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
        });
    }
}
