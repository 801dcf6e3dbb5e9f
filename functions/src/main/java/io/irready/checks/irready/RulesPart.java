package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.inventory.eventbridge.EventBridgeInventory;
import io.irready.inventory.eventbridge.EventRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Home region: irready's rules exist, are enabled and target one of its functions' alias. */
final class RulesPart implements IntegrityPart {
    @Override
    public void judge(Where where, IntegrityReport report) {
        if (!where.home()) {
            return;
        }
        AuditorIdentity auditor = where.auditor();
        EventBridgeInventory events = where.ctx().service(EventBridgeInventory.class);
        List<String> intact = new ArrayList<>();
        for (String name : auditor.ruleNames()) {
            report.probe(() -> {
                Optional<EventRule> rule = events.rule(name);
                if (rule.isEmpty()) {
                    report.broken("rule " + name + " does not exist");
                    return;
                }
                if (!rule.get().enabled()) {
                    report.broken("rule " + name + " is " + rule.get().state());
                }
                List<String> targets = events.targetArns(name);
                Optional<String> fn = auditor.functionNames().stream().map(FunctionsPart::functionName)
                        .filter(f -> targets.stream().anyMatch(t -> t.endsWith(":function:" + f + ":" + auditor.alias())))
                        .findFirst();
                if (fn.isEmpty()) {
                    report.broken("rule " + name + " no longer targets irready's function alias '"
                            + auditor.alias() + "'" + (targets.isEmpty() ? " (it has no target)"
                            : " (targets: " + String.join(", ", targets) + ")"));
                } else {
                    report.invokedFunctions().add(fn.get());
                    if (rule.get().enabled()) {
                        intact.add(name);
                    }
                }
            });
        }
        if (!intact.isEmpty()) {
            report.intact("rules " + String.join(", ", intact) + " are enabled and target alias '" + auditor.alias() + "'");
        }
    }
}
