package io.irready.inventory.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API Gateway REST APIs (v1: {@code /restapis}, paged by position) and HTTP/WebSocket APIs (v2: {@code /v2/apis}). */
class ApiGatewayCollectorTest {
    private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void pagesThroughRestApisAndReadsEachStagesLogging() {
        aws.stub(get(urlPathEqualTo("/restapis")).withQueryParam("position", absent()).willReturn(json("""
                {"item":[{"id":"a1b2c3","name":"orders"}],"position":"p2"}""")));
        aws.stub(get(urlPathEqualTo("/restapis")).withQueryParam("position", equalTo("p2")).willReturn(json("""
                {"item":[{"id":"d4e5f6","name":"admin"}]}""")));
        aws.stub(get(urlPathEqualTo("/restapis/a1b2c3/stages")).willReturn(json("""
                {"item":[{"stageName":"prod","deploymentId":"k9","accessLogSettings":{"destinationArn":"%s",
                  "format":"$context.requestId"},"methodSettings":{"*/*":{"loggingLevel":"INFO","metricsEnabled":true},
                  "orders/GET":{"loggingLevel":"OFF"}}}]}""".formatted(GROUP))));
        aws.stub(get(urlPathEqualTo("/restapis/d4e5f6/stages")).willReturn(json("""
                {"item":[{"stageName":"dev","deploymentId":"k1"}]}""")));

        ApiGatewayInventory apigw = ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(apigw.restStages()).containsExactly(
                new ApiStage("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod", "a1b2c3", "orders", "REST",
                        "prod", Optional.of(GROUP), Optional.of("INFO")),
                new ApiStage("arn:aws:apigateway:eu-west-1::/restapis/d4e5f6/stages/dev", "d4e5f6", "admin", "REST",
                        "dev", Optional.empty(), Optional.empty()));
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/restapis")));
    }

    @Test
    void pagesThroughHttpAndWebSocketApisByNextToken() {
        aws.stub(get(urlPathEqualTo("/v2/apis")).withQueryParam("nextToken", absent()).willReturn(json("""
                {"items":[{"apiId":"x9y8z7","name":"webhooks","protocolType":"HTTP"}],"nextToken":"t2"}""")));
        aws.stub(get(urlPathEqualTo("/v2/apis")).withQueryParam("nextToken", equalTo("t2")).willReturn(json("""
                {"items":[{"apiId":"w1v2u3","name":"chat","protocolType":"WEBSOCKET"}]}""")));
        aws.stub(get(urlPathEqualTo("/v2/apis/x9y8z7/stages")).willReturn(json("""
                {"items":[{"stageName":"$default","autoDeploy":true,"accessLogSettings":{"destinationArn":"%s",
                  "format":"$context.requestId"}}]}""".formatted(GROUP))));
        aws.stub(get(urlPathEqualTo("/v2/apis/w1v2u3/stages")).willReturn(json("""
                {"items":[{"stageName":"prod"}]}""")));

        ApiGatewayInventory apigw = ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(apigw.v2Stages()).containsExactly(
                new ApiStage("arn:aws:apigateway:eu-west-1::/apis/x9y8z7/stages/$default", "x9y8z7", "webhooks",
                        "HTTP", "$default", Optional.of(GROUP), Optional.empty()),
                new ApiStage("arn:aws:apigateway:eu-west-1::/apis/w1v2u3/stages/prod", "w1v2u3", "chat",
                        "WEBSOCKET", "prod", Optional.empty(), Optional.empty()));
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/v2/apis")));
    }

    @Test
    void readsTheAccountsCloudWatchRole() {
        aws.stub(get(urlPathEqualTo("/account")).willReturn(json("""
                {"cloudwatchRoleArn":"arn:aws:iam::123456789012:role/apigw-cloudwatch",
                 "throttleSettings":{"burstLimit":5000,"rateLimit":10000.0}}""")));
        assertThat(ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION).cloudWatchRole())
                .contains("arn:aws:iam::123456789012:role/apigw-cloudwatch");
    }

    @Test
    void anAccountWithoutARoleHasNone() {
        aws.stub(get(urlPathEqualTo("/account")).willReturn(json("{\"throttleSettings\":{\"burstLimit\":5000}}")));
        assertThat(ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION).cloudWatchRole()).isEmpty();
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo("/restapis")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"message\":\"User is not authorized to access this resource\"}")));
        ApiGatewayInventory apigw = ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION);
        assertThatThrownBy(apigw::restStages).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.getMessage()).startsWith("access denied to apigateway:GET (AccessDeniedException)");
        });
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(get(urlPathEqualTo("/v2/apis")).inScenario("throttle")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Too Many Requests\"}")).willSetStateTo("ok"));
        aws.stub(get(urlPathEqualTo("/v2/apis")).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"items\":[]}")));
        assertThat(ApiGatewayCollector.inventory(aws.clients(), AwsWire.REGION).v2Stages()).isEmpty();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/v2/apis")));
    }
}
