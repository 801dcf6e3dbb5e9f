package io.irready.checks.ec2;

import static io.irready.testing.AwsWire.ec2Error;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonError;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.irready.checks.Catalog;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.testing.AwsWire;
import io.irready.testing.CheckHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ERROR path end to end: a denied call on the wire becomes ERROR findings naming the IAM action. */
class Ec2ChecksAccessDeniedTest {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private Evaluation evaluate(String checkId) {
        return CheckHarness.of(Catalog.registry(), List.of(checkId))
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION));
    }

    @Test
    void describeFlowLogsDeniedIsAnErrorOnEveryVpc() {
        aws.stub(queryCall("DescribeVpcs").willReturn(xml("<DescribeVpcsResponse " + NS + "><requestId>r</requestId>"
                + "<vpcSet><item><vpcId>vpc-1</vpcId><ownerId>123456789012</ownerId></item>"
                + "<item><vpcId>vpc-2</vpcId><ownerId>123456789012</ownerId></item></vpcSet></DescribeVpcsResponse>")));
        aws.stub(queryCall("DescribeFlowLogs").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        Evaluation evaluation = evaluate(VpcFlowLogsEnabled.ID);

        assertThat(evaluation.findings()).extracting(Finding::resourceId).containsExactly(
                "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-2");
        assertThat(evaluation.findings()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to ec2:DescribeFlowLogs "
                    + "(UnauthorizedOperation): grant ec2:DescribeFlowLogs to irready's role: You are not authorized "
                    + "to perform this operation.");
        });
    }

    @Test
    void describeInstancesDeniedIsOneRegionError() {
        aws.stub(queryCall("DescribeInstances").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        Evaluation evaluation = evaluate(Ec2SsmManaged.ID);

        assertThat(evaluation.completeChecks()).isEmpty();
        assertThat(evaluation.findings()).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to ec2:DescribeInstances");
        });
    }

    @Test
    void ssmAccessDeniedIsAnErrorOnEachRunningInstanceOnly() {
        aws.stub(queryCall("DescribeInstances").willReturn(xml("<DescribeInstancesResponse " + NS + "><requestId>r"
                + "</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet>"
                + "<item><instanceId>i-1</instanceId><instanceState><name>running</name></instanceState></item>"
                + "<item><instanceId>i-2</instanceId><instanceState><name>stopped</name></instanceState></item>"
                + "</instancesSet></item></reservationSet></DescribeInstancesResponse>")));
        aws.stub(jsonCall("AmazonSSM.GetInventory").willReturn(json("{\"Entities\":[]}")));
        aws.stub(jsonCall("AmazonSSM.DescribeInstanceInformation").willReturn(jsonError(400, "AccessDeniedException",
                "User is not authorized to perform: ssm:DescribeInstanceInformation")));

        Evaluation evaluation = evaluate(Ec2CloudWatchAgent.ID);

        assertThat(evaluation.findings()).extracting(Finding::resourceId, Finding::status).containsExactly(
                tuple("arn:aws:ec2:eu-west-1:123456789012:instance/i-1", Status.ERROR),
                tuple("arn:aws:ec2:eu-west-1:123456789012:instance/i-2",
                        Status.NOT_APPLICABLE));
        assertThat(evaluation.findings().getFirst().reason()).isEqualTo("Could not evaluate: access denied to "
                + "ssm:DescribeInstanceInformation (AccessDeniedException): grant ssm:DescribeInstanceInformation to "
                + "irready's role: User is not authorized to perform: ssm:DescribeInstanceInformation");
    }
}
