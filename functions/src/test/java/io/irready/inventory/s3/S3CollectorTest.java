package io.irready.inventory.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.restXmlError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.irready.checks.Catalog;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class S3CollectorTest {
    private static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private S3Inventory inventory() {
        return S3Collector.inventory(aws.clients(), AwsWire.REGION);
    }

    private static MappingBuilder bucketCall(String bucket, String subresource) {
        return get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    private static String bucketEntry(String name, String region) {
        return "<Bucket><Name>" + name + "</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate>"
                + (region == null ? "" : "<BucketRegion>" + region + "</BucketRegion>") + "</Bucket>";
    }

    private void stubOwnedBuckets(String firstPage, String secondPage) {
        aws.stub(get(urlPathEqualTo("/")).withQueryParam("continuation-token", absent()).willReturn(xml(
                "<ListAllMyBucketsResult " + NS + "><Owner><ID>owner</ID></Owner><Buckets>" + firstPage
                        + "</Buckets><ContinuationToken>page-2</ContinuationToken></ListAllMyBucketsResult>")));
        aws.stub(get(urlPathEqualTo("/")).withQueryParam("continuation-token", equalTo("page-2")).willReturn(xml(
                "<ListAllMyBucketsResult " + NS + "><Owner><ID>owner</ID></Owner><Buckets>" + secondPage
                        + "</Buckets></ListAllMyBucketsResult>")));
    }

    private static final String ACCOUNT_BLOCK = "/v20180820/configuration/publicAccessBlock";

    /** S3 Control wraps its errors in {@code <ErrorResponse>}, unlike S3. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder s3ControlError(int status,
                                                                                                  String code,
                                                                                                  String message) {
        return xml("<ErrorResponse><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>req-1</RequestId><HostId>host</HostId></ErrorResponse>").withStatus(status);
    }

    @Test
    void readsTheAccountLevelBlockPublicAccessOverS3Control() {
        // S3 Control names the account in a header (and, on AWS, in the host, which an emulator cannot answer)
        aws.stub(get(urlPathEqualTo(ACCOUNT_BLOCK)).withHeader("x-amz-account-id", equalTo("123456789012"))
                .willReturn(xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration>"
                        + "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
                        + "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets>"
                        + "</PublicAccessBlockConfiguration>")));

        S3Inventory s3 = S3Collector.inventory(aws.clients(), "123456789012", AwsWire.REGION);

        assertThat(s3.accountPublicAccessBlock())
                .isEqualTo(new BucketExposure.PublicAccessBlock(true, true, true, false));
        assertThat(s3.accountPublicAccessBlock()).isSameAs(s3.accountPublicAccessBlock());
        aws.server().verify(1, getRequestedFor(urlPathEqualTo(ACCOUNT_BLOCK)));
    }

    @Test
    void anAccountWithoutAnAccountLevelBlockHasNone() {
        aws.stub(get(urlPathEqualTo(ACCOUNT_BLOCK)).willReturn(s3ControlError(404, "NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found")));
        assertThat(S3Collector.inventory(aws.clients(), "123456789012", AwsWire.REGION).accountPublicAccessBlock())
                .isEqualTo(BucketExposure.PublicAccessBlock.NONE);
    }

    @Test
    void aDeniedAccountLevelReadNamesItsAction() {
        aws.stub(get(urlPathEqualTo(ACCOUNT_BLOCK)).willReturn(s3ControlError(403, "AccessDenied", "Access Denied")));
        S3Inventory s3 = S3Collector.inventory(aws.clients(), "123456789012", AwsWire.REGION);
        org.assertj.core.api.Assertions.assertThatThrownBy(s3::accountPublicAccessBlock)
                .isInstanceOfSatisfying(io.irready.core.AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("s3:GetAccountPublicAccessBlock");
                    assertThat(e.kind()).isEqualTo(io.irready.core.AwsCallFailedException.Kind.ACCESS_DENIED);
                });
    }

    @Test
    void theAccountHostPrefixIsKeptForAwsAndDroppedForAnEmulator() {
        assertThat(AccountPublicAccess.withoutAccountHost(java.net.URI.create(
                "https://123456789012.s3-control.eu-west-1.amazonaws.com"), "123456789012").getHost())
                .isEqualTo("123456789012.s3-control.eu-west-1.amazonaws.com");
        assertThat(AccountPublicAccess.withoutAccountHost(java.net.URI.create("http://123456789012.127.0.0.1:4566"),
                "123456789012")).isEqualTo(java.net.URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void ownershipFromPagedListBucketsThenHeadBucket() {
        stubOwnedBuckets(bucketEntry("other-stuff", "eu-west-1"), bucketEntry("trail-logs", "eu-west-1"));
        aws.stub(head(urlPathEqualTo("/central-archive")).willReturn(aResponse().withStatus(403)));
        aws.stub(head(urlPathEqualTo("/deleted-bucket")).willReturn(aResponse().withStatus(404)));

        S3Inventory s3 = inventory();

        assertThat(s3.ownership("trail-logs")).isEqualTo(BucketOwnership.OWNED);
        assertThat(s3.ownership("central-archive")).isEqualTo(BucketOwnership.OTHER_ACCOUNT);
        assertThat(s3.ownership("deleted-bucket")).isEqualTo(BucketOwnership.MISSING);
        assertThat(s3.ownership("central-archive")).isEqualTo(BucketOwnership.OTHER_ACCOUNT);
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/")));
        aws.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.headRequestedFor(
                urlPathEqualTo("/central-archive")));
    }

    @Test
    void exposureFromAbsentPublicAccessBlockPublicPolicyAndPublicAcl() {
        stubOwnedBuckets(bucketEntry("trail-logs", "eu-west-1"), "");
        aws.stub(bucketCall("trail-logs", "publicAccessBlock").willReturn(restXmlError(404,
                "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found")));
        aws.stub(bucketCall("trail-logs", "policyStatus").willReturn(xml(
                "<PolicyStatus " + NS + "><IsPublic>true</IsPublic></PolicyStatus>")));
        aws.stub(bucketCall("trail-logs", "acl").willReturn(xml("""
                <AccessControlPolicy %s><Owner><ID>owner</ID></Owner><AccessControlList>
                  <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
                    <URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission></Grant>
                  <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group">
                    <URI>http://acs.amazonaws.com/groups/s3/LogDelivery</URI></Grantee><Permission>WRITE</Permission></Grant>
                </AccessControlList></AccessControlPolicy>""".formatted(NS))));

        BucketExposure exposure = inventory().exposure("trail-logs");

        assertThat(exposure).isEqualTo(new BucketExposure(BucketExposure.PublicAccessBlock.NONE, true, List.of("AllUsers")));
        assertThat(exposure.publicBecause()).containsExactly("its bucket policy grants public access",
                "its ACL grants access to AllUsers");
    }

    @Test
    void noPolicyAndABlockingPublicAccessBlockArePrivate() {
        stubOwnedBuckets(bucketEntry("trail-logs", "eu-west-1"), "");
        aws.stub(bucketCall("trail-logs", "publicAccessBlock").willReturn(xml("""
                <PublicAccessBlockConfiguration %s><BlockPublicAcls>true</BlockPublicAcls>
                <IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>
                <RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>""".formatted(NS))));
        aws.stub(bucketCall("trail-logs", "policyStatus").willReturn(restXmlError(404, "NoSuchBucketPolicy",
                "The bucket policy does not exist")));
        aws.stub(bucketCall("trail-logs", "acl").willReturn(xml(
                "<AccessControlPolicy " + NS + "><Owner><ID>owner</ID></Owner><AccessControlList/></AccessControlPolicy>")));

        BucketExposure exposure = inventory().exposure("trail-logs");

        assertThat(exposure.block()).isEqualTo(new BucketExposure.PublicAccessBlock(true, true, true, false));
        assertThat(exposure.isPublic()).isFalse();
    }

    @Test
    void lifecycleRulesParsedAndBucketsOfOtherRegionsReadThere() {
        // no BucketRegion in the listing (emulators, older APIs): GetBucketLocation decides, then reads go there
        stubOwnedBuckets(bucketEntry("trail-logs", null), "");
        aws.stub(bucketCall("trail-logs", "location").willReturn(xml(
                "<LocationConstraint " + NS + ">us-west-2</LocationConstraint>")));
        aws.stub(bucketCall("trail-logs", "lifecycle").willReturn(xml("""
                <LifecycleConfiguration %s>
                  <Rule><ID>nuke</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status>
                    <Expiration><Days>1</Days></Expiration></Rule>
                  <Rule><ID>tagged</ID><Filter><And><Prefix>AWSLogs/</Prefix><Tag><Key>tmp</Key><Value>1</Value></Tag></And></Filter>
                    <Status>Enabled</Status><Expiration><Days>2</Days></Expiration></Rule>
                  <Rule><ID>legacy</ID><Prefix>old/</Prefix><Status>Disabled</Status>
                    <Expiration><Date>2026-04-01T00:00:00.000Z</Date></Expiration></Rule>
                  <Rule><ID>glacier</ID><Filter><Prefix>AWSLogs/</Prefix></Filter><Status>Enabled</Status>
                    <Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition></Rule>
                </LifecycleConfiguration>""".formatted(NS))));

        List<LifecycleRule> rules = inventory().lifecycleRules("trail-logs");

        assertThat(rules).containsExactly(
                new LifecycleRule("nuke", true, Optional.of(""), false, Optional.of(1), Optional.empty()),
                new LifecycleRule("tagged", true, Optional.of("AWSLogs/"), true, Optional.of(2), Optional.empty()),
                new LifecycleRule("legacy", false, Optional.of("old/"), false, Optional.empty(),
                        Optional.of(Instant.parse("2026-04-01T00:00:00Z"))),
                new LifecycleRule("glacier", true, Optional.of("AWSLogs/"), false, Optional.empty(), Optional.empty()));
        aws.server().verify(getRequestedFor(urlPathEqualTo("/trail-logs")).withQueryParam("lifecycle", matching(".*"))
                .withHeader("Authorization", containing("/us-west-2/s3/aws4_request")));
    }

    @Test
    void noLifecycleConfigurationMeansNoRules() {
        stubOwnedBuckets(bucketEntry("trail-logs", "eu-west-1"), "");
        aws.stub(bucketCall("trail-logs", "lifecycle").willReturn(restXmlError(404, "NoSuchLifecycleConfiguration",
                "The lifecycle configuration does not exist")));

        assertThat(inventory().lifecycleRules("trail-logs")).isEmpty();
    }

    @Test
    void slowDownIsRetried() {
        stubOwnedBuckets(bucketEntry("trail-logs", "eu-west-1"), "");
        aws.stub(bucketCall("trail-logs", "lifecycle").inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(restXmlError(503, "SlowDown", "Please reduce your request rate.")).willSetStateTo("ok"));
        aws.stub(bucketCall("trail-logs", "lifecycle").inScenario("slow").whenScenarioStateIs("ok")
                .willReturn(xml("<LifecycleConfiguration " + NS + "/>")));

        assertThat(inventory().lifecycleRules("trail-logs")).isEmpty();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/trail-logs")).withQueryParam("lifecycle", matching(".*")));
    }

    @Test
    void accessDeniedOnTheLifecycleIsAnErrorOnTheBucketNamingTheAction() {
        CloudTrailAccounts.healthy(aws);
        aws.stub(bucketCall(CloudTrailAccounts.BUCKET, "lifecycle").willReturn(restXmlError(403, "AccessDenied",
                "Access Denied")));

        List<Finding> findings = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION),
                        List.of("cloudtrail-bucket-retention"), Scope.REGION).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(CloudTrailAccounts.BUCKET_ARN);
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to s3:GetLifecycleConfiguration "
                    + "(AccessDenied): grant s3:GetLifecycleConfiguration to irready's role: Access Denied");
        });
    }

    @Test
    void accessDeniedOnListBucketsIsAnErrorNamingListAllMyBuckets() {
        CloudTrailAccounts.healthy(aws);
        aws.stub(get(urlPathEqualTo("/")).willReturn(restXmlError(403, "AccessDenied", "Access Denied")));

        List<Finding> findings = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION),
                        List.of("cloudtrail-bucket-retention"), Scope.REGION).findings();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to s3:ListAllMyBuckets");
        });
    }
}
