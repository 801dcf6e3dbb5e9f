package io.irready.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The single source of truth about checks: the CLI's catalog, the IAM policy, the EventBridge
 * rules' check lists and {@code docs/CHECKS.md} are all generated from it.
 */
public final class CheckRegistry {
    private final Map<String, Check> checks = new LinkedHashMap<>();

    public CheckRegistry(List<? extends Check> all) {
        for (Check check : all) {
            if (checks.putIfAbsent(check.id(), check) != null) {
                throw new IllegalArgumentException("duplicate check id: " + check.id());
            }
        }
    }

    /** Every check, in catalog order. */
    public List<Check> all() {
        return List.copyOf(checks.values());
    }

    public Optional<Check> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public boolean contains(String id) {
        return checks.containsKey(id);
    }

    /** The checks the configuration leaves switched on. */
    public List<Check> enabled(Config config) {
        return checks.values().stream().filter(c -> config.isEnabled(c.id())).toList();
    }

    /** Resolves ids given by a user, failing with the list of known ids on a typo. */
    public List<Check> select(Collection<String> ids) {
        return ids.stream().map(id -> find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown check id '" + id + "'; known: " + String.join(", ", checks.keySet())))).toList();
    }

    /** The union of the IAM actions the given checks need, sorted. */
    public static SortedSet<String> permissions(Collection<? extends Check> selected) {
        SortedSet<String> actions = new TreeSet<>();
        selected.forEach(c -> actions.addAll(c.metadata().permissions()));
        return actions;
    }
}
