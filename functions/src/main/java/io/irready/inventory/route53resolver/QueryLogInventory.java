package io.irready.inventory.route53resolver;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/**
 * Route 53 Resolver query logging of one region: the query log config associations, loaded on first use and
 * cached for the evaluation. The VPCs come from {@code Ec2Inventory} (one DescribeVpcs per evaluation).
 */
public final class QueryLogInventory {
    private final Supplier<List<QueryLogAssociation>> associations;

    public QueryLogInventory(Supplier<List<QueryLogAssociation>> associations) {
        this.associations = Memo.of(associations);
    }

    public static QueryLogInventory of(List<QueryLogAssociation> associations) {
        return new QueryLogInventory(() -> List.copyOf(associations));
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
