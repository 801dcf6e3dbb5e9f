package io.irready.inventory.elb;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.inventory.elb.LoadBalancer.AccessLogs;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ELBv2 (Version 2015-12-01) and Classic (2012-06-01) on the wire: same signing name, same action names. */
class ElbCollectorTest {
    private static final String V2 = "Version=2015-12-01";
    private static final String CLASSIC = "Version=2012-06-01";
    private static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/";
    private static final String ALB = ARN + "app/orders/50dc6c495c0c9188";
    private static final String NLB = ARN + "net/payments/0f4b2a8e6c1d4a55";
    private static final String TCP_NLB = ARN + "net/dns/7a8b9c0d1e2f3a4b";
    private static final String GWLB = ARN + "gwy/inspect/1a2b3c4d5e6f7a8b";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static MappingBuilder v2(String action) {
        return queryCall(action).withRequestBody(containing(V2));
    }

    private static MappingBuilder classic(String action) {
        return queryCall(action).withRequestBody(containing(CLASSIC));
    }

    private static String response(String action, String ns, String result) {
        return "<" + action + "Response xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/" + ns + "/\"><"
                + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>r1</RequestId>"
                + "</ResponseMetadata></" + action + "Response>";
    }

    private static String lb(String arn, String name, String type) {
        return "<member><LoadBalancerArn>" + arn + "</LoadBalancerArn><LoadBalancerName>" + name
                + "</LoadBalancerName><Type>" + type + "</Type><Scheme>internet-facing</Scheme></member>";
    }

    private static String attributes(String enabled, String bucket) {
        return response("DescribeLoadBalancerAttributes", "2015-12-01", "<Attributes>"
                + "<member><Key>access_logs.s3.enabled</Key><Value>" + enabled + "</Value></member>"
                + "<member><Key>access_logs.s3.bucket</Key><Value>" + bucket + "</Value></member>"
                + "<member><Key>idle_timeout.timeout_seconds</Key><Value>60</Value></member></Attributes>");
    }

    private static String listeners(String protocol) {
        return response("DescribeListeners", "2015-12-01", "<Listeners><member><ListenerArn>" + ARN
                + "listener/x</ListenerArn><Port>443</Port><Protocol>" + protocol + "</Protocol></member></Listeners>");
    }

    @Test
    void pagesThroughV2LoadBalancersAndReadsOnlyWhatDecidesTheirLogs() {
        aws.stub(v2("DescribeLoadBalancers").withRequestBody(notContaining("Marker=")).willReturn(xml(response(
                "DescribeLoadBalancers", "2015-12-01", "<LoadBalancers>" + lb(ALB, "orders", "application")
                        + lb(NLB, "payments", "network") + "</LoadBalancers><NextMarker>m2</NextMarker>"))));
        aws.stub(v2("DescribeLoadBalancers").withRequestBody(containing("Marker=m2")).willReturn(xml(response(
                "DescribeLoadBalancers", "2015-12-01", "<LoadBalancers>" + lb(TCP_NLB, "dns", "network")
                        + lb(GWLB, "inspect", "gateway") + "</LoadBalancers>"))));
        aws.stub(v2("DescribeListeners").withRequestBody(containing("payments")).willReturn(xml(listeners("TLS"))));
        aws.stub(v2("DescribeListeners").withRequestBody(containing("dns")).willReturn(xml(listeners("UDP"))));
        aws.stub(v2("DescribeLoadBalancerAttributes").withRequestBody(containing("orders"))
                .willReturn(xml(attributes("true", "acme-alb-logs"))));
        aws.stub(v2("DescribeLoadBalancerAttributes").withRequestBody(containing("payments"))
                .willReturn(xml(attributes("false", ""))));

        ElbInventory elb = ElbCollector.inventory(aws.clients(), AwsWire.ACCOUNT, AwsWire.REGION);

        assertThat(elb.v2LoadBalancers()).containsExactly(
                new LoadBalancer(ALB, "orders", "application", false, Optional.of(new AccessLogs(true, "acme-alb-logs"))),
                new LoadBalancer(NLB, "payments", "network", true, Optional.of(new AccessLogs(false, ""))),
                new LoadBalancer(TCP_NLB, "dns", "network", false, Optional.empty()),
                new LoadBalancer(GWLB, "inspect", "gateway", false, Optional.empty()));
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeListeners")));
        aws.server().verify(2, postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeLoadBalancerAttributes")));
        aws.server().verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(CLASSIC)));
    }

    @Test
    void classicLoadBalancersAreNamedByTheirArnForm() {
        aws.stub(classic("DescribeLoadBalancers").willReturn(xml(response("DescribeLoadBalancers", "2012-06-01",
                "<LoadBalancerDescriptions><member><LoadBalancerName>legacy-web</LoadBalancerName>"
                        + "<DNSName>legacy-web-1.eu-west-1.elb.amazonaws.com</DNSName></member>"
                        + "<member><LoadBalancerName>old-api</LoadBalancerName></member></LoadBalancerDescriptions>"))));
        aws.stub(classic("DescribeLoadBalancerAttributes").withRequestBody(containing("LoadBalancerName=legacy-web"))
                .willReturn(xml(response("DescribeLoadBalancerAttributes", "2012-06-01", "<LoadBalancerAttributes>"
                        + "<AccessLog><Enabled>true</Enabled><S3BucketName>central-logs</S3BucketName>"
                        + "<EmitInterval>5</EmitInterval></AccessLog></LoadBalancerAttributes>"))));
        aws.stub(classic("DescribeLoadBalancerAttributes").withRequestBody(containing("LoadBalancerName=old-api"))
                .willReturn(xml(response("DescribeLoadBalancerAttributes", "2012-06-01", "<LoadBalancerAttributes>"
                        + "<AccessLog><Enabled>false</Enabled></AccessLog></LoadBalancerAttributes>"))));

        ElbInventory elb = ElbCollector.inventory(aws.clients(), AwsWire.ACCOUNT, AwsWire.REGION);

        assertThat(elb.classicLoadBalancers()).containsExactly(
                new LoadBalancer(ARN + "legacy-web", "legacy-web", "classic", false,
                        Optional.of(new AccessLogs(true, "central-logs"))),
                new LoadBalancer(ARN + "old-api", "old-api", "classic", false, Optional.of(new AccessLogs(false, ""))));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(v2("DescribeLoadBalancers").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers")));
        ElbInventory elb = ElbCollector.inventory(aws.clients(), AwsWire.ACCOUNT, AwsWire.REGION);
        assertThatThrownBy(elb::v2LoadBalancers).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.getMessage())
                    .startsWith("access denied to elasticloadbalancing:DescribeLoadBalancers (AccessDenied)");
        });
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(classic("DescribeLoadBalancers").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(queryError(400, "Throttling", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(classic("DescribeLoadBalancers").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(xml(response("DescribeLoadBalancers", "2012-06-01", "<LoadBalancerDescriptions/>"))));
        assertThat(ElbCollector.inventory(aws.clients(), AwsWire.ACCOUNT, AwsWire.REGION).classicLoadBalancers())
                .isEmpty();
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(CLASSIC)));
    }
}
