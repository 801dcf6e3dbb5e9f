package io.irready.inventory.eks;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/** EKS state of one region: its clusters with their control-plane logging, loaded on first use. */
public final class EksInventory {
    private final Supplier<List<EksCluster>> clusters;

    public EksInventory(Supplier<List<EksCluster>> clusters) {
        this.clusters = Memo.of(clusters);
    }

    public static EksInventory of(List<EksCluster> clusters) {
        return new EksInventory(() -> List.copyOf(clusters));
    }

    /** Every cluster with its enabled log types ({@code eks:ListClusters}, {@code eks:DescribeCluster}). */
    public List<EksCluster> clusters() {
        return clusters.get();
    }
}
