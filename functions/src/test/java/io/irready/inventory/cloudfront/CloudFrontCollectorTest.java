package io.irready.inventory.cloudfront;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudFrontCollectorTest {
    static final String LIST = "/2020-05-31/distribution";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    static String summary(String id, String realtimeArn) {
        return "<DistributionSummary><Id>" + id + "</Id><ARN>arn:aws:cloudfront::123456789012:distribution/" + id
                + "</ARN><ETag>E" + id + "</ETag><Status>Deployed</Status><LastModifiedTime>2025-01-01T00:00:00Z"
                + "</LastModifiedTime><DomainName>" + id.toLowerCase() + ".cloudfront.net</DomainName>"
                + "<Aliases><Quantity>0</Quantity></Aliases>"
                + "<DefaultCacheBehavior><TargetOriginId>origin</TargetOriginId>"
                + "<ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>"
                + (realtimeArn == null ? "" : "<RealtimeLogConfigArn>" + realtimeArn + "</RealtimeLogConfigArn>")
                + "</DefaultCacheBehavior><Enabled>true</Enabled><Staging>false</Staging></DistributionSummary>";
    }

    static String list(boolean truncated, String nextMarker, String... summaries) {
        return "<?xml version=\"1.0\"?><DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                + "<Marker></Marker>" + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
                + "<MaxItems>100</MaxItems><IsTruncated>" + truncated + "</IsTruncated><Quantity>" + summaries.length
                + "</Quantity><Items>" + String.join("", summaries) + "</Items></DistributionList>";
    }

    static String config(boolean loggingEnabled, String bucket) {
        return "<?xml version=\"1.0\"?><DistributionConfig xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                + "<CallerReference>ref</CallerReference><Comment></Comment><Enabled>true</Enabled>"
                + "<Logging><Enabled>" + loggingEnabled + "</Enabled><IncludeCookies>false</IncludeCookies><Bucket>"
                + bucket + "</Bucket><Prefix>cf/</Prefix></Logging></DistributionConfig>";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withHeader("ETag", "E1").withBody(body);
    }

    /**
     * CloudFront's errors, unlike S3's bare {@code <Error>}, come wrapped in {@code <ErrorResponse>}
     * (with a Type); the SDK finds the code only in that shape.
     */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder cloudFrontError(int status, String code,
                                                                                            String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
                        + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                        + "<RequestId>req-1</RequestId></ErrorResponse>");
    }

    @Test
    void pagesThroughDistributionsByMarkerAndReadsTheRealTimeConfig() {
        aws.stub(get(urlPathEqualTo(LIST)).withQueryParam("Marker", absent()).willReturn(xml(list(true, "E2",
                summary("E1", "arn:aws:cloudfront::123456789012:realtime-log-config/rt")))));
        aws.stub(get(urlPathEqualTo(LIST)).withQueryParam("Marker", equalTo("E2")).willReturn(xml(list(false, null,
                summary("E2", null)))));

        CloudFrontInventory cloudFront = CloudFrontCollector.inventory(aws.clients(), AwsWire.ACCOUNT);

        assertThat(cloudFront.distributions()).containsExactly(
                new Distribution("E1", "arn:aws:cloudfront::123456789012:distribution/E1", "e1.cloudfront.net",
                        Optional.of("arn:aws:cloudfront::123456789012:realtime-log-config/rt")),
                new Distribution("E2", "arn:aws:cloudfront::123456789012:distribution/E2", "e2.cloudfront.net",
                        Optional.empty()));
        cloudFront.distributions();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo(LIST)));
    }

    @Test
    void readsLegacyLoggingOncePerDistribution() {
        aws.stub(get(urlPathEqualTo(LIST + "/E1/config")).willReturn(xml(config(true, "cf-logs.s3.amazonaws.com"))));
        aws.stub(get(urlPathEqualTo(LIST + "/E2/config")).willReturn(xml(config(false, ""))));
        CloudFrontInventory cloudFront = CloudFrontCollector.inventory(aws.clients(), AwsWire.ACCOUNT);

        assertThat(cloudFront.legacyLogging("E1")).isEqualTo(new LegacyLogging(true, Optional.of("cf-logs.s3.amazonaws.com")));
        assertThat(cloudFront.legacyLogging("E2")).isEqualTo(LegacyLogging.DISABLED);
        cloudFront.legacyLogging("E1");
        aws.server().verify(1, getRequestedFor(urlPathEqualTo(LIST + "/E1/config")));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo(LIST)).willReturn(cloudFrontError(403, "AccessDenied",
                "User is not authorized to perform: cloudfront:ListDistributions")));
        aws.stub(get(urlPathEqualTo(LIST + "/E1/config")).willReturn(cloudFrontError(403, "AccessDenied",
                "User is not authorized to perform: cloudfront:GetDistributionConfig")));
        CloudFrontInventory cloudFront = CloudFrontCollector.inventory(aws.clients(), AwsWire.ACCOUNT);

        assertThatThrownBy(cloudFront::distributions).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.getMessage()).startsWith("access denied to cloudfront:ListDistributions (AccessDenied)");
        });
        assertThatThrownBy(() -> cloudFront.legacyLogging("E1")).isInstanceOfSatisfying(AwsCallFailedException.class,
                e -> assertThat(e.action()).isEqualTo("cloudfront:GetDistributionConfig"));
    }
}
