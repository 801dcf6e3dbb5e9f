package io.irready.inventory.guardduty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GuardDuty speaks REST-JSON: {@code GET /detector} (paged by nextToken), {@code GET /detector/{id}}. */
class GuardDutyCollectorTest {
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder restJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void pagesDetectorsAndReadsEachStatus() {
        aws.stub(get(urlPathEqualTo("/detector")).withQueryParam("nextToken", absent())
                .willReturn(restJson(200, "{\"detectorIds\":[\"d1\"],\"nextToken\":\"p2\"}")));
        aws.stub(get(urlPathEqualTo("/detector")).withQueryParam("nextToken", equalTo("p2"))
                .willReturn(restJson(200, "{\"detectorIds\":[\"d2\"]}")));
        aws.stub(get(urlEqualTo("/detector/d1")).willReturn(restJson(200,
                "{\"status\":\"DISABLED\",\"serviceRole\":\"arn:aws:iam::123456789012:role/aws-service-role/x\","
                        + "\"createdAt\":\"2024-01-01T00:00:00.000Z\",\"findingPublishingFrequency\":\"SIX_HOURS\"}")));
        aws.stub(get(urlEqualTo("/detector/d2")).willReturn(restJson(200, "{\"status\":\"ENABLED\"}")));

        GuardDutyInventory gd = GuardDutyCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(gd.detectors()).containsExactly(new Detector("d1", "DISABLED"), new Detector("d2", "ENABLED"));
        gd.detectors();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/detector")));
    }

    @Test
    void readsTheProtectionPlansFromFeaturesElseFromTheDeprecatedDataSources() {
        aws.stub(get(urlPathEqualTo("/detector")).willReturn(restJson(200, "{\"detectorIds\":[\"d1\",\"d2\"]}")));
        aws.stub(get(urlEqualTo("/detector/d1")).willReturn(restJson(200, """
                {"status":"ENABLED","dataSources":{"s3Logs":{"status":"ENABLED"}},
                 "features":[{"name":"S3_DATA_EVENTS","status":"DISABLED","updatedAt":1704067200},
                             {"name":"EKS_AUDIT_LOGS","status":"ENABLED"},
                             {"name":"RUNTIME_MONITORING","status":"DISABLED",
                              "additionalConfiguration":[{"name":"EKS_ADDON_MANAGEMENT","status":"DISABLED"}]}]}""")));
        aws.stub(get(urlEqualTo("/detector/d2")).willReturn(restJson(200, """
                {"status":"ENABLED","dataSources":{"s3Logs":{"status":"DISABLED"},
                 "kubernetes":{"auditLogs":{"status":"ENABLED"}},"cloudTrail":{"status":"ENABLED"}}}""")));

        GuardDutyInventory gd = GuardDutyCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(gd.detectors()).containsExactly(
                new Detector("d1", "ENABLED", Map.of("S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "ENABLED",
                        "RUNTIME_MONITORING", "DISABLED")),
                new Detector("d2", "ENABLED", Map.of("S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "ENABLED")));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo("/detector")).willReturn(restJson(403,
                "{\"message\":\"not authorized to perform guardduty:ListDetectors\",\"__type\":\"AccessDeniedException\"}")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")));

        GuardDutyInventory gd = GuardDutyCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(gd::detectors).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("guardduty:ListDetectors");
        });
    }
}
