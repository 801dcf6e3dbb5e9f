package io.irready.checks.networkfirewall;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.networkfirewall.Firewall;
import io.irready.inventory.networkfirewall.NetworkFirewallCollector;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code networkfirewall-logging}: every Network Firewall sends both its ALERT log (the rule matches)
 * and its FLOW log (every connection it passed) somewhere. A firewall deleted while it was being
 * judged is NOT_APPLICABLE.
 */
public final class NetworkFirewallLogging implements Check, Routed {
    public static final String ID = "networkfirewall-logging";

    static final List<String> REQUIRED = List.of("ALERT", "FLOW");

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Every Network Firewall logs its alerts and flows",
            Severity.MEDIUM,
            "network-firewall",
            "AWS::NetworkFirewall::Firewall",
            Granularity.RESOURCE,
            "A Network Firewall sits on the traffic leaving and entering the VPCs it protects: its alert log records "
                    + "which stateful rules fired (command-and-control, known-bad domains, exfiltration patterns) and "
                    + "its flow log every connection it let through. Without them the firewall blocks or passes "
                    + "traffic and nothing afterwards says to where, or from which workload.",
            new Remediation(
                    "VPC console → Network Firewall → Firewalls → (firewall) → Firewall details → Logging → Edit → "
                            + "tick Alert and Flow, choose a destination for each (S3, CloudWatch Logs or Firehose) → Save.",
                    "aws network-firewall update-logging-configuration --firewall-arn <arn> --region <region> "
                            + "--logging-configuration '{\"LogDestinationConfigs\":[{\"LogType\":\"ALERT\","
                            + "\"LogDestinationType\":\"CloudWatchLogs\",\"LogDestination\":{\"logGroup\":\"<group>\"}}]}'"
                            + "  # one type per call: repeat with the FLOW entry added"),
            List.of(NetworkFirewallCollector.LIST_FIREWALLS, NetworkFirewallCollector.DESCRIBE_LOGGING_CONFIGURATION),
            new References(List.of(), List.of("NetworkFirewall.2"), List.of(), List.of("T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.network-firewall", "UpdateLoggingConfiguration").disablesEvidence()
                    .because("update-logging-configuration adds or removes a firewall's alert and flow log destinations")
            .on("aws.network-firewall", "CreateFirewall").because("a new firewall is judged; it starts without logging")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return EachResource.judge(ctx, ctx.service(NetworkFirewallInventory.class).firewalls(), Firewall::arn,
                firewall -> judge(ctx, firewall));
    }

    private static Finding judge(CheckContext ctx, Firewall firewall) {
        if (!firewall.exists()) {
            return ctx.notApplicable(firewall.arn(), "Network Firewall " + firewall.name()
                    + " was deleted while it was being judged.");
        }
        List<String> missing = REQUIRED.stream().filter(t -> !firewall.destinations().containsKey(t)).toList();
        String logged = firewall.destinations().entrySet().stream().map(e -> e.getKey() + " to " + e.getValue())
                .collect(Collectors.joining(", "));
        if (missing.isEmpty()) {
            return ctx.pass(firewall.arn(), "Network Firewall " + firewall.name() + " logs " + logged + ".");
        }
        return ctx.fail(firewall.arn(), "Network Firewall " + firewall.name() + " does not log "
                + String.join(" or ", missing) + (logged.isEmpty() ? "" : " (it logs " + logged + ")")
                + ": the rules it matched and the connections it passed leave no record. Add a destination "
                + "for each (aws network-firewall update-logging-configuration --firewall-arn "
                + firewall.arn() + ").");
    }
}
