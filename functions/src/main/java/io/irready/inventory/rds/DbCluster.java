package io.irready.inventory.rds;

import java.util.Objects;

/**
 * A DB cluster from {@code DescribeDBClusters} (Aurora, Multi-AZ DB clusters; also DocumentDB and Neptune).
 *
 * @param identifier {@code DBClusterIdentifier}
 * @param arn        {@code DBClusterArn} (the canonical resource id)
 * @param engine     {@code Engine}, e.g. {@code aurora-mysql}
 * @param status     {@code Status}
 * @param logExports CloudWatch Logs exports, with pending changes
 */
public record DbCluster(String identifier, String arn, String engine, String status, LogExports logExports) {
    public DbCluster {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(logExports, "logExports");
    }
}
