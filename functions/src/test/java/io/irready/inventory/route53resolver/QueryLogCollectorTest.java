package io.irready.inventory.route53resolver;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryLogCollectorTest {
    private static final String TARGET = "Route53Resolver.ListResolverQueryLogConfigAssociations";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private QueryLogInventory inventory() {
        return QueryLogCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void pagesAssociations() {
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{}")).willReturn(json("""
                {"TotalCount":2,"TotalFilteredCount":2,"ResolverQueryLogConfigAssociations":[
                  {"Id":"rqlca-1","ResolverQueryLogConfigId":"rqlc-1","ResourceId":"vpc-1","Status":"ACTIVE",
                   "Error":"NONE","ErrorMessage":"","CreationTime":"2024-01-01T00:00:00Z"}],"NextToken":"p2"}""")));
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"NextToken\":\"p2\"}")).willReturn(json("""
                {"ResolverQueryLogConfigAssociations":[
                  {"Id":"rqlca-2","ResolverQueryLogConfigId":"rqlc-2","ResourceId":"vpc-2","Status":"ACTION_NEEDED",
                   "Error":"DESTINATION_NOT_FOUND","ErrorMessage":"The destination was deleted"}]}""")));

        QueryLogInventory inventory = inventory();

        assertThat(inventory.associations()).containsExactly(
                new QueryLogAssociation("rqlca-1", "rqlc-1", "vpc-1", "ACTIVE", Optional.empty()),
                new QueryLogAssociation("rqlca-2", "rqlc-2", "vpc-2", "ACTION_NEEDED",
                        Optional.of("The destination was deleted")));
        aws.server().verify(2, jsonCallMade(TARGET));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(TARGET).willReturn(jsonError(400, "AccessDeniedException", "denied")));

        assertThatThrownBy(inventory()::associations).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("route53resolver:ListResolverQueryLogConfigAssociations");
        });
    }
}
