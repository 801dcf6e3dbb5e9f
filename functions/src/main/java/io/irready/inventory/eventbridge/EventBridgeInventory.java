package io.irready.inventory.eventbridge;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** EventBridge rules (default bus) looked up by name, and their targets; cached per rule for the evaluation. */
public final class EventBridgeInventory {
    private final Function<String, Optional<EventRule>> rules;
    private final Function<String, List<RuleTarget>> targets;

    /**
     * @param rules   rule name → the rule, empty when it does not exist ({@code events:DescribeRule})
     * @param targets rule name → its targets ({@code events:ListTargetsByRule}, all pages)
     */
    public EventBridgeInventory(Function<String, Optional<EventRule>> rules, Function<String, List<RuleTarget>> targets) {
        this.rules = Memo.byKey(rules);
        this.targets = Memo.byKey(targets);
    }

    /** Rules whose targets have no dead-letter queue. */
    public static EventBridgeInventory of(List<EventRule> rules, Map<String, List<String>> targets) {
        return withTargets(rules, targets.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().map(arn -> new RuleTarget(arn, Optional.empty()))
                        .toList())));
    }

    public static EventBridgeInventory withTargets(List<EventRule> rules, Map<String, List<RuleTarget>> targets) {
        return new EventBridgeInventory(name -> rules.stream().filter(r -> r.name().equals(name)).findFirst(),
                name -> targets.getOrDefault(name, List.of()));
    }

    public Optional<EventRule> rule(String name) {
        return rules.apply(name);
    }

    public List<String> targetArns(String ruleName) {
        return targets.apply(ruleName).stream().map(RuleTarget::arn).toList();
    }

    public List<RuleTarget> targets(String ruleName) {
        return targets.apply(ruleName);
    }
}
