package io.irready.inventory.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** Loads {@link AlarmInventory} over the SDK: one {@code DescribeAlarms} by name per alarm. */
public final class AlarmCollector {
    public static final String DESCRIBE_ALARMS = "cloudwatch:DescribeAlarms";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlarmCollector() {
    }

    public static AlarmInventory inventory(AwsClients clients, String region) {
        return inventory(clients.build(CloudWatchClient.builder(), region));
    }

    public static AlarmInventory inventory(CloudWatchClient client) {
        // an unknown name is an empty list, not an error: "does not exist" is an answer
        return new AlarmInventory(name -> AwsCall.call(DESCRIBE_ALARMS,
                        () -> client.describeAlarms(b -> b.alarmNames(name)).metricAlarms())
                .stream().filter(a -> name.equals(a.alarmName())).findFirst().map(AlarmCollector::alarm));
    }

    private static Alarm alarm(MetricAlarm a) {
        return new Alarm(a.alarmName(), a.stateValueAsString(), a.stateReason(),
                !Boolean.FALSE.equals(a.actionsEnabled()), lastDatapoint(a.stateReasonData()));
    }

    /** {@code StateReasonData} is JSON with {@code recentDatapoints}; the last one is the newest. */
    static Optional<Double> lastDatapoint(String stateReasonData) {
        if (stateReasonData == null || stateReasonData.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode points = JSON.readTree(stateReasonData).path("recentDatapoints");
            return points.isArray() && !points.isEmpty() && points.get(points.size() - 1).isNumber()
                    ? Optional.of(points.get(points.size() - 1).asDouble()) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
