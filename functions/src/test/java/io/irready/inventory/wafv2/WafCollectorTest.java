package io.irready.inventory.wafv2;

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

/** WAFv2 speaks JSON 1.1 ({@code AWSWAF_20190729.*}); ListWebACLs pages by NextMarker. */
class WafCollectorTest {
    private static final String LIST = "AWSWAF_20190729.ListWebACLs";
    private static final String LOGGING = "AWSWAF_20190729.GetLoggingConfiguration";
    private static final String STOREFRONT = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/storefront/a1";
    private static final String PARTNER = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/partner-api/b2";
    private static final String CDN = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/c3";
    private static final String DESTINATION = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/aws-waf-logs-storefront";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static String summary(String name, String id, String arn) {
        return "{\"Name\":\"" + name + "\",\"Id\":\"" + id + "\",\"Description\":\"\",\"LockToken\":\"lt-" + id
                + "\",\"ARN\":\"" + arn + "\"}";
    }

    private void logging(String arn, String destination) {
        aws.stub(jsonCall(LOGGING).withRequestBody(equalToJson("{\"ResourceArn\":\"" + arn + "\"}"))
                .willReturn(json("{\"LoggingConfiguration\":{\"ResourceArn\":\"" + arn + "\",\"LogDestinationConfigs\":[\""
                        + destination + "\"],\"ManagedByFirewallManager\":false,\"LogType\":\"WAF_LOGS\","
                        + "\"LogScope\":\"CUSTOMER\"}}")));
    }

    private void noLogging(String arn) {
        aws.stub(jsonCall(LOGGING).withRequestBody(equalToJson("{\"ResourceArn\":\"" + arn + "\"}"))
                .willReturn(jsonError(400, "WAFNonexistentItemException",
                        "AWS WAF couldn’t perform the operation because your resource doesn’t exist.")));
    }

    @Test
    void pagesRegionalAclsAndReadsEachLoggingConfiguration() {
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"Scope\":\"REGIONAL\",\"Limit\":100}"))
                .willReturn(json("{\"NextMarker\":\"m2\",\"WebACLs\":[" + summary("storefront", "a1", STOREFRONT) + "]}")));
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"Scope\":\"REGIONAL\",\"Limit\":100,\"NextMarker\":\"m2\"}"))
                .willReturn(json("{\"WebACLs\":[" + summary("partner-api", "b2", PARTNER) + "]}")));
        logging(STOREFRONT, DESTINATION);
        noLogging(PARTNER);

        WafInventory waf = WafCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(waf.webAcls()).containsExactly(
                new WebAcl("storefront", STOREFRONT, "REGIONAL", List.of(DESTINATION)),
                new WebAcl("partner-api", PARTNER, "REGIONAL", List.of()));
        aws.server().verify(2, jsonCallMade(LIST));
    }

    @Test
    void cloudFrontAclsAreListedOnlyInUsEast1() {
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"Scope\":\"REGIONAL\",\"Limit\":100}"))
                .willReturn(json("{\"WebACLs\":[]}")));
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"Scope\":\"CLOUDFRONT\",\"Limit\":100}"))
                .willReturn(json("{\"WebACLs\":[" + summary("cdn", "c3", CDN) + "]}")));
        noLogging(CDN);

        assertThat(WafCollector.inventory(aws.clients(), AwsWire.REGION).webAcls()).isEmpty();
        assertThat(WafCollector.inventory(aws.clients(), "us-east-1").webAcls())
                .containsExactly(new WebAcl("cdn", CDN, "CLOUDFRONT", List.of()));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(jsonCall(LIST).willReturn(json("{\"WebACLs\":[" + summary("storefront", "a1", STOREFRONT) + "]}")));
        aws.stub(jsonCall(LOGGING).willReturn(jsonError(400, "AccessDeniedException", "denied")));

        WafInventory waf = WafCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(waf::webAcls).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("wafv2:GetLoggingConfiguration");
        });
    }
}
