package io.irready.checks.rds;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsCollector;
import io.irready.inventory.rds.RdsInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DB instances and clusters export their engine's essential log types ({@code Config.rdsEssentialLogTypes})
 * to CloudWatch Logs. Instances that belong to a cluster are judged at cluster level (their own
 * finding is NOT_APPLICABLE and points to the cluster). A type pending disable counts as disabled.
 * Engines without an entry in the table (DocumentDB, Neptune, Db2 …) are NOT_APPLICABLE.
 */
public final class RdsLogExports implements Check, Routed {
    public static final String ID = "rds-log-exports";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "RDS DB instances and Aurora clusters export their engine's essential logs to CloudWatch Logs",
            Severity.MEDIUM,
            "rds",
            "AWS::RDS::DBInstance / AWS::RDS::DBCluster",
            Granularity.RESOURCE,
            "Database logs kept only on the instance rotate away within days and vanish with the instance; without "
                    + "audit, error and connection logs in CloudWatch Logs an investigator cannot tell who logged in, "
                    + "which queries ran or when data was read.",
            new Remediation(
                    "RDS console > Databases > select the instance (for Aurora, the cluster) > Modify > Log exports > "
                            + "tick the missing log types > Continue > Apply immediately. MySQL/MariaDB audit logs also "
                            + "need the MARIADB_AUDIT_PLUGIN option (Aurora MySQL: server_audit_logging=1).",
                    "aws rds modify-db-instance --db-instance-identifier <id> --cloudwatch-logs-export-configuration "
                            + "'{\"EnableLogTypes\":[\"audit\",\"error\"]}' --apply-immediately  # clusters: "
                            + "aws rds modify-db-cluster --db-cluster-identifier <id> --cloudwatch-logs-export-configuration …"),
            List.of(RdsCollector.DESCRIBE_DB_INSTANCES, RdsCollector.DESCRIBE_DB_CLUSTERS),
            new References(
                    List.of(),
                    List.of("RDS.9", "RDS.34", "RDS.36", "RDS.37", "RDS.40", "RDS.42"),
                    List.of(),
                    List.of("T1562.008", "T1190", "T1078")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.rds", "CreateDBInstance", "ModifyDBInstance", "CreateDBCluster", "ModifyDBCluster",
                    "RestoreDBInstanceFromDBSnapshot", "RestoreDBInstanceToPointInTime", "RestoreDBClusterFromSnapshot",
                    "RestoreDBClusterToPointInTime", "ModifyDBParameterGroup", "ModifyDBClusterParameterGroup",
                    "ModifyOptionGroup").naming(Extractors.DB_IDENTIFIER).delayedRecheck()
                    .because("these set or change a database's log exports, or the parameters and options that make "
                            + "its audit log; RDS applies changes late (pending modifications)")
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
        RdsInventory rds = ctx.service(RdsInventory.class);
        Map<String, List<String>> table = ctx.config().rdsEssentialLogTypes();
        List<Finding> findings = new ArrayList<>();
        for (DbCluster cluster : rds.clusters()) {
            if (ctx.scope().includes(cluster.arn())) {
                findings.add(judge(ctx, table, "DB cluster", cluster.identifier(), cluster.arn(), cluster.engine(),
                        cluster.status(), cluster.logExports()));
            }
        }
        for (DbInstance instance : rds.instances()) {
            if (!ctx.scope().includes(instance.arn())) {
                continue;
            }
            if (instance.clusterIdentifier().isPresent()) {
                String cluster = instance.clusterIdentifier().get();
                String where = rds.cluster(cluster).map(DbCluster::arn).orElse(cluster);
                findings.add(ctx.notApplicable(instance.arn(), "DB instance " + instance.identifier()
                        + " belongs to cluster " + cluster + ": its log exports are set and judged at cluster level ("
                        + where + ")."));
                continue;
            }
            findings.add(judge(ctx, table, "DB instance", instance.identifier(), instance.arn(), instance.engine(),
                    instance.status(), instance.logExports()));
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, Map<String, List<String>> table, String kind, String id, String arn,
                                 String engine, String status, LogExports exports) {
        if ("deleting".equals(status)) {
            return ctx.notApplicable(arn, kind + " " + id + " is being deleted.");
        }
        Optional<List<String>> essential = essentialTypes(table, engine).filter(types -> !types.isEmpty());
        if (essential.isEmpty()) {
            return ctx.notApplicable(arn, kind + " " + id + " runs engine " + engine
                    + ", which has no essential log types configured (set them with IRREADY_RDS_LOG_TYPES).");
        }
        List<String> missing = essential.get().stream().filter(t -> !exports.effective().contains(t)).toList();
        if (missing.isEmpty()) {
            return ctx.pass(arn, kind + " " + id + " (" + engine + ") exports " + String.join(", ", essential.get())
                    + " to CloudWatch Logs.");
        }
        StringBuilder reason = new StringBuilder(kind + " " + id + " (" + engine + ") does not export "
                + String.join(", ", missing) + " to CloudWatch Logs");
        List<String> beingDisabled = missing.stream().filter(exports.pendingDisable()::contains).toList();
        if (!beingDisabled.isEmpty()) {
            reason.append(" (").append(String.join(", ", beingDisabled)).append(" pending disable)");
        }
        List<String> beingEnabled = missing.stream().filter(exports.pendingEnable()::contains).toList();
        if (!beingEnabled.isEmpty()) {
            reason.append(" (").append(String.join(", ", beingEnabled)).append(" pending enable, not yet applied)");
        }
        reason.append(": enable ").append(String.join(", ", missing)).append(" in its log exports.");
        return ctx.fail(arn, reason.toString());
    }

    /**
     * The essential types for {@code engine}: an exact table entry, else its family
     * ({@code sqlserver-se} → {@code sqlserver}, {@code custom-oracle-ee} → {@code oracle}; legacy
     * {@code aurora} is Aurora MySQL 5.6).
     */
    static Optional<List<String>> essentialTypes(Map<String, List<String>> table, String engine) {
        if (table.containsKey(engine)) {
            return Optional.of(table.get(engine));
        }
        String family = engine.startsWith("custom-") ? engine.substring("custom-".length()) : engine;
        if ("aurora".equals(family)) {
            family = "aurora-mysql";
        }
        if (table.containsKey(family)) {
            return Optional.of(table.get(family));
        }
        String base = family;
        return table.keySet().stream().filter(k -> base.startsWith(k + "-")).findFirst().map(table::get);
    }
}
