package io.irready.checks.logs;

import io.irready.core.CheckContext;
import io.irready.core.ResourceIds;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.ec2.Ec2Collector;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksCollector;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.lambda.LambdaCollector;
import io.irready.inventory.lambda.LambdaFunction;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.networkfirewall.Firewall;
import io.irready.inventory.networkfirewall.NetworkFirewallCollector;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.RdsCollector;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.wafv2.WafCollector;
import io.irready.inventory.wafv2.WafInventory;
import io.irready.inventory.wafv2.WebAcl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which CloudWatch Logs groups hold evidence, and why — the one selection {@code logs-retention},
 * {@code logs-kms-encryption} and {@code logs-long-term-copy} judge.
 *
 * <p>A group is forensic when its name starts with one of {@code Config.forensicLogGroupPrefixes} (the
 * default names of trail, flow-log, RDS, Lambda, agent and resolver groups), or when something that
 * produces evidence delivers into it, whatever its name: the CloudWatch Logs group of a trail, a flow
 * log's destination group, an RDS instance's or cluster's log exports ({@code /aws/rds/…}), a Lambda
 * function's group ({@code LoggingConfig.LogGroup}, else {@code /aws/lambda/<name>}), an EKS cluster's
 * control-plane group ({@code /aws/eks/<name>/cluster}), a WAF web ACL's or a Network Firewall's
 * CloudWatch Logs destination. Only groups of this account and region count: the inventory covers one.
 *
 * <p>The name rule is tried first and costs nothing; the deliveries are read only when a group in scope
 * does not match it (an event naming a {@code /aws/lambda/…} group reads no other service). A failed read
 * of a delivering service propagates: whether the other groups hold evidence is then unknown, so the
 * check is an ERROR for the region and keeps its stored findings rather than judging a partial selection.
 */
public final class ForensicLogGroups {
    /** What the selection reads; a check that uses it declares these. */
    public static final List<String> PERMISSIONS = List.of(
            LogsCollector.DESCRIBE_LOG_GROUPS,
            CloudTrailCollector.LIST_TRAILS, CloudTrailCollector.DESCRIBE_TRAILS,
            Ec2Collector.DESCRIBE_FLOW_LOGS,
            RdsCollector.DESCRIBE_DB_INSTANCES, RdsCollector.DESCRIBE_DB_CLUSTERS,
            LambdaCollector.LIST_FUNCTIONS,
            EksCollector.LIST_CLUSTERS, EksCollector.DESCRIBE_CLUSTER,
            WafCollector.LIST_WEB_ACLS, WafCollector.GET_LOGGING_CONFIGURATION,
            NetworkFirewallCollector.LIST_FIREWALLS, NetworkFirewallCollector.DESCRIBE_LOGGING_CONFIGURATION);

    /** The selection's reads followed by what one logs check reads of each selected group. */
    static List<String> permissionsAnd(String... more) {
        return java.util.stream.Stream.concat(PERMISSIONS.stream(), java.util.Arrays.stream(more)).toList();
    }

    private ForensicLogGroups() {
    }

    /**
     * A group that holds evidence.
     *
     * @param why what makes it forensic: {@code prefix /aws/lambda/} or {@code receives VPC flow logs of vpc-…}
     */
    public record Forensic(LogGroup group, String why) {
        /** {@code Log group <name> holds evidence (<why>)}: how the checks' reasons start. */
        public String subject() {
            return "Log group " + group.name() + " holds evidence (" + why + ")";
        }
    }

    /** The forensic groups of the region that {@code ctx.scope()} includes, in DescribeLogGroups order. */
    public static List<Forensic> inScope(CheckContext ctx) {
        List<String> prefixes = ctx.config().forensicLogGroupPrefixes();
        List<Forensic> forensic = new ArrayList<>();
        Map<String, String> delivered = null;
        for (LogGroup group : ctx.service(LogsInventory.class).logGroups()) {
            if (!ctx.scope().includes(group.arn())) {
                continue;
            }
            Optional<String> prefix = prefixes.stream().filter(group.name()::startsWith).findFirst();
            if (prefix.isPresent()) {
                forensic.add(new Forensic(group, "prefix " + prefix.get()));
                continue;
            }
            if (delivered == null) {
                delivered = deliveredInto(ctx);
            }
            String why = delivered.get(group.name());
            if (why != null) {
                forensic.add(new Forensic(group, why));
            }
        }
        return forensic;
    }

