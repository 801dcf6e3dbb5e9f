package io.irready.inventory.logs;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * CloudWatch Logs state of one region, loaded on first use and cached for the evaluation.
 * Checks receive it through {@code ctx.service(LogsInventory.class)}; tests build it by hand with
 * {@link #of(List)}; {@link LogsCollector} builds it over the SDK.
 */
public final class LogsInventory {
    private final Supplier<List<LogGroup>> logGroups;
    private final Supplier<Map<String, LogGroup>> byName;

    public LogsInventory(Supplier<List<LogGroup>> logGroups) {
        this.logGroups = Memo.of(logGroups);
        this.byName = Memo.of(() -> this.logGroups.get().stream()
                .collect(Collectors.toUnmodifiableMap(LogGroup::name, Function.identity(), (a, b) -> a)));
    }

    /** A hand-built inventory (tests, the demo). */
    public static LogsInventory of(List<LogGroup> groups) {
        return new LogsInventory(() -> List.copyOf(groups));
    }

    /** Every log group of the region ({@code logs:DescribeLogGroups}, all pages). */
    public List<LogGroup> logGroups() {
        return logGroups.get();
    }

    /** The log group called {@code name}, if it exists. */
    public Optional<LogGroup> logGroup(String name) {
        return Optional.ofNullable(byName.get().get(name));
    }
}
