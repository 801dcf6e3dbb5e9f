package io.irready.inventory.eks;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EKS speaks REST-JSON: {@code GET /clusters} (paged by nextToken), {@code GET /clusters/{name}}. */
class EksCollectorTest {
    private static final String ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static ResponseDefinitionBuilder restJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String cluster(String name, String status, String logging) {
        return """
                {"cluster":{"name":"%s","arn":"%s%s","createdAt":1.7E9,"version":"1.31","status":"%s",
                 "endpoint":"https://ABC.gr7.eu-west-1.eks.amazonaws.com","roleArn":"arn:aws:iam::123456789012:role/eks",
                 "logging":{"clusterLogging":%s},"platformVersion":"eks.12","tags":{}}}"""
                .formatted(name, ARN, name, status, logging);
    }

    @Test
    void pagesClustersAndReadsTheEnabledLogTypesOfEach() {
        aws.stub(get(urlPathEqualTo("/clusters")).withQueryParam("nextToken", absent())
                .willReturn(restJson(200, "{\"clusters\":[\"payments\"],\"nextToken\":\"p2\"}")));
        aws.stub(get(urlPathEqualTo("/clusters")).withQueryParam("nextToken", equalTo("p2"))
                .willReturn(restJson(200, "{\"clusters\":[\"ml-training\"]}")));
        aws.stub(get(urlEqualTo("/clusters/payments")).willReturn(restJson(200, cluster("payments", "ACTIVE",
                "[{\"types\":[\"api\",\"audit\",\"authenticator\"],\"enabled\":true},"
                        + "{\"types\":[\"controllerManager\",\"scheduler\"],\"enabled\":false}]"))));
        aws.stub(get(urlEqualTo("/clusters/ml-training")).willReturn(restJson(200, cluster("ml-training", "ACTIVE",
                "[{\"types\":[\"api\"],\"enabled\":true},{\"types\":[\"audit\",\"authenticator\","
                        + "\"controllerManager\",\"scheduler\"],\"enabled\":false}]"))));

        EksInventory eks = EksCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(eks.clusters()).containsExactly(
                new EksCluster("payments", ARN + "payments", "ACTIVE", List.of("api", "audit", "authenticator")),
                new EksCluster("ml-training", ARN + "ml-training", "ACTIVE", List.of("api")));
        eks.clusters();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/clusters")));
    }

    @Test
    void aClusterDeletedBetweenListingAndDescriptionIsLeftOut() {
        aws.stub(get(urlPathEqualTo("/clusters")).willReturn(restJson(200, "{\"clusters\":[\"gone\"]}")));
        aws.stub(get(urlEqualTo("/clusters/gone")).willReturn(restJson(404,
                "{\"message\":\"No cluster found for name: gone.\"}")
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")));

        assertThat(EksCollector.inventory(aws.clients(), AwsWire.REGION).clusters()).isEmpty();
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo("/clusters")).willReturn(restJson(403,
                "{\"message\":\"User is not authorized to perform: eks:ListClusters\"}")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")));

        EksInventory eks = EksCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(eks::clusters).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("eks:ListClusters");
        });
    }
}
