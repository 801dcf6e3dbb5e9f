package io.irready.inventory.rds;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a DB instance or cluster exports to CloudWatch Logs, with what is pending.
 *
 * @param enabled         {@code EnabledCloudwatchLogsExports} as AWS lists it
 * @param pendingEnable   {@code PendingCloudwatchLogsExports.LogTypesToEnable}
 * @param pendingDisable  {@code PendingCloudwatchLogsExports.LogTypesToDisable}
 */
public record LogExports(List<String> enabled, List<String> pendingEnable, List<String> pendingDisable) {
    public static final LogExports NONE = new LogExports(List.of(), List.of(), List.of());

    public LogExports {
        enabled = List.copyOf(enabled);
        pendingEnable = List.copyOf(pendingEnable);
        pendingDisable = List.copyOf(pendingDisable);
    }

    /**
     * The types that are exported and will stay so: right after {@code ModifyDBInstance} AWS still
     * lists a type being disabled as enabled, so a pending disable counts as disabled already.
     * A pending enable is not counted until AWS applies it.
     */
    public Set<String> effective() {
        Set<String> types = new LinkedHashSet<>(enabled);
        types.removeAll(pendingDisable);
        return types;
    }
}
