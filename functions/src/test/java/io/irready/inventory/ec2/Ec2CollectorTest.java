package io.irready.inventory.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.irready.testing.AwsWire.ec2Error;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Ec2Collector} against EC2's own query protocol: XML without a …Result wrapper, nextToken paging. */
class Ec2CollectorTest {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private Ec2Inventory inventory() {
        return Ec2Collector.inventory(aws.clients(), AwsWire.REGION);
    }

    private static RequestPatternBuilder made(String action) {
        return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    @Test
    void pagesThroughVpcsWithNextTokenAtTheLargestPageSize() {
        aws.stub(queryCall("DescribeVpcs").withRequestBody(notContaining("NextToken")).willReturn(xml(
                "<DescribeVpcsResponse " + NS + "><requestId>r1</requestId><vpcSet>"
                        + "<item><vpcId>vpc-1</vpcId><ownerId>123456789012</ownerId><isDefault>true</isDefault>"
                        + "<state>available</state><cidrBlock>172.31.0.0/16</cidrBlock></item>"
                        + "</vpcSet><nextToken>tok2</nextToken></DescribeVpcsResponse>")));
        aws.stub(queryCall("DescribeVpcs").withRequestBody(containing("NextToken=tok2")).willReturn(xml(
                "<DescribeVpcsResponse " + NS + "><requestId>r2</requestId><vpcSet>"
                        + "<item><vpcId>vpc-2</vpcId><ownerId>999999999999</ownerId><isDefault>false</isDefault></item>"
                        + "</vpcSet></DescribeVpcsResponse>")));

        Ec2Inventory ec2 = inventory();

        assertThat(ec2.vpcs()).containsExactly(new Vpc("vpc-1", "123456789012", true),
                new Vpc("vpc-2", "999999999999", false));
        ec2.vpcs();
        aws.server().verify(2, made("DescribeVpcs"));
        aws.server().verify(2, made("DescribeVpcs").withRequestBody(containing("MaxResults=1000")));
    }

    @Test
    void readsFlowLogsWithTheirDeliveryStateAndDestination() {
        aws.stub(queryCall("DescribeFlowLogs").withRequestBody(notContaining("NextToken")).willReturn(xml(
                "<DescribeFlowLogsResponse " + NS + "><requestId>r1</requestId><flowLogSet>"
                        + "<item><creationTime>2025-01-01T00:00:00.000Z</creationTime>"
                        + "<deliverLogsErrorMessage>Access error</deliverLogsErrorMessage>"
                        + "<deliverLogsPermissionArn>arn:aws:iam::123456789012:role/flow</deliverLogsPermissionArn>"
                        + "<deliverLogsStatus>FAILED</deliverLogsStatus><flowLogId>fl-1</flowLogId>"
                        + "<flowLogStatus>ACTIVE</flowLogStatus><logGroupName>flow-logs</logGroupName>"
                        + "<resourceId>vpc-1</resourceId><trafficType>ALL</trafficType>"
                        + "<logDestinationType>cloud-watch-logs</logDestinationType>"
                        + "<logDestination>arn:aws:logs:eu-west-1:123456789012:log-group:flow-logs</logDestination>"
                        + "<maxAggregationInterval>600</maxAggregationInterval></item>"
                        + "</flowLogSet><nextToken>tok2</nextToken></DescribeFlowLogsResponse>")));
        aws.stub(queryCall("DescribeFlowLogs").withRequestBody(containing("NextToken=tok2")).willReturn(xml(
                "<DescribeFlowLogsResponse " + NS + "><requestId>r2</requestId><flowLogSet>"
                        + "<item><deliverLogsStatus>SUCCESS</deliverLogsStatus><flowLogId>fl-2</flowLogId>"
                        + "<flowLogStatus>ACTIVE</flowLogStatus><resourceId>subnet-a</resourceId>"
                        + "<trafficType>REJECT</trafficType><logDestinationType>s3</logDestinationType>"
                        + "<logDestination>arn:aws:s3:::flow-bucket</logDestination></item>"
                        + "</flowLogSet></DescribeFlowLogsResponse>")));

        Ec2Inventory ec2 = inventory();

        assertThat(ec2.flowLogsOf("vpc-1")).containsExactly(new FlowLog("fl-1", "vpc-1", Optional.of("ALL"),
                "ACTIVE", "FAILED", Optional.of("Access error"), "cloud-watch-logs", Optional.of("flow-logs"),
                Optional.of("arn:aws:logs:eu-west-1:123456789012:log-group:flow-logs")));
        assertThat(ec2.flowLogsOf("subnet-a")).containsExactly(new FlowLog("fl-2", "subnet-a",
                Optional.of("REJECT"), "ACTIVE", "SUCCESS", Optional.empty(), "s3", Optional.empty(),
                Optional.of("arn:aws:s3:::flow-bucket")));
        assertThat(ec2.flowLogsOf("vpc-none")).isEmpty();
        aws.server().verify(2, made("DescribeFlowLogs"));
    }

    @Test
    void groupsSubnetsByVpcAndCountsNetworkInterfacesInOneListing() {
        aws.stub(queryCall("DescribeSubnets").willReturn(xml(
                "<DescribeSubnetsResponse " + NS + "><requestId>r</requestId><subnetSet>"
                        + "<item><subnetId>subnet-a</subnetId><vpcId>vpc-1</vpcId></item>"
                        + "<item><subnetId>subnet-b</subnetId><vpcId>vpc-1</vpcId></item>"
                        + "<item><subnetId>subnet-c</subnetId><vpcId>vpc-2</vpcId></item>"
                        + "</subnetSet></DescribeSubnetsResponse>")));
        aws.stub(queryCall("DescribeNetworkInterfaces").withRequestBody(notContaining("NextToken")).willReturn(xml(
                "<DescribeNetworkInterfacesResponse " + NS + "><requestId>r</requestId><networkInterfaceSet>"
                        + "<item><networkInterfaceId>eni-1</networkInterfaceId><vpcId>vpc-1</vpcId></item>"
                        + "<item><networkInterfaceId>eni-2</networkInterfaceId><vpcId>vpc-1</vpcId></item>"
                        + "</networkInterfaceSet><nextToken>tok2</nextToken></DescribeNetworkInterfacesResponse>")));
        aws.stub(queryCall("DescribeNetworkInterfaces").withRequestBody(containing("NextToken=tok2")).willReturn(xml(
                "<DescribeNetworkInterfacesResponse " + NS + "><requestId>r</requestId><networkInterfaceSet>"
                        + "<item><networkInterfaceId>eni-3</networkInterfaceId><vpcId>vpc-2</vpcId></item>"
                        + "</networkInterfaceSet></DescribeNetworkInterfacesResponse>")));

        Ec2Inventory ec2 = inventory();

        assertThat(ec2.subnetsOf("vpc-1")).extracting(Subnet::id).containsExactly("subnet-a", "subnet-b");
        assertThat(ec2.subnetsOf("vpc-3")).isEmpty();
        assertThat(ec2.networkInterfaceCount("vpc-1")).isEqualTo(2);
        assertThat(ec2.networkInterfaceCount("vpc-2")).isEqualTo(1);
        assertThat(ec2.networkInterfaceCount("vpc-3")).isZero();
        aws.server().verify(1, made("DescribeSubnets"));
        aws.server().verify(2, made("DescribeNetworkInterfaces"));
    }

    @Test
    void readsInstancesAcrossReservationsAndPages() {
        aws.stub(queryCall("DescribeInstances").withRequestBody(notContaining("NextToken")).willReturn(xml(
                "<DescribeInstancesResponse " + NS + "><requestId>r</requestId><reservationSet>"
                        + "<item><reservationId>r-1</reservationId><ownerId>123456789012</ownerId><instancesSet>"
                        + "<item><instanceId>i-1</instanceId><instanceState><code>16</code><name>running</name></instanceState>"
                        + "<launchTime>2025-03-01T10:00:00.000Z</launchTime>"
                        + "<iamInstanceProfile><arn>arn:aws:iam::123456789012:instance-profile/ssm</arn>"
                        + "<id>AIPA1</id></iamInstanceProfile>"
                        + "<tagSet><item><key>Name</key><value>web</value></item>"
                        + "<item><key>cw-agent</key><value>yes</value></item></tagSet></item>"
                        + "<item><instanceId>i-2</instanceId><instanceState><code>80</code><name>stopped</name></instanceState>"
                        + "<platform>windows</platform><launchTime>2025-03-02T10:00:00.000Z</launchTime></item>"
                        + "</instancesSet></item></reservationSet><nextToken>tok2</nextToken></DescribeInstancesResponse>")));
        aws.stub(queryCall("DescribeInstances").withRequestBody(containing("NextToken=tok2")).willReturn(xml(
                "<DescribeInstancesResponse " + NS + "><requestId>r</requestId><reservationSet>"
                        + "<item><reservationId>r-2</reservationId><instancesSet>"
                        + "<item><instanceId>i-3</instanceId><instanceState><code>48</code><name>terminated</name></instanceState>"
                        + "<launchTime>2025-03-03T10:00:00.000Z</launchTime></item>"
                        + "</instancesSet></item></reservationSet></DescribeInstancesResponse>")));

        Ec2Inventory ec2 = inventory();

        assertThat(ec2.instances()).containsExactly(
                new Ec2Instance("i-1", "running", Optional.of("arn:aws:iam::123456789012:instance-profile/ssm"),
                        Optional.empty(), Instant.parse("2025-03-01T10:00:00Z"), Map.of("Name", "web", "cw-agent", "yes")),
                new Ec2Instance("i-2", "stopped", Optional.empty(), Optional.of("windows"),
                        Instant.parse("2025-03-02T10:00:00Z"), Map.of()),
                new Ec2Instance("i-3", "terminated", Optional.empty(), Optional.empty(),
                        Instant.parse("2025-03-03T10:00:00Z"), Map.of()));
        assertThat(ec2.instance("i-2")).map(Ec2Instance::isRunning).contains(false);
        aws.server().verify(2, made("DescribeInstances"));
    }

    @Test
    void unauthorizedOperationNamesTheActionAndIsRemembered() {
        aws.stub(queryCall("DescribeFlowLogs").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));
        Ec2Inventory ec2 = inventory();

        assertThatThrownBy(() -> ec2.flowLogsOf("vpc-1")).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("ec2:DescribeFlowLogs");
            assertThat(e.errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.getMessage()).startsWith("access denied to ec2:DescribeFlowLogs (UnauthorizedOperation)");
        });
        assertThatThrownBy(() -> ec2.flowLogsOf("vpc-2")).isInstanceOf(AwsCallFailedException.class);
        aws.server().verify(1, made("DescribeFlowLogs"));
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(queryCall("DescribeVpcs").inScenario("throttle").whenScenarioStateIs("Started")
                .willReturn(ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")).willSetStateTo("ok"));
        aws.stub(queryCall("DescribeVpcs").inScenario("throttle").whenScenarioStateIs("ok").willReturn(xml(
                "<DescribeVpcsResponse " + NS + "><requestId>r</requestId><vpcSet/></DescribeVpcsResponse>")));

        assertThat(inventory().vpcs()).isEmpty();
        aws.server().verify(2, made("DescribeVpcs"));
    }
}
