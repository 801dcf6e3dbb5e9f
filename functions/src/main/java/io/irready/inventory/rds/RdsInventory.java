package io.irready.inventory.rds;

import io.irready.core.Memo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RDS state of one region, loaded on first use and cached for the evaluation: instances and
 * clusters are separate lists, each loaded only when asked for.
 */
public final class RdsInventory {
    private final Supplier<List<DbInstance>> instances;
    private final Supplier<List<DbCluster>> clusters;

    public RdsInventory(Supplier<List<DbInstance>> instances, Supplier<List<DbCluster>> clusters) {
        this.instances = Memo.of(instances);
        this.clusters = Memo.of(clusters);
    }

    public static RdsInventory of(List<DbInstance> instances, List<DbCluster> clusters) {
        return new RdsInventory(() -> List.copyOf(instances), () -> List.copyOf(clusters));
    }

    /** Every DB instance of the region ({@code rds:DescribeDBInstances}, all pages). */
    public List<DbInstance> instances() {
        return instances.get();
    }

    /** Every DB cluster of the region ({@code rds:DescribeDBClusters}, all pages). */
    public List<DbCluster> clusters() {
        return clusters.get();
    }

    public Optional<DbCluster> cluster(String identifier) {
        return clusters().stream().filter(c -> c.identifier().equals(identifier)).findFirst();
    }
}
