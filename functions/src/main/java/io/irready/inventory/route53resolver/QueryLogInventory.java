package io.irready.inventory.route53resolver;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code route53resolver-query-logging} needs in one region: the VPCs and the query log
 * associations. Both are loaded on first use and cached for the evaluation.
 */
public final class QueryLogInventory {
    private final Supplier<List<ResolverVpc>> vpcs;
    private final Supplier<List<QueryLogAssociation>> associations;

    public QueryLogInventory(Supplier<List<ResolverVpc>> vpcs, Supplier<List<QueryLogAssociation>> associations) {
        this.vpcs = Memo.of(vpcs);
        this.associations = Memo.of(associations);
    }

    public static QueryLogInventory of(List<ResolverVpc> vpcs, List<QueryLogAssociation> associations) {
        return new QueryLogInventory(() -> List.copyOf(vpcs), () -> List.copyOf(associations));
    }

    /** Every VPC of the region ({@code ec2:DescribeVpcs}, all pages). */
    public List<ResolverVpc> vpcs() {
        return vpcs.get();
    }

    /** Every query log association ({@code route53resolver:ListResolverQueryLogConfigAssociations}, all pages). */
    public List<QueryLogAssociation> associations() {
        return associations.get();
    }

    /** The associations of one VPC. */
    public List<QueryLogAssociation> associationsOf(String vpcId) {
        return associations().stream().filter(a -> vpcId.equals(a.vpcId())).toList();
    }
}
