package io.irready.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.core.AwsCallFailedException.Kind;
import io.irready.testing.AwsWire;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** A 2xx answer in the wrong format (a proxy's login page) is an ERROR naming the call, in every protocol. */
class AnswerFormatGuardTest {
    private static final String LOGIN_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in to the corporate proxy"
            + "</title></head><body>Please sign in</body></html>";
    private final AwsWire aws = new AwsWire();
    private final AwsClients clients = aws.clients();

    @AfterEach
    void stop() {
        aws.close();
    }

    private void everyCallAnswers(int status, String body) {
        aws.stub(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                .withBody(body)));
    }

    private static AwsCallFailedException failure(String action, Supplier<?> call) {
        try {
            AwsCall.call(action, call);
        } catch (AwsCallFailedException e) {
            return e;
        }
        throw new AssertionError(action + " succeeded on a wrong answer");
    }

    private static void assertUnreadable(AwsCallFailedException e, String action, String named) {
        assertThat(e.action()).isEqualTo(action);
        assertThat(e.kind()).isEqualTo(Kind.FAULT);
        assertThat(e.errorCode()).isEqualTo("UnreadableAnswer");
        assertThat(e.getMessage()).startsWith(action + " failed (UnreadableAnswer): eu-west-1 " + named
                + " answered HTTP 200 with ").contains("a proxy or captive portal may be intercepting AWS calls")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void anHtmlPageWithStatus200IsAnErrorNamingTheCallInEveryProtocol() {
        everyCallAnswers(200, LOGIN_PAGE);
        try (Ec2Client ec2 = clients.build(Ec2Client.builder(), "eu-west-1");
             IamClient iam = clients.build(IamClient.builder(), "eu-west-1");
             StsClient sts = clients.build(StsClient.builder(), "eu-west-1");
             CloudTrailClient trails = clients.build(CloudTrailClient.builder(), "eu-west-1");
             GuardDutyClient guardDuty = clients.build(GuardDutyClient.builder(), "eu-west-1");
             S3Client s3 = clients.s3("eu-west-1");
             CloudFrontClient cloudFront = clients.build(CloudFrontClient.builder(), "eu-west-1")) {
            AwsCallFailedException vpcs = failure("ec2:DescribeVpcs", ec2::describeVpcs);
            assertUnreadable(vpcs, "ec2:DescribeVpcs", "ec2:DescribeVpcs");
            assertThat(vpcs.getMessage()).contains("a body that is not the service's XML (starts with "
                    + "'<!DOCTYPE html>')");
            assertUnreadable(failure("iam:ListRoles", iam::listRoles), "iam:ListRoles", "iam:ListRoles");
            assertUnreadable(failure("sts:GetCallerIdentity", sts::getCallerIdentity), "sts:GetCallerIdentity",
                    "sts:GetCallerIdentity");
            AwsCallFailedException described = failure("cloudtrail:DescribeTrails", trails::describeTrails);
            assertUnreadable(described, "cloudtrail:DescribeTrails", "cloudtrail:DescribeTrails");
            assertThat(described.getMessage()).contains("not the service's JSON");
            assertUnreadable(failure("guardduty:ListDetectors", guardDuty::listDetectors), "guardduty:ListDetectors",
                    "guardduty:ListDetectors");
            assertUnreadable(failure("s3:GetBucketLocation", () -> s3.getBucketLocation(r -> r.bucket("trail"))),
                    "s3:GetBucketLocation", "s3:GetBucketLocation");
            assertUnreadable(failure("cloudfront:ListDistributions", cloudFront::listDistributions),
                    "cloudfront:ListDistributions", "cloudfront:ListDistributions");
        }
    }

    @Test
    void aQueryAnswerForAnotherOperationIsRefused() {
        aws.stub(any(anyUrl()).willReturn(xml("<?xml version=\"1.0\"?><ListUsersResponse><ListUsersResult><Users/>"
                + "</ListUsersResult></ListUsersResponse>")));
        try (IamClient iam = clients.build(IamClient.builder(), "eu-west-1")) {
            assertThat(failure("iam:ListRoles", iam::listRoles).getMessage())
                    .contains("starts with '<?xml version=\"1.0\"?><ListUsersResponse>");
        }
    }

    @Test
    void anEmptyBodyIsAnErrorWhereTheOperationReturnsDataAndFineWhereItDoesNot() {
        everyCallAnswers(200, "");
        try (Ec2Client ec2 = clients.build(Ec2Client.builder(), "eu-west-1");
             CloudTrailClient trails = clients.build(CloudTrailClient.builder(), "eu-west-1");
             GuardDutyClient guardDuty = clients.build(GuardDutyClient.builder(), "eu-west-1");
             S3Client s3 = clients.s3("eu-west-1")) {
            assertThat(failure("ec2:DescribeVpcs", ec2::describeVpcs).getMessage())
                    .contains("answered HTTP 200 with an empty body where data was due");
            assertThat(failure("cloudtrail:DescribeTrails", trails::describeTrails).getMessage())
                    .contains("cloudtrail:DescribeTrails answered HTTP 200 with an empty body where data was due");
            assertThat(failure("guardduty:ListDetectors", guardDuty::listDetectors).errorCode())
                    .isEqualTo("UnreadableAnswer");
            assertThat(failure("s3:GetBucketLifecycleConfiguration", () -> s3.getBucketLifecycleConfiguration(
                    r -> r.bucket("trail"))).errorCode()).isEqualTo("UnreadableAnswer");
            // HeadBucket answers with headers only: an empty body is its normal answer
            assertThat(AwsCall.call("s3:ListBucket", () -> s3.headBucket(r -> r.bucket("trail")))).isNotNull();
        }
    }

    @Test
    void wellFormedAnswersStayReadableWhateverTheirSizeOrContentType() {
        StringBuilder trails = new StringBuilder();
        for (int i = 0; i < 1500; i++) { // well past the inspected prefix
            trails.append(i == 0 ? "" : ",").append("{\"Name\":\"trail-").append(i)
                    .append("\",\"TrailARN\":\"arn:aws:cloudtrail:eu-west-1:123456789012:trail/trail-").append(i)
                    .append("\"}");
        }
        // emulators label JSON as text/html: the body decides, not the header
        aws.stub(jsonCall("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails")
                .willReturn(json("{\"trailList\":[" + trails + "]}").withHeader("Content-Type", "text/html")));
        aws.stub(jsonCall("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListTrails")
                .willReturn(json("{}")));
        try (CloudTrailClient client = clients.build(CloudTrailClient.builder(), "eu-west-1")) {
            assertThat(trails.length()).isGreaterThan(64 * 1024);
            var described = AwsCall.call("cloudtrail:DescribeTrails", client::describeTrails);
            assertThat(described.trailList()).hasSize(1500);
            assertThat(described.trailList().get(1499).name()).isEqualTo("trail-1499");
            // "{}" is well formed: what it lacks is the collectors' to judge
            assertThat(AwsCall.call("cloudtrail:ListTrails", () -> client.listTrails(r -> { })).trails()).isEmpty();
        }
    }

    @Test
    void errorAnswersAreLeftToTheSdksErrorHandling() {
        everyCallAnswers(503, LOGIN_PAGE);
        try (StsClient sts = clients.build(StsClient.builder(), "eu-west-1")) {
            AwsCallFailedException e = failure("sts:GetCallerIdentity", sts::getCallerIdentity);
            assertThat(e.errorCode()).isEqualTo("HTTP 503");
        }
    }
}
