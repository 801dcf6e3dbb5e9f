package io.irready.checks.rds;

import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CheckHarness.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RdsLogExportsTest {
    private static final String ARN = "arn:aws:rds:eu-west-1:123456789012:";
    private final CheckHarness check = CheckHarness.of(new RdsLogExports());

    private static DbInstance instance(String id, String engine, String cluster, LogExports exports) {
        return new DbInstance(id, ARN + "db:" + id, engine, "available", Optional.ofNullable(cluster), exports);
    }

    private static DbCluster cluster(String id, String engine, LogExports exports) {
        return new DbCluster(id, ARN + "cluster:" + id, engine, "available", exports);
    }

    private static LogExports enabled(String... types) {
        return new LogExports(List.of(types), List.of(), List.of());
    }

    private Evaluation evaluate(RdsInventory rds, Config config, Scope scope) {
        return check.with(config).evaluate(inventory().with(RdsInventory.class, rds).build(), scope);
    }

    private List<Finding> findings(List<DbInstance> instances, List<DbCluster> clusters) {
        return evaluate(RdsInventory.of(instances, clusters), Config.defaults(), Scope.REGION).findings();
    }

    @Test
    void postgresInstanceExportingPostgresqlPasses() {
        Finding f = only(findings(List.of(instance("pg1", "postgres", null, enabled("postgresql", "upgrade"))), List.of()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo(ARN + "db:pg1");
        assertThat(f.reason()).isEqualTo("DB instance pg1 (postgres) exports postgresql to CloudWatch Logs.");
    }

    @Test
    void auroraMysqlClusterMissingAuditFailsAndItsInstancesAreJudgedAtClusterLevel() {
        List<Finding> findings = findings(
                List.of(instance("orders-1", "aurora-mysql", "orders", LogExports.NONE)),
                List.of(cluster("orders", "aurora-mysql", enabled("error", "slowquery"))));
        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).resourceId()).isEqualTo(ARN + "cluster:orders");
        assertThat(findings.get(0).reason()).isEqualTo("DB cluster orders (aurora-mysql) does not export audit to "
                + "CloudWatch Logs: enable audit in its log exports.");
        assertThat(findings.get(1).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(findings.get(1).resourceId()).isEqualTo(ARN + "db:orders-1");
        assertThat(findings.get(1).reason()).isEqualTo("DB instance orders-1 belongs to cluster orders: its log exports "
                + "are set and judged at cluster level (" + ARN + "cluster:orders).");
    }

    @Test
    void aPendingDisableCountsAsDisabledAlthoughAwsStillListsTheTypeEnabled() {
        LogExports exports = new LogExports(List.of("audit", "error"), List.of(), List.of("audit"));
        Finding f = only(findings(List.of(instance("shop", "mysql", null, exports)), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("DB instance shop (mysql) does not export audit to CloudWatch Logs "
                + "(audit pending disable): enable audit in its log exports.");
    }

    @Test
    void theReasonListsEveryMissingTypeAndNamesPendingEnables() {
        LogExports exports = new LogExports(List.of(), List.of("alert"), List.of());
        Finding f = only(findings(List.of(instance("erp", "oracle-ee", null, exports)), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("DB instance erp (oracle-ee) does not export alert, audit to CloudWatch Logs "
                + "(alert pending enable, not yet applied): enable alert, audit in its log exports.");
    }

    @Test
    void engineEditionsMapToTheirFamilyInTheTable() {
        Finding f = only(findings(List.of(instance("mssql", "sqlserver-se", null, enabled("error", "agent"))), List.of()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(RdsLogExports.essentialTypes(Config.DEFAULT_RDS_LOG_TYPES, "custom-oracle-ee"))
                .contains(List.of("alert", "audit"));
        assertThat(RdsLogExports.essentialTypes(Config.DEFAULT_RDS_LOG_TYPES, "aurora"))
                .contains(List.of("audit", "error"));
    }

    @Test
    void unknownEngineIsNotApplicableWithTheReason() {
        Finding f = only(findings(List.of(), List.of(cluster("docs", "docdb", LogExports.NONE))));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("DB cluster docs runs engine docdb, which has no essential log types "
                + "configured (set them with IRREADY_RDS_LOG_TYPES).");
    }

    @Test
    void theTableIsConfigurable() {
        Config config = Config.builder().rdsEssentialLogTypes(Config.parseRdsLogTypes("postgres=postgresql+upgrade"))
                .build();
        List<Finding> findings = evaluate(RdsInventory.of(
                List.of(instance("pg1", "postgres", null, enabled("postgresql"))), List.of()), config, Scope.REGION)
                .findings();
        assertThat(only(findings).reason()).isEqualTo("DB instance pg1 (postgres) does not export upgrade to "
                + "CloudWatch Logs: enable upgrade in its log exports.");
    }

    @Test
    void anEventScopeJudgesOnlyTheNamedResource() {
        RdsInventory rds = RdsInventory.of(List.of(instance("a", "postgres", null, LogExports.NONE),
                instance("b", "postgres", null, LogExports.NONE)), List.of());
        assertThat(evaluate(rds, Config.defaults(), Scope.of(Set.of(ARN + "db:b"))).findings())
                .extracting(Finding::resourceId).containsExactly(ARN + "db:b");
    }

    @Test
    void deniedDescribeDbClustersIsAnErrorNamingTheAction() {
        RdsInventory rds = new RdsInventory(List::of, () -> {
            throw new AwsCallFailedException("rds:DescribeDBClusters", "AccessDenied",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        });
        Finding f = only(evaluate(rds, Config.defaults(), Scope.REGION).findings());
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to rds:DescribeDBClusters (AccessDenied): "
                + "grant rds:DescribeDBClusters to irready's role: not authorized");
    }

    @Test
    void aDatabaseBeingDeletedIsNotApplicable() {
        DbInstance deleting = new DbInstance("old", ARN + "db:old", "mysql", "deleting", Optional.empty(), LogExports.NONE);
        Finding f = only(findings(List.of(deleting), List.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("DB instance old is being deleted.");
    }
}
