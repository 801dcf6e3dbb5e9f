package io.irready.inventory.cloudwatch;

import io.irready.core.Memo;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** CloudWatch metric alarms looked up by name ({@code cloudwatch:DescribeAlarms}), cached for the evaluation. */
public final class AlarmInventory {
    private final Function<String, Optional<Alarm>> alarms;

    /** @param alarms alarm name → the alarm, empty when it does not exist */
    public AlarmInventory(Function<String, Optional<Alarm>> alarms) {
        this.alarms = Memo.byKey(alarms);
    }

    public static AlarmInventory of(List<Alarm> alarms) {
        return new AlarmInventory(name -> alarms.stream().filter(a -> a.name().equals(name)).findFirst());
    }

    public Optional<Alarm> alarm(String name) {
        return alarms.apply(name);
    }
}
