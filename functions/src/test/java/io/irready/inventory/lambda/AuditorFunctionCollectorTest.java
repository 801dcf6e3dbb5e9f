package io.irready.inventory.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda speaks REST-JSON; errors carry {@code x-amzn-ErrorType}. */
class AuditorFunctionCollectorTest {
    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:irready-events";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static ResponseDefinitionBuilder restJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static ResponseDefinitionBuilder restError(int status, String type, String message) {
        return restJson(status, "{\"Type\":\"User\",\"message\":\"" + message + "\"}").withHeader("x-amzn-ErrorType", type);
    }

    private AuditorFunctionInventory inventory() {
        return AuditorFunctionCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void readsFunctionConcurrencyAndAliasPolicy() {
        aws.stub(get(urlPathEqualTo("/2015-03-31/functions/irready-events")).willReturn(restJson(200, """
                {"Configuration":{"FunctionName":"irready-events","FunctionArn":"%s","Runtime":"java21","State":"Active"},
                 "Code":{"RepositoryType":"S3"},"Concurrency":{"ReservedConcurrentExecutions":0}}""".formatted(ARN))));
        aws.stub(get(urlPathEqualTo("/2019-09-30/functions/irready-events/concurrency"))
                .willReturn(restJson(200, "{\"ReservedConcurrentExecutions\":0}")));
        aws.stub(get(urlPathEqualTo("/2015-03-31/functions/irready-events/policy"))
                .withQueryParam("Qualifier", equalTo("live"))
                .willReturn(restJson(200, "{\"Policy\":\"{\\\"Statement\\\":[]}\",\"RevisionId\":\"r1\"}")));

        AuditorFunctionInventory lambda = inventory();

        assertThat(lambda.function("irready-events")).contains(new AuditorFunction("irready-events", ARN, Optional.of(0)));
        assertThat(lambda.policy("irready-events", "live")).contains("{\"Statement\":[]}");
    }

    @Test
    void deletedFunctionAndRemovedPolicyAreEmpty() {
        aws.stub(get(urlPathEqualTo("/2015-03-31/functions/irready-events")).willReturn(restError(404,
                "ResourceNotFoundException", "Function not found: " + ARN)));
        aws.stub(get(urlPathEqualTo("/2015-03-31/functions/irready-events/policy")).willReturn(restError(404,
                "ResourceNotFoundException", "The resource you requested does not exist.")));

        assertThat(inventory().function("irready-events")).isEmpty();
        assertThat(inventory().policy("irready-events", "live")).isEmpty();
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo("/2015-03-31/functions/irready-events")).willReturn(restJson(200, """
                {"Configuration":{"FunctionName":"irready-events","FunctionArn":"%s"}}""".formatted(ARN))));
        aws.stub(get(urlPathEqualTo("/2019-09-30/functions/irready-events/concurrency")).willReturn(restError(403,
                "AccessDeniedException", "not authorized to perform: lambda:GetFunctionConcurrency")));

        assertThatThrownBy(() -> inventory().function("irready-events"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("lambda:GetFunctionConcurrency");
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                });
    }
}
