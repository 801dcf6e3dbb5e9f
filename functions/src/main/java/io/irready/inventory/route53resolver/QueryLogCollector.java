package io.irready.inventory.route53resolver;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.route53resolver.model.ListResolverQueryLogConfigAssociationsRequest;

/** Loads {@link QueryLogInventory} over JSON 1.1 ({@code Route53Resolver.ListResolverQueryLogConfigAssociations}). */
public final class QueryLogCollector {
    public static final String LIST_ASSOCIATIONS = "route53resolver:ListResolverQueryLogConfigAssociations";

    private QueryLogCollector() {
    }

    public static QueryLogInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(Route53ResolverClient::builder, region));
    }

    public static QueryLogInventory inventory(Route53ResolverClient resolver) {
        return new QueryLogInventory(() -> AwsCall.call(LIST_ASSOCIATIONS, () -> resolver
                .listResolverQueryLogConfigAssociationsPaginator(
                        ListResolverQueryLogConfigAssociationsRequest.builder().build())
                .resolverQueryLogConfigAssociations().stream()
                .map(a -> new QueryLogAssociation(a.id(), a.resolverQueryLogConfigId(), a.resourceId(),
                        a.statusAsString(), Optional.ofNullable(a.errorMessage()).filter(m -> !m.isBlank())))
                .toList()));
    }
}
