package io.irready.cli;

import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import java.util.List;
import java.util.Set;

/** The checks a command works on: {@code --checks} (default all), minus {@code --disable}. */
final class CheckSelection {
    private CheckSelection() {
    }

    /**
     * @param disableFlags ids given on the command line (validated)
     * @param disabled     every switched-off id, including {@code IRREADY_DISABLED_CHECKS} (not validated:
     *                     the environment may name checks of a later release)
     * @throws IllegalArgumentException naming the known ids when an id is unknown (a typo in
     *                                  {@code --disable} must not silently leave a check on)
     */
    static List<Check> select(CheckRegistry registry, List<String> only, List<String> disableFlags,
                              Set<String> disabled) {
        registry.select(disableFlags);
        List<Check> chosen = only.isEmpty() ? registry.all() : registry.select(only.stream().distinct().toList());
        return chosen.stream().filter(c -> !disabled.contains(c.id())).toList();
    }
}
