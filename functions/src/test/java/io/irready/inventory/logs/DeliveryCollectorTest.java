package io.irready.inventory.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryCollectorTest {
    static final String SOURCES = "Logs_20140328.DescribeDeliverySources";
    static final String DELIVERIES = "Logs_20140328.DescribeDeliveries";
    private static final String DIST = "arn:aws:cloudfront::123456789012:distribution/E2V2";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void pagesThroughSourcesAndDeliveriesAndMatchesThemToTheResource() {
        aws.stub(jsonCall(SOURCES).withRequestBody(equalToJson("{}")).willReturn(json("""
                {"deliverySources":[{"name":"waf-src","arn":"arn:aws:logs:us-east-1:123456789012:delivery-source:waf-src",
                  "resourceArns":["arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1"],"service":"wafv2","logType":"WAF_LOGS"}],
                 "nextToken":"s2"}""")));
        aws.stub(jsonCall(SOURCES).withRequestBody(equalToJson("{\"nextToken\":\"s2\"}")).willReturn(json("""
                {"deliverySources":[{"name":"cf-e2v2","arn":"arn:aws:logs:us-east-1:123456789012:delivery-source:cf-e2v2",
                  "resourceArns":["%s"],"service":"cloudfront","logType":"ACCESS_LOGS"}]}""".formatted(DIST))));
        aws.stub(jsonCall(DELIVERIES).withRequestBody(equalToJson("{}")).willReturn(json("""
                {"deliveries":[{"id":"d1","arn":"arn:aws:logs:us-east-1:123456789012:delivery:d1","deliverySourceName":"waf-src",
                  "deliveryDestinationArn":"arn:aws:logs:us-east-1:123456789012:delivery-destination:s3","deliveryDestinationType":"S3"}],
                 "nextToken":"d2"}""")));
        aws.stub(jsonCall(DELIVERIES).withRequestBody(equalToJson("{\"nextToken\":\"d2\"}")).willReturn(json("""
                {"deliveries":[{"id":"d2","arn":"arn:aws:logs:us-east-1:123456789012:delivery:d2","deliverySourceName":"cf-e2v2",
                  "deliveryDestinationArn":"arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl","deliveryDestinationType":"CWL"}]}""")));

        DeliveryInventory deliveries = DeliveryCollector.inventory(aws.clients(), "us-east-1");

        assertThat(deliveries.deliveriesOf(DIST, "ACCESS_LOGS")).containsExactly(new Delivery("d2", "cf-e2v2",
                "arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl", "CWL"));
        assertThat(deliveries.deliveriesOf("arn:aws:cloudfront::123456789012:distribution/OTHER", "ACCESS_LOGS")).isEmpty();
        assertThat(deliveries.sources()).extracting(DeliverySource::resourceArns)
                .containsExactly(List.of("arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1"), List.of(DIST));
        aws.server().verify(2, jsonCallMade(SOURCES));
        aws.server().verify(2, jsonCallMade(DELIVERIES));
    }

    @Test
    void deliveriesAreNotListedWhenNoSourceMatches() {
        aws.stub(jsonCall(SOURCES).willReturn(json("{\"deliverySources\":[]}")));
        DeliveryInventory deliveries = DeliveryCollector.inventory(aws.clients(), "us-east-1");
        assertThat(deliveries.deliveriesOf(DIST, "ACCESS_LOGS")).isEmpty();
        aws.server().verify(0, jsonCallMade(DELIVERIES));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(SOURCES).willReturn(json("""
                {"deliverySources":[{"name":"cf","resourceArns":["%s"],"service":"cloudfront","logType":"ACCESS_LOGS"}]}"""
                .formatted(DIST))));
        aws.stub(jsonCall(DELIVERIES).willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: logs:DescribeDeliveries")));
        DeliveryInventory deliveries = DeliveryCollector.inventory(aws.clients(), "us-east-1");
        assertThatThrownBy(() -> deliveries.deliveriesOf(DIST, "ACCESS_LOGS"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                    assertThat(e.getMessage()).startsWith("access denied to logs:DescribeDeliveries (AccessDeniedException)");
                });
    }
}
