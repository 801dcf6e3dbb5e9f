package io.irready.inventory.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DescribeSubscriptionFilters is JSON 1.1, one request per log group, paged by {@code nextToken}. */
class SubscriptionFilterCollectorTest {
    private static final String TARGET = "Logs_20140328.DescribeSubscriptionFilters";
    private static final String FIREHOSE = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs-to-s3";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private SubscriptionFilterInventory inventory() {
        return SubscriptionFilterCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void pagesEachGroupsFiltersOnceAndCachesThem() {
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"logGroupName\":\"/aws/lambda/a\"}"))
                .willReturn(json("""
                        {"subscriptionFilters":[{"filterName":"archive","logGroupName":"/aws/lambda/a",
                          "filterPattern":"","destinationArn":"%s",
                          "roleArn":"arn:aws:iam::123456789012:role/cwl-to-firehose","distribution":"ByLogStream",
                          "creationTime":1764000000000}],"nextToken":"p2"}""".formatted(FIREHOSE))));
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"logGroupName\":\"/aws/lambda/a\",\"nextToken\":\"p2\"}"))
                .willReturn(json("""
                        {"subscriptionFilters":[{"filterName":"siem","logGroupName":"/aws/lambda/a",
                          "destinationArn":"arn:aws:lambda:eu-west-1:123456789012:function:ship"}]}""")));
        aws.stub(jsonCall(TARGET).withRequestBody(equalToJson("{\"logGroupName\":\"/aws/lambda/b\"}"))
                .willReturn(json("{\"subscriptionFilters\":[]}")));

        SubscriptionFilterInventory filters = inventory();

        assertThat(filters.filters("/aws/lambda/a")).containsExactly(
                new SubscriptionFilter("archive", "/aws/lambda/a", FIREHOSE),
                new SubscriptionFilter("siem", "/aws/lambda/a", "arn:aws:lambda:eu-west-1:123456789012:function:ship"));
        assertThat(filters.filters("/aws/lambda/b")).isEmpty();
        filters.filters("/aws/lambda/a");
        aws.server().verify(3, jsonCallMade(TARGET));
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(jsonCall(TARGET).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"subscriptionFilters\":[]}")));

        assertThat(inventory().filters("/aws/lambda/a")).isEmpty();
        aws.server().verify(2, jsonCallMade(TARGET));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(TARGET).willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: logs:DescribeSubscriptionFilters")));

        assertThatThrownBy(() -> inventory().filters("/aws/lambda/a"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                    assertThat(e.action()).isEqualTo("logs:DescribeSubscriptionFilters");
                });
    }
}