    /** Group name → what delivers evidence into it; the first source that names a group gives its reason. */
    static Map<String, String> deliveredInto(CheckContext ctx) {
        Map<String, String> why = new LinkedHashMap<>();
        for (Trail trail : ctx.service(CloudTrailInventory.class).trails()) {
            trail.cloudWatchLogsLogGroupArn().flatMap(arn -> localGroup(ctx, arn))
                    .ifPresent(g -> why.putIfAbsent(g, "receives the events of trail " + trail.name()));
        }
        for (FlowLog flowLog : ctx.service(Ec2Inventory.class).flowLogs()) {
            if (!FlowLog.CLOUD_WATCH_LOGS.equals(flowLog.destinationType())) {
                continue;
            }
            Optional<String> group = flowLog.destination().isPresent()
                    ? flowLog.destination().flatMap(arn -> localGroup(ctx, arn)) : flowLog.logGroupName();
            group.ifPresent(g -> why.putIfAbsent(g, "receives "
                    + (flowLog.resourceId().startsWith("vpc-") ? "VPC " : "") + "flow logs of " + flowLog.resourceId()));
        }
        RdsInventory rds = ctx.service(RdsInventory.class);
        for (DbInstance db : rds.instances()) {
            for (String type : db.logExports().effective()) {
                why.putIfAbsent("/aws/rds/instance/" + db.identifier() + "/" + type,
                        "receives the " + type + " log of DB instance " + db.identifier());
            }
        }
        for (DbCluster db : rds.clusters()) {
            for (String type : db.logExports().effective()) {
                why.putIfAbsent("/aws/rds/cluster/" + db.identifier() + "/" + type,
                        "receives the " + type + " log of DB cluster " + db.identifier());
            }
        }
        for (LambdaFunction function : ctx.service(LambdaInventory.class).functions()) {
            why.putIfAbsent(function.logGroupName(), "receives the logs of Lambda function " + function.name());
        }
        for (EksCluster cluster : ctx.service(EksInventory.class).clusters()) {
            if (!cluster.loggedTypes().isEmpty()) {
                why.putIfAbsent("/aws/eks/" + cluster.name() + "/cluster", "receives the control-plane logs ("
                        + String.join(", ", cluster.loggedTypes()) + ") of EKS cluster " + cluster.name());
            }
        }
        for (WebAcl acl : ctx.service(WafInventory.class).webAcls()) {
            for (String destination : acl.logDestinations()) {
                localGroup(ctx, destination).ifPresent(g -> why.putIfAbsent(g,
                        "receives the request logs of WAF web ACL " + acl.name()));
            }
        }
        for (Firewall firewall : ctx.service(NetworkFirewallInventory.class).firewalls()) {
            firewall.logGroups().forEach((type, g) -> why.putIfAbsent(g,
                    "receives the " + type + " logs of Network Firewall " + firewall.name()));
        }
        return why;
    }

    /**
     * The group name of a log group ARN ({@code arn:aws:logs:r:a:log-group:NAME[:*]}) in this account and
     * region; empty for another service's ARN or a group elsewhere.
     */
    static Optional<String> localGroup(CheckContext ctx, String arn) {
        if (!ResourceIds.isArn(arn) || !arn.contains(":logs:") || !ctx.region().equals(ResourceIds.regionOf(arn))
                || !ctx.account().equals(ResourceIds.accountOf(arn))) {
            return Optional.empty();
        }
        String resource = arn.split(":", 6)[5];
        if (!resource.startsWith("log-group:")) {
            return Optional.empty();
        }
        String name = resource.substring("log-group:".length());
        return Optional.of(name.endsWith(":*") ? name.substring(0, name.length() - 2) : name);
    }
}
