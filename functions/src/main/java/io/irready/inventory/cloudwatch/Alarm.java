package io.irready.inventory.cloudwatch;

import java.util.Objects;
import java.util.Optional;

/**
 * A CloudWatch metric alarm, as far as irready watches its own.
 *
 * @param name           the alarm name
 * @param state          {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}
 * @param stateReason    CloudWatch's own sentence for the state
 * @param actionsEnabled false when someone ran {@code DisableAlarmActions}: the alarm changes state but notifies nobody
 * @param lastDatapoint  the most recent datapoint the state was judged on (from {@code StateReasonData}), if any
 */
public record Alarm(String name, String state, String stateReason, boolean actionsEnabled,
                    Optional<Double> lastDatapoint) {
    public Alarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        Objects.requireNonNull(lastDatapoint, "lastDatapoint");
    }

    public boolean inAlarm() {
        return "ALARM".equals(state);
    }
}
