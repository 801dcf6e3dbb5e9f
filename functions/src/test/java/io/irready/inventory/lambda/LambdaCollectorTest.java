package io.irready.inventory.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaCollectorTest {
    /** ListFunctions is {@code GET /2015-03-31/functions/}; this SDK version sends it without the trailing slash. */
    static final String PATH = "/2015-03-31/functions/?";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void pagesThroughFunctionsByMarkerAndReadsTheLoggingConfigGroup() {
        aws.stub(get(urlPathMatching(PATH)).withQueryParam("Marker", absent()).willReturn(json("""
                {"Functions":[{"FunctionName":"orders","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:orders",
                  "Role":"arn:aws:iam::123456789012:role/orders-role","Runtime":"java21",
                  "LoggingConfig":{"LogFormat":"Text","LogGroup":"/aws/lambda/orders"}}],
                 "NextMarker":"page2"}""")));
        aws.stub(get(urlPathMatching(PATH)).withQueryParam("Marker", equalTo("page2")).willReturn(json("""
                {"Functions":[{"FunctionName":"billing","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:billing",
                  "Role":"arn:aws:iam::123456789012:role/billing-role",
                  "LoggingConfig":{"LogFormat":"JSON","LogGroup":"/shared/billing"}}]}""")));

        LambdaInventory lambda = LambdaCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(lambda.functions()).containsExactly(
                new LambdaFunction("orders", "arn:aws:lambda:eu-west-1:123456789012:function:orders",
                        "arn:aws:iam::123456789012:role/orders-role", Optional.of("/aws/lambda/orders")),
                new LambdaFunction("billing", "arn:aws:lambda:eu-west-1:123456789012:function:billing",
                        "arn:aws:iam::123456789012:role/billing-role", Optional.of("/shared/billing")));
        assertThat(lambda.functions().get(1).logGroupName()).isEqualTo("/shared/billing");
        lambda.functions();
        aws.server().verify(2, getRequestedFor(urlPathMatching(PATH)));
    }

    @Test
    void aFunctionWithoutLoggingConfigWritesToTheDefaultGroup() {
        aws.stub(get(urlPathMatching(PATH)).willReturn(json("""
                {"Functions":[{"FunctionName":"old","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:old",
                  "Role":"arn:aws:iam::123456789012:role/r"}]}""")));
        LambdaFunction f = LambdaCollector.inventory(aws.clients(), AwsWire.REGION).functions().get(0);
        assertThat(f.customLogGroup()).isEmpty();
        assertThat(f.logGroupName()).isEqualTo("/aws/lambda/old");
    }

    @Test
    void accessDeniedNamesTheActionAndIsNotRepeated() {
        aws.stub(get(urlPathMatching(PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                .withBody("{\"Type\":\"User\",\"Message\":\"User is not authorized to perform: lambda:ListFunctions\"}")));
        LambdaInventory lambda = LambdaCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(lambda::functions).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("lambda:ListFunctions");
            assertThat(e.getMessage()).startsWith("access denied to lambda:ListFunctions (AccessDeniedException)");
        });
        assertThatThrownBy(lambda::functions).isInstanceOf(AwsCallFailedException.class);
        aws.server().verify(1, getRequestedFor(urlPathMatching(PATH)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
