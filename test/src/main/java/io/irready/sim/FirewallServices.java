package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedAccount.NetworkFirewall;
import io.irready.sim.SimulatedAccount.WebAcl;
import java.util.List;
import java.util.Optional;

/**
 * WAFv2 (JSON 1.1, {@code AWSWAF_20190729.*}) and Network Firewall (JSON 1.0,
 * {@code NetworkFirewall_20201112.*}): the web ACLs and firewalls of the account with their logging.
 */
final class FirewallServices {
    private final SimulatedAccount a;

    FirewallServices(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        JsonNode in = r.json();
        return switch (r.service() + ":" + r.target()) {
            case "wafv2:ListWebACLs" -> listWebAcls(in);
            case "wafv2:GetLoggingConfiguration" -> wafLogging(in);
            case "network-firewall:ListFirewalls" -> listFirewalls(in);
            case "network-firewall:DescribeLoggingConfiguration" -> firewallLogging(in);
            default -> null;
        };
    }

    private static String text(JsonNode in, String field) {
        JsonNode n = in.path(field);
        return n.isTextual() ? n.asText() : null;
    }

    // ---- WAFv2

    private Reply listWebAcls(JsonNode in) {
        String scope = text(in, "Scope");
        List<WebAcl> acls = a.webAcls.stream().filter(w -> w.scope().equals(scope)).toList();
        Pages<WebAcl> page = Pages.of(acls, text(in, "NextMarker"), in.path("Limit").asInt(100));
        ArrayNode list = Reply.JSON.createArrayNode();
        page.items().forEach(w -> list.addObject().put("Name", w.name()).put("Id", w.id()).put("Description", "")
                .put("LockToken", "lt-" + w.id()).put("ARN", a.webAclArn(w)));
        ObjectNode out = Reply.object().set("WebACLs", list);
        if (page.nextToken() != null) {
            out.put("NextMarker", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply wafLogging(JsonNode in) {
        String arn = text(in, "ResourceArn");
        Optional<WebAcl> acl = a.webAcls.stream().filter(w -> a.webAclArn(w).equals(arn)).findFirst();
        if (acl.isEmpty() || acl.get().logDestination() == null) {
            return Reply.jsonError(400, "WAFNonexistentItemException",
                    "AWS WAF couldn’t perform the operation because your resource doesn’t exist.");
        }
        ObjectNode config = Reply.object().put("ResourceArn", arn).put("ManagedByFirewallManager", false)
                .put("LogType", "WAF_LOGS").put("LogScope", "CUSTOMER");
        config.putArray("LogDestinationConfigs").add(acl.get().logDestination());
        return Reply.json(Reply.object().set("LoggingConfiguration", config));
    }

    // ---- Network Firewall

    private String firewallArn(NetworkFirewall f) {
        return a.arn("network-firewall", "firewall/" + f.name());
    }

    private Reply listFirewalls(JsonNode in) {
        Pages<NetworkFirewall> page = Pages.of(a.networkFirewalls, text(in, "NextToken"), 100);
        ArrayNode list = Reply.JSON.createArrayNode();
        page.items().forEach(f -> list.addObject().put("FirewallName", f.name()).put("FirewallArn", firewallArn(f)));
        ObjectNode out = Reply.object().set("Firewalls", list);
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return Reply.json(out);
    }

    private Reply firewallLogging(JsonNode in) {
        String arn = text(in, "FirewallArn");
        Optional<NetworkFirewall> firewall = a.networkFirewalls.stream().filter(f -> firewallArn(f).equals(arn))
                .findFirst();
        if (firewall.isEmpty()) {
            return Reply.jsonError(400, "ResourceNotFoundException", "Firewall " + arn + " not found");
        }
        ObjectNode out = Reply.object().put("FirewallArn", arn).put("EnableMonitoringDashboard", false);
        ArrayNode configs = out.putObject("LoggingConfiguration").putArray("LogDestinationConfigs");
        for (String type : firewall.get().loggedTypes()) {
            configs.addObject().put("LogType", type).put("LogDestinationType", "S3").putObject("LogDestination")
                    .put("bucketName", "nfw-logs-" + a.account).put("prefix", firewall.get().name());
        }
        return Reply.json(out);
    }
}
