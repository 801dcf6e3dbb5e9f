package io.irready.checks.route53resolver;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.core.ResourceIds;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.route53resolver.QueryLogAssociation;
import io.irready.inventory.route53resolver.QueryLogInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.inventory.route53resolver.QueryLogCollector;
import io.irready.inventory.ec2.Ec2Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@code route53resolver-query-logging}: every VPC is associated with an ACTIVE Resolver query log config. */
public final class ResolverQueryLogging implements Check, Routed {
    public static final String ID = "route53resolver-query-logging";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Every VPC logs its DNS queries (Route 53 Resolver query logging)",
            Severity.MEDIUM,
            "route53resolver",
            "AWS::EC2::VPC",
            Granularity.RESOURCE,
            "DNS query logs show which hosts an instance resolved: command-and-control domains, DNS tunnelling, "
                    + "exfiltration endpoints and which workload first talked to them. Flow logs only show IP "
                    + "addresses; without query logs the names are lost.",
            new Remediation(
                    "Route 53 console → Resolver → Query logging → Configure query logging (destination: a "
                            + "CloudWatch Logs group or S3 bucket) → Add VPC.",
                    "aws route53resolver associate-resolver-query-log-config --resolver-query-log-config-id "
                            + "<rqlc-id> --resource-id <vpc-id> --region <region>"),
            List.of(Ec2Collector.DESCRIBE_VPCS, QueryLogCollector.LIST_ASSOCIATIONS),
            new References(
                    List.of(),
                    List.of(),
                    List.of("aws.defense-evasion.dns-delete-logs"),
                    List.of("T1562.008", "T1071.004", "T1048.003")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.route53resolver", "DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig")
                    .naming(Extractors.RESOLVER_VPC).disablesEvidence()
                    .because("deleting a query log config or disassociating it leaves the VPC's DNS queries unlogged")
            .on("aws.route53resolver", "AssociateResolverQueryLogConfig").naming(Extractors.RESOLVER_VPC)
                    .because("an association logs the VPC's queries again")
            .on("aws.ec2", "CreateVpc", "DeleteVpc").naming(Extractors.VPC_ID)
                    .because("a new VPC is judged; a deleted one's finding is closed")
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
        List<Finding> findings = new ArrayList<>();
        for (Vpc v : ctx.service(Ec2Inventory.class).vpcs()) {
            String arn = ResourceIds.arn("ec2", ctx.region(), v.ownerId() == null ? ctx.account() : v.ownerId(),
                    "vpc/" + v.id());
            if (!ctx.scope().includes(arn)) {
                continue;
            }
            List<QueryLogAssociation> associations = ctx.service(QueryLogInventory.class).associationsOf(v.id());
            var active = associations.stream().filter(QueryLogAssociation::active).findFirst();
            if (active.isPresent()) {
                findings.add(ctx.pass(arn, "VPC " + v.id() + " logs its DNS queries to Resolver query "
                        + "log config " + active.get().configId() + "."));
            } else if (associations.isEmpty()) {
                findings.add(ctx.fail(arn, "VPC " + v.id() + " is not associated with any Route 53 "
                        + "Resolver query log config: its DNS queries are not recorded. Associate one "
                        + "(aws route53resolver associate-resolver-query-log-config --resource-id " + v.id()
                        + ")."));
            } else {
                String states = associations.stream().map(a -> a.configId() + " is " + a.status()
                        + a.errorMessage().map(m -> " (" + m + ")").orElse("")).collect(Collectors.joining("; "));
                findings.add(ctx.fail(arn, "VPC " + v.id() + " has no ACTIVE Resolver query log "
                        + "association: " + states + ". Fix the destination or re-associate the VPC."));
            }
        }
        return findings;
    }
}
