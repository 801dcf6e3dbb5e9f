package io.irready.inventory.rds;

import java.util.Objects;
import java.util.Optional;

/**
 * A DB instance from {@code DescribeDBInstances} (this API also returns DocumentDB and Neptune instances).
 *
 * @param identifier        {@code DBInstanceIdentifier}
 * @param arn               {@code DBInstanceArn} (the canonical resource id)
 * @param engine            {@code Engine}, e.g. {@code postgres}, {@code aurora-mysql}, {@code sqlserver-se}
 * @param status            {@code DBInstanceStatus}
 * @param clusterIdentifier the cluster it belongs to (Aurora, Multi-AZ DB clusters)
 * @param logExports        CloudWatch Logs exports, with pending changes
 */
public record DbInstance(String identifier, String arn, String engine, String status,
                         Optional<String> clusterIdentifier, LogExports logExports) {
    public DbInstance {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clusterIdentifier, "clusterIdentifier");
        Objects.requireNonNull(logExports, "logExports");
    }
}
