package io.irready.horizon;

import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Evidence kept in CloudWatch Logs groups: RDS log exports ({@code /aws/rds/instance|cluster/<id>/<type>}),
 * EKS audit logs ({@code /aws/eks/<cluster>/cluster}), and every other forensic log group (by the
 * configured name prefixes), classified by name: instance logs (agent, SSM), Resolver query logs,
 * trail groups, or simply a forensic log group. Subscription copies of a group are not in any
 * inventory: a group's horizon is its own retention.
 */
final class LogGroupHorizons {
    /** Instance log groups: the CloudWatch agent's and SSM's, whatever the forensic prefixes say. */
    static final List<String> HOST_PREFIXES = List.of("/aws/ec2", "/ec2/", "amazon-cloudwatch-agent", "/aws/ssm/");

    private LogGroupHorizons() {
    }

    static List<Horizon> rds(RdsInventory rds, Destinations destinations, Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        for (DbCluster cluster : rds.clusters()) {
            horizons.addAll(exports("cluster", cluster.identifier(), cluster.logExports(), destinations, consumedGroups));
        }
        for (DbInstance instance : rds.instances()) {
            if (instance.clusterIdentifier().isPresent() && instance.logExports().effective().isEmpty()) {
                continue; // its cluster exports its logs
            }
            horizons.addAll(exports("instance", instance.identifier(), instance.logExports(), destinations,
                    consumedGroups));
        }
        return horizons;
    }

    private static List<Horizon> exports(String kind, String id, LogExports exports, Destinations destinations,
                                         Set<String> consumedGroups) {
        if (exports.effective().isEmpty()) {
            return List.of(Horizon.days(Source.RDS_LOGS, id, 0, "the " + kind + " exports no logs to CloudWatch Logs"));
        }
        List<Horizon> horizons = new ArrayList<>();
        for (String type : exports.effective()) {
            String group = "/aws/rds/" + kind + "/" + id + "/" + type;
            consumedGroups.add(group);
            horizons.add(destinations.logGroup(Source.RDS_LOGS, id + " " + type, group));
        }
        return horizons;
    }

    static List<Horizon> eks(EksInventory eks, Destinations destinations, Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        for (EksCluster cluster : eks.clusters()) {
            String group = "/aws/eks/" + cluster.name() + "/cluster";
            consumedGroups.add(group);
            horizons.add(cluster.loggedTypes().contains("audit")
                    ? destinations.logGroup(Source.EKS_AUDIT, cluster.name(), group)
                    : Horizon.days(Source.EKS_AUDIT, cluster.name(), 0, "audit logging is off"));
        }
        return horizons;
    }

    /** Forensic groups no other source accounted for. */
    static List<Horizon> forensic(LogsInventory logs, List<String> forensicPrefixes, Destinations destinations,
                                  Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        for (LogGroup group : logs.logGroups()) {
            boolean host = HOST_PREFIXES.stream().anyMatch(group.name()::startsWith);
            boolean forensic = host || forensicPrefixes.stream().anyMatch(group.name()::startsWith);
            if (forensic && !consumedGroups.contains(group.name())) {
                horizons.add(destinations.logGroup(kind(group.name(), host), group.name(), group.name()));
            }
        }
        return horizons;
    }

    private static Source kind(String name, boolean host) {
        if (host) {
            return Source.HOST_LOGS;
        }
        if (name.startsWith("/aws/route53resolver")) {
            return Source.DNS_QUERY_LOGS;
        }
        if (name.contains("cloudtrail")) {
            return Source.TRAIL_LOG_GROUP;
        }
        return Source.LOG_GROUP;
    }
}
