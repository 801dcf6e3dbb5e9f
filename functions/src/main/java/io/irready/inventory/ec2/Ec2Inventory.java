package io.irready.inventory.ec2;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * EC2 state of one region, each part loaded on first use and cached for the evaluation: a check
 * that needs instances only never lists flow logs, and network interfaces are only counted when
 * a VPC without flow logs might be skipped. Tests build it by hand with {@link #of}; {@link Ec2Collector}
 * builds it over the SDK.
 */
public final class Ec2Inventory {
    private final Supplier<List<Vpc>> vpcs;
    private final Supplier<Map<String, List<Subnet>>> subnetsByVpc;
    private final Supplier<List<FlowLog>> flowLogs;
    private final Supplier<Map<String, List<FlowLog>>> flowLogsByResource;
    private final Supplier<Map<String, Integer>> interfacesByVpc;
    private final Supplier<List<Ec2Instance>> instances;
    private final Supplier<Map<String, Ec2Instance>> instancesById;

    /**
     * @param interfacesByVpc number of network interfaces per VPC id (VPCs without any may be absent)
     */
    public Ec2Inventory(Supplier<List<Vpc>> vpcs, Supplier<List<Subnet>> subnets, Supplier<List<FlowLog>> flowLogs,
                        Supplier<Map<String, Integer>> interfacesByVpc, Supplier<List<Ec2Instance>> instances) {
        this.vpcs = Memo.of(vpcs);
        Supplier<List<Subnet>> subnetList = Memo.of(subnets);
        this.subnetsByVpc = Memo.of(() -> subnetList.get().stream()
                .collect(Collectors.groupingBy(Subnet::vpcId, Collectors.toUnmodifiableList())));
        this.flowLogs = Memo.of(flowLogs);
        this.flowLogsByResource = Memo.of(() -> this.flowLogs.get().stream()
                .collect(Collectors.groupingBy(FlowLog::resourceId, Collectors.toUnmodifiableList())));
        this.interfacesByVpc = Memo.of(interfacesByVpc);
        this.instances = Memo.of(instances);
        this.instancesById = Memo.of(() -> this.instances.get().stream()
                .collect(Collectors.toUnmodifiableMap(Ec2Instance::id, Function.identity(), (a, b) -> a)));
    }

    /** A hand-built inventory (tests, the demo). */
    public static Ec2Inventory of(List<Vpc> vpcs, List<Subnet> subnets, List<FlowLog> flowLogs,
                                  Map<String, Integer> interfacesByVpc, List<Ec2Instance> instances) {
        return new Ec2Inventory(() -> List.copyOf(vpcs), () -> List.copyOf(subnets), () -> List.copyOf(flowLogs),
                () -> Map.copyOf(interfacesByVpc), () -> List.copyOf(instances));
    }

    /** Every VPC of the region ({@code ec2:DescribeVpcs}). */
    public List<Vpc> vpcs() {
        return vpcs.get();
    }

    /** The subnets of {@code vpcId} ({@code ec2:DescribeSubnets}, loaded for all VPCs at once). */
    public List<Subnet> subnetsOf(String vpcId) {
        return subnetsByVpc.get().getOrDefault(vpcId, List.of());
    }

    /** Flow logs capturing {@code resourceId}, a VPC or subnet id ({@code ec2:DescribeFlowLogs}). */
    public List<FlowLog> flowLogsOf(String resourceId) {
        return flowLogsByResource.get().getOrDefault(resourceId, List.of());
    }

    /** Every flow log of the region ({@code ec2:DescribeFlowLogs}). */
    public List<FlowLog> flowLogs() {
        return flowLogs.get();
    }

    /** How many network interfaces {@code vpcId} has ({@code ec2:DescribeNetworkInterfaces}). */
    public int networkInterfaceCount(String vpcId) {
        return interfacesByVpc.get().getOrDefault(vpcId, 0);
    }

    /** Every instance of the region, in every state ({@code ec2:DescribeInstances}). */
    public List<Ec2Instance> instances() {
        return instances.get();
    }

    public Optional<Ec2Instance> instance(String id) {
        return Optional.ofNullable(instancesById.get().get(id));
    }
}
