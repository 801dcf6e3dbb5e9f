package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.inventory.eventbridge.EventBridgeInventory;
import io.irready.inventory.eventbridge.EventRule;
import io.irready.inventory.eventbridge.RuleTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A forwarder region: each of irready's forwarding rules exists, is enabled, delivers to the home region's
 * default event bus and keeps a dead-letter queue for what it cannot deliver.
 */
final class ForwarderRulesPart implements IntegrityPart {
    @Override
    public void judge(Where where, IntegrityReport report) {
        if (where.forwarder().isEmpty()) {
            return;
        }
        AuditorIdentity.Forwarder forwarder = where.forwarder().get();
        EventBridgeInventory events = where.ctx().service(EventBridgeInventory.class);
        List<String> intact = new ArrayList<>();
        for (String name : forwarder.ruleNames()) {
            report.probe(() -> {
                Optional<EventRule> rule = events.rule(name);
                if (rule.isEmpty()) {
                    report.broken("rule " + name + " does not exist");
                    return;
                }
                int before = report.brokenParts().size();
                if (!rule.get().enabled()) {
                    report.broken("rule " + name + " is " + rule.get().state());
                }
                List<RuleTarget> targets = events.targets(name);
                Optional<RuleTarget> home = targets.stream()
                        .filter(t -> t.arn().endsWith(where.homeBusSuffix())).findFirst();
                if (home.isEmpty()) {
                    report.broken("rule " + name + " no longer forwards to the home bus in " + where.auditor().region()
                            + (targets.isEmpty() ? " (it has no target)" : " (targets: "
                            + String.join(", ", targets.stream().map(RuleTarget::arn).toList()) + ")"));
                } else if (home.get().deadLetterArn().isEmpty()) {
                    report.broken("rule " + name + " has no dead-letter queue: events it cannot deliver vanish");
                }
                if (report.brokenParts().size() == before) {
                    intact.add(name);
                }
            });
        }
        if (!intact.isEmpty()) {
            report.intact(intact.size() + " forwarding rule" + (intact.size() == 1 ? " is enabled and delivers"
                    : "s are enabled and deliver") + " to the home bus in " + where.auditor().region() + " with a dead-letter queue");
        }
    }
}
