package io.irready.inventory.rds;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.PendingCloudwatchLogsExports;

/** Loads {@link RdsInventory} over the SDK (AWS query XML, pages by {@code Marker}). */
public final class RdsCollector {
    public static final String DESCRIBE_DB_INSTANCES = "rds:DescribeDBInstances";
    public static final String DESCRIBE_DB_CLUSTERS = "rds:DescribeDBClusters";

    private RdsCollector() {
    }

    public static RdsInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(RdsClient::builder, region));
    }

    public static RdsInventory inventory(RdsClient client) {
        return new RdsInventory(
                () -> AwsCall.call(DESCRIBE_DB_INSTANCES, () -> client
                        .describeDBInstancesPaginator(DescribeDbInstancesRequest.builder().build())
                        .dbInstances().stream().map(RdsCollector::instance).toList()),
                () -> AwsCall.call(DESCRIBE_DB_CLUSTERS, () -> client
                        .describeDBClustersPaginator(DescribeDbClustersRequest.builder().build())
                        .dbClusters().stream().map(RdsCollector::cluster).toList()));
    }

    private static DbInstance instance(DBInstance i) {
        PendingCloudwatchLogsExports pending = i.pendingModifiedValues() == null ? null
                : i.pendingModifiedValues().pendingCloudwatchLogsExports();
        return new DbInstance(i.dbInstanceIdentifier(), i.dbInstanceArn(), nullToEmpty(i.engine()),
                nullToEmpty(i.dbInstanceStatus()),
                Optional.ofNullable(i.dbClusterIdentifier()).filter(c -> !c.isBlank()),
                exports(i.enabledCloudwatchLogsExports(), pending));
    }

    private static DbCluster cluster(DBCluster c) {
        PendingCloudwatchLogsExports pending = c.pendingModifiedValues() == null ? null
                : c.pendingModifiedValues().pendingCloudwatchLogsExports();
        return new DbCluster(c.dbClusterIdentifier(), c.dbClusterArn(), nullToEmpty(c.engine()),
                nullToEmpty(c.status()), exports(c.enabledCloudwatchLogsExports(), pending));
    }

    private static LogExports exports(List<String> enabled, PendingCloudwatchLogsExports pending) {
        return new LogExports(enabled,
                pending == null ? List.of() : pending.logTypesToEnable(),
                pending == null ? List.of() : pending.logTypesToDisable());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
