package io.irready.inventory.logs;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The subscription filters of named log groups, each group's read on first use and cached for the
 * evaluation: only groups a check asks about (short-lived forensic ones) cost a call.
 * {@link SubscriptionFilterCollector} builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class SubscriptionFilterInventory {
    private final Function<String, List<SubscriptionFilter>> filters;

    public SubscriptionFilterInventory(Function<String, List<SubscriptionFilter>> filters) {
        this.filters = Memo.byKey(filters);
    }

    /** A hand-built inventory: log group name → its filters (groups not in the map have none). */
    public static SubscriptionFilterInventory of(Map<String, List<SubscriptionFilter>> byGroup) {
        Map<String, List<SubscriptionFilter>> copy = Map.copyOf(byGroup);
        return new SubscriptionFilterInventory(group -> List.copyOf(copy.getOrDefault(group, List.of())));
    }

    /** The subscription filters of {@code logGroupName} ({@code logs:DescribeSubscriptionFilters}, all pages). */
    public List<SubscriptionFilter> filters(String logGroupName) {
        return filters.apply(logGroupName);
    }
}
