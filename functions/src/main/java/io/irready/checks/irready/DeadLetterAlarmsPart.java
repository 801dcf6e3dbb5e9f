package io.irready.checks.irready;

import io.irready.inventory.cloudwatch.Alarm;
import io.irready.inventory.cloudwatch.AlarmInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alarms on irready's dead-letter queues: in the home region those of its event, invocation and re-check
 * queues, in a forwarder region the one on the forwarder's queue. An alarm in ALARM means events were dropped
 * after every retry, so the region is not watched as it should be; a deleted alarm, or (at home, where they
 * notify the topic) one with its actions disabled, would hide that.
 */
final class DeadLetterAlarmsPart implements IntegrityPart {
    @Override
    public void judge(Where where, IntegrityReport report) {
        List<String> names = where.forwarder().map(f -> List.of(f.alarmName()))
                .orElse(where.auditor().alarmNames());
        AlarmInventory alarms = where.ctx().service(AlarmInventory.class);
        List<String> intact = new ArrayList<>();
        for (String name : names) {
            report.probe(() -> {
                Optional<Alarm> alarm = alarms.alarm(name);
                if (alarm.isEmpty()) {
                    report.broken("alarm " + name + " on irready's dead-letter queue does not exist");
                } else if (alarm.get().inAlarm()) {
                    report.broken(failing(where, alarm.get()));
                } else if (where.home() && !alarm.get().actionsEnabled()) {
                    report.broken("alarm " + name + " has its actions disabled: it alerts nobody");
                } else {
                    intact.add(name);
                }
            });
        }
        if (!intact.isEmpty()) {
            report.intact("dead-letter queue alarm" + (intact.size() == 1 ? " " : "s ") + String.join(", ", intact)
                    + (intact.size() == 1 ? " is" : " are") + " not in ALARM");
        }
    }

    private static String failing(Where where, Alarm alarm) {
        String messages = alarm.lastDatapoint().map(n -> (long) Math.ceil(n) + " message" + (n == 1 ? "" : "s"))
                .orElse("messages");
        String reason = alarm.stateReason().isBlank() ? "" : ": " + alarm.stateReason();
        if (where.home()) {
            return "events, sweeps or re-checks were dropped after every retry: " + messages + " in DLQ (alarm "
                    + alarm.name() + " is ALARM" + reason + "); inspect the queue, fix the cause, then redrive it";
        }
        return "forwarded events from " + where.region() + " are failing: " + messages + " in DLQ (alarm "
                + alarm.name() + " is ALARM" + reason + "); inspect the queue, fix the cause, then redrive it";
    }
}
