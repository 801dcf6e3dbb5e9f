package io.irready.inventory.ec2;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Loads {@link Ec2Inventory} over the SDK (EC2's own query protocol). Every list is paged at the
 * API's largest page size (1000), so the number of calls grows with pages, not with resources.
 */
public final class Ec2Collector {
    public static final String DESCRIBE_VPCS = "ec2:DescribeVpcs";
    public static final String DESCRIBE_SUBNETS = "ec2:DescribeSubnets";
    public static final String DESCRIBE_FLOW_LOGS = "ec2:DescribeFlowLogs";
    public static final String DESCRIBE_NETWORK_INTERFACES = "ec2:DescribeNetworkInterfaces";
    public static final String DESCRIBE_INSTANCES = "ec2:DescribeInstances";

    static final int PAGE_SIZE = 1000;

    private Ec2Collector() {
    }

    public static Ec2Inventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(Ec2Client::builder, region));
    }

    public static Ec2Inventory inventory(Ec2Client client) {
        return new Ec2Inventory(
                () -> AwsCall.call(DESCRIBE_VPCS, () -> client
                        .describeVpcsPaginator(DescribeVpcsRequest.builder().maxResults(PAGE_SIZE).build())
                        .vpcs().stream()
                        .map(v -> new Vpc(v.vpcId(), v.ownerId(), Boolean.TRUE.equals(v.isDefault())))
                        .toList()),
                () -> AwsCall.call(DESCRIBE_SUBNETS, () -> client
                        .describeSubnetsPaginator(DescribeSubnetsRequest.builder().maxResults(PAGE_SIZE).build())
                        .subnets().stream()
                        .map(s -> new Subnet(s.subnetId(), s.vpcId()))
                        .toList()),
                () -> AwsCall.call(DESCRIBE_FLOW_LOGS, () -> client
                        .describeFlowLogsPaginator(DescribeFlowLogsRequest.builder().maxResults(PAGE_SIZE).build())
                        .flowLogs().stream()
                        .map(f -> new FlowLog(f.flowLogId(), f.resourceId(),
                                Optional.ofNullable(f.trafficTypeAsString()), f.flowLogStatus(),
                                f.deliverLogsStatus(), Optional.ofNullable(f.deliverLogsErrorMessage()),
                                f.logDestinationTypeAsString() == null ? FlowLog.CLOUD_WATCH_LOGS
                                        : f.logDestinationTypeAsString(),
                                Optional.ofNullable(f.logGroupName()), Optional.ofNullable(f.logDestination())))
                        .toList()),
                // One unfiltered listing, counted per VPC: pages, not one call per VPC.
                () -> AwsCall.call(DESCRIBE_NETWORK_INTERFACES, () -> client
                        .describeNetworkInterfacesPaginator(DescribeNetworkInterfacesRequest.builder()
                                .maxResults(PAGE_SIZE).build())
                        .networkInterfaces().stream()
                        .filter(n -> n.vpcId() != null)
                        .collect(Collectors.groupingBy(NetworkInterface::vpcId, TreeMap::new,
                                Collectors.summingInt(n -> 1)))),
                () -> AwsCall.call(DESCRIBE_INSTANCES, () -> client
                        .describeInstancesPaginator(DescribeInstancesRequest.builder().maxResults(PAGE_SIZE).build())
                        .reservations().stream()
                        .flatMap(r -> r.instances().stream())
                        .map(Ec2Collector::instance)
                        .toList()));
    }

    private static Ec2Instance instance(Instance i) {
        return new Ec2Instance(i.instanceId(),
                i.state() == null ? "unknown" : i.state().nameAsString(),
                Optional.ofNullable(i.iamInstanceProfile()).map(p -> p.arn()),
                Optional.ofNullable(i.platformAsString()),
                i.launchTime(),
                tags(i));
    }

    private static Map<String, String> tags(Instance i) {
        return i.tags().stream().filter(t -> t.key() != null)
                .collect(Collectors.toUnmodifiableMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> a));
    }
}
