package io.irready.checks.ec2;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.ec2.Subnet;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.logs.LogsInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.ec2.Ec2Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every VPC has a working flow log: ACTIVE, capturing the required traffic type, delivering
 * without error to a destination that exists — on the VPC itself, or on every one of its subnets.
 * Without it an investigator cannot tell which hosts talked to what, or when data left.
 */
public final class VpcFlowLogsEnabled implements Check, Routed {
    public static final String ID = "vpc-flow-logs-enabled";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Every VPC has an active, delivering flow log capturing the required traffic",
            Severity.HIGH,
            "ec2",
            "AWS::EC2::VPC",
            Granularity.RESOURCE,
            "VPC flow logs are the only network record of who talked to whom: lateral movement, command and "
                    + "control and exfiltration show up there and nowhere else. Deleting them is a known "
                    + "defence-evasion step, and a flow log that cannot deliver is as blind as none.",
            new Remediation(
                    "VPC console → Your VPCs → select the VPC → Flow logs → Create flow log: filter All, "
                            + "destination CloudWatch Logs (or S3), a log group that exists and an IAM role the "
                            + "flow logs service may assume. Fix delivery errors by correcting that role.",
                    "aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL "
                            + "--log-destination-type cloud-watch-logs --log-group-name <group> "
                            + "--deliver-logs-permission-arn <role-arn>"),
            List.of(Ec2Collector.DESCRIBE_VPCS, Ec2Collector.DESCRIBE_SUBNETS, Ec2Collector.DESCRIBE_FLOW_LOGS,
                    Ec2Collector.DESCRIBE_NETWORK_INTERFACES, LogsCollector.DESCRIBE_LOG_GROUPS),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.7", "CIS AWS Foundations v3.0.0 3.7", "CIS AWS Foundations v1.4.0 3.9"),
                    List.of("EC2.6"),
                    List.of("aws.defense-evasion.vpc-remove-flow-logs"),
                    List.of("T1562.008", "T1046", "T1048")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.ec2", "DeleteFlowLogs").naming(Extractors.VPC_ID).disablesEvidence()
                    .because("deleting a flow log leaves its VPC unrecorded (the event names flow-log ids, not VPCs: "
                            + "the region is re-judged)")
            .on("aws.ec2", "CreateFlowLogs", "CreateVpc", "DeleteVpc").naming(Extractors.VPC_ID)
                    .because("a new flow log can cover the VPC; a new VPC is judged; a deleted one's finding is closed")
            .on("aws.logs", "DeleteLogGroup").naming(Extractors.LOG_GROUP_NAME).disablesEvidence()
                    .because("a flow log whose destination log group is gone delivers nothing")
            .on("aws.logs", "CreateLogGroup").naming(Extractors.LOG_GROUP_NAME)
                    .because("recreating the destination log group lets the delivery resume")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    /** The canonical id of a VPC: its ARN, in the owner's account. */
    public static String vpcArn(String region, String account, String vpcId) {
        return ResourceIds.arn("ec2", region, account, "vpc/" + vpcId);
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Ec2Inventory ec2 = ctx.service(Ec2Inventory.class);
        List<Finding> findings = new ArrayList<>();
        for (Vpc vpc : ec2.vpcs()) {
            String owner = vpc.ownerId() == null || vpc.ownerId().isBlank() ? ctx.account() : vpc.ownerId();
            String arn = vpcArn(ctx.region(), owner, vpc.id());
            if (!ctx.scope().includes(arn)) {
                continue;
            }
            try {
                findings.add(judge(ctx, ec2, vpc, owner, arn));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(arn, e));
            }
        }
        return findings;
    }

    private Finding judge(CheckContext ctx, Ec2Inventory ec2, Vpc vpc, String owner, String arn) {
        if (!owner.equals(ctx.account())) {
            return ctx.notApplicable(arn, "VPC " + vpc.id() + " is shared with this account by " + owner
                    + "; only its owner can create or see its VPC-level flow logs, so judge it in account " + owner + ".");
        }
        String required = ctx.config().flowLogTrafficType();
        List<String> problems = new ArrayList<>();

        Optional<FlowLog> vpcLevel = firstHealthy(ctx, ec2.flowLogsOf(vpc.id()), required, problems);
        if (vpcLevel.isPresent()) {
            FlowLog log = vpcLevel.get();
            return ctx.pass(arn, "VPC " + vpc.id() + " has active flow log " + log.id() + " capturing "
                    + log.trafficType().orElse("?") + " traffic to " + destination(log) + ".");
        }

        List<Subnet> subnets = ec2.subnetsOf(vpc.id());
        List<String> uncovered = new ArrayList<>();
        for (Subnet subnet : subnets) {
            if (firstHealthy(ctx, ec2.flowLogsOf(subnet.id()), required, problems).isEmpty()) {
                uncovered.add(subnet.id());
            }
        }
        if (!subnets.isEmpty() && uncovered.isEmpty()) {
            return ctx.pass(arn, "VPC " + vpc.id() + " has no VPC-level flow log but active flow logs capturing "
                    + required + " traffic cover all " + subnets.size() + " of its subnets.");
        }

        // Only VPCs that would fail pay for the network-interface listing.
        if (ctx.config().skipVpcsWithoutInterfaces() && ec2.networkInterfaceCount(vpc.id()) == 0) {
            return ctx.notApplicable(arn, "VPC " + vpc.id() + " has no network interfaces, and VPCs without "
                    + "interfaces are skipped by configuration (IRREADY_SKIP_VPCS_WITHOUT_INTERFACES).");
        }

        List<String> parts = new ArrayList<>(problems);
        if (!subnets.isEmpty() && uncovered.size() < subnets.size()) {
            parts.add("subnet-level flow logs leave " + listed(uncovered, ", ") + " uncovered");
        }
        String what = parts.isEmpty()
                ? "VPC " + vpc.id() + " has no flow log, neither on the VPC nor on its subnets"
                : "VPC " + vpc.id() + " has no active, delivering flow log capturing " + required + " traffic: "
                        + listed(parts, "; ");
        StringBuilder reason = new StringBuilder(what)
                .append(". Create a VPC-level flow log with traffic type ").append(required)
                .append(" (aws ec2 create-flow-logs --resource-type VPC --resource-ids ").append(vpc.id())
                .append(" --traffic-type ").append(required).append(" …).");
        return ctx.fail(arn, reason.toString());
    }

    /**
     * The first flow log in {@code logs} that is active, captures {@code required}, delivers and
     * has an existing destination; what is wrong with the others goes into {@code problems}.
     */
    private static Optional<FlowLog> firstHealthy(CheckContext ctx, List<FlowLog> logs, String required,
                                                  List<String> problems) {
        List<String> found = new ArrayList<>();
        for (FlowLog log : logs) {
            Optional<String> problem = problem(ctx, log, required);
            if (problem.isEmpty()) {
                return Optional.of(log);
            }
            found.add(problem.get());
        }
        problems.addAll(found);
        return Optional.empty();
    }

    private static Optional<String> problem(CheckContext ctx, FlowLog log, String required) {
        String on = "flow log " + log.id() + " on " + log.resourceId();
        if (!log.isActive()) {
            return Optional.of(on + " is not active (status " + log.status() + ")");
        }
        if (!log.captures(required)) {
            return Optional.of(on + " captures only " + log.trafficType().orElse("no") + " traffic, not "
                    + required);
        }
        if (log.deliveryFailed()) {
            return Optional.of(on + " fails to deliver (DeliverLogsStatus FAILED"
                    + log.deliverLogsError().map(m -> ": " + m).orElse("")
                    + "): check the delivery role and destination of " + destination(log));
        }
        Optional<String> group = sameAccountLogGroup(ctx, log);
        if (group.isPresent() && ctx.service(LogsInventory.class).logGroup(group.get()).isEmpty()) {
            return Optional.of(on + " delivers to log group " + group.get()
                    + ", which does not exist (deleted?): recreate it or point the flow log at an existing group");
        }
        return Optional.empty();
    }

    /**
     * The destination log group when it lives in this account and region; a cross-account
     * destination cannot be looked up here and is taken as reported.
     */
    private static Optional<String> sameAccountLogGroup(CheckContext ctx, FlowLog log) {
        if (!FlowLog.CLOUD_WATCH_LOGS.equals(log.destinationType())) {
            return Optional.empty();
        }
        Optional<String> arn = log.destination().filter(ResourceIds::isArn);
        if (arn.isPresent()) {
            String account = ResourceIds.accountOf(arn.get());
            String region = ResourceIds.regionOf(arn.get());
            if (account != null && !account.equals(ctx.account()) || region != null && !region.equals(ctx.region())) {
                return Optional.empty();
            }
        }
        return log.logGroupName().or(() -> arn.map(VpcFlowLogsEnabled::logGroupNameOf));
    }

    /** {@code arn:aws:logs:r:a:log-group:NAME[:*]} → NAME. */
    static String logGroupNameOf(String arn) {
        String resource = arn.split(":", 6)[5];
        String name = resource.startsWith("log-group:") ? resource.substring("log-group:".length()) : resource;
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    /** At most five items, then a count: a VPC with 200 broken subnets still gets a readable reason. */
    private static String listed(List<String> items, String separator) {
        int shown = Math.min(items.size(), 5);
        String head = String.join(separator, items.subList(0, shown));
        return items.size() > shown ? head + " and " + (items.size() - shown) + " more" : head;
    }

    private static String destination(FlowLog log) {
        String where = log.logGroupName().map(g -> "log group " + g)
                .or(() -> log.destination())
                .orElse("its destination");
        return log.destinationType() + " " + where;
    }
}
