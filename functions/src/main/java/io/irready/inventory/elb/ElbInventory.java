package io.irready.inventory.elb;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/**
 * Elastic Load Balancing state of one region, loaded on first use: the ELBv2 load balancers and the
 * Classic ones are separate APIs, so they are separate lists (one failing does not hide the other).
 */
public final class ElbInventory {
    private final Supplier<List<LoadBalancer>> v2;
    private final Supplier<List<LoadBalancer>> classic;

    public ElbInventory(Supplier<List<LoadBalancer>> v2, Supplier<List<LoadBalancer>> classic) {
        this.v2 = Memo.of(v2);
        this.classic = Memo.of(classic);
    }

    public static ElbInventory of(List<LoadBalancer> loadBalancers) {
        List<LoadBalancer> all = List.copyOf(loadBalancers);
        return new ElbInventory(() -> all.stream().filter(lb -> !LoadBalancer.CLASSIC.equals(lb.type())).toList(),
                () -> all.stream().filter(lb -> LoadBalancer.CLASSIC.equals(lb.type())).toList());
    }

    /** Application, network and gateway load balancers, with listeners and attributes where they matter. */
    public List<LoadBalancer> v2LoadBalancers() {
        return v2.get();
    }

    /** Classic Load Balancers with their access log attributes. */
    public List<LoadBalancer> classicLoadBalancers() {
        return classic.get();
    }
}
