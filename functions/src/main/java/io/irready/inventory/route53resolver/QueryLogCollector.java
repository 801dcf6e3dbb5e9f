package io.irready.inventory.route53resolver;

import io.irready.core.ResourceIds;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.ListResolverQueryLogConfigAssociationsRequest;

/**
 * Loads {@link QueryLogInventory}: Route 53 Resolver over JSON 1.1
 * ({@code Route53Resolver.ListResolverQueryLogConfigAssociations}) and the region's VPCs over EC2's query protocol.
 */
public final class QueryLogCollector {
    public static final String LIST_ASSOCIATIONS = "route53resolver:ListResolverQueryLogConfigAssociations";
    public static final String DESCRIBE_VPCS = "ec2:DescribeVpcs";

    private QueryLogCollector() {
    }

    public static QueryLogInventory inventory(AwsClients clients, String account, String region) {
        return inventory(clients.build(Ec2Client.builder(), region),
                clients.build(Route53ResolverClient.builder(), region), account, region);
    }

    public static QueryLogInventory inventory(Ec2Client ec2, Route53ResolverClient resolver, String account,
                                              String region) {
        return new QueryLogInventory(
                () -> AwsCall.call(DESCRIBE_VPCS, () -> ec2.describeVpcsPaginator(DescribeVpcsRequest.builder().build())
                        .vpcs().stream()
                        .map(v -> new ResolverVpc(v.vpcId(), ResourceIds.arn("ec2", region,
                                v.ownerId() == null ? account : v.ownerId(), "vpc/" + v.vpcId())))
                        .toList()),
                () -> AwsCall.call(LIST_ASSOCIATIONS, () -> resolver
                        .listResolverQueryLogConfigAssociationsPaginator(
                                ListResolverQueryLogConfigAssociationsRequest.builder().build())
                        .resolverQueryLogConfigAssociations().stream()
                        .map(a -> new QueryLogAssociation(a.id(), a.resolverQueryLogConfigId(), a.resourceId(),
                                a.statusAsString(), Optional.ofNullable(a.errorMessage()).filter(m -> !m.isBlank())))
                        .toList()));
    }
}
