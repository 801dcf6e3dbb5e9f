package io.irready.cli;

import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks a command works on: {@code --checks} (default all), minus {@code --disable}. */
final class CheckSelection {
    private CheckSelection() {
    }

    /**
     * @param only         ids or {@code *} globs ({@code cloudtrail-*}); empty means every check
     * @param disableFlags ids or globs given on the command line (validated)
     * @param disabled     every switched-off id, including {@code IRREADY_DISABLED_CHECKS} (not validated:
     *                     the environment may name checks of a later release)
     * @throws IllegalArgumentException naming the known ids when an id or glob matches no check (a typo
     *                                  in {@code --disable} must not silently leave a check on)
     */
    static List<Check> select(CheckRegistry registry, List<String> only, List<String> disableFlags,
                              Set<String> disabled) {
        Set<String> off = new LinkedHashSet<>(disabled);
        off.addAll(expand(registry, disableFlags));
        List<String> chosen = only.isEmpty() ? registry.all().stream().map(Check::id).toList() : expand(registry, only);
        return registry.select(chosen.stream().filter(id -> !off.contains(id)).toList());
    }

    /** Ids in the order given, each glob replaced by the matching ids in catalog order. */
    static List<String> expand(CheckRegistry registry, List<String> idsOrGlobs) {
        Set<String> ids = new LinkedHashSet<>();
        for (String given : idsOrGlobs) {
            if (!given.contains("*")) {
                registry.select(List.of(given));
                ids.add(given);
                continue;
            }
            Pattern glob = Pattern.compile(Pattern.quote(given).replace("*", "\\E.*\\Q"));
            List<String> matching = registry.all().stream().map(Check::id).filter(id -> glob.matcher(id).matches())
                    .toList();
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("no check id matches '" + given + "'; known: "
                        + String.join(", ", registry.all().stream().map(Check::id).toList()));
            }
            ids.addAll(matching);
        }
        return List.copyOf(ids);
    }
}
