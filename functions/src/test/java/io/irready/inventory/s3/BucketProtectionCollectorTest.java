package io.irready.inventory.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.irready.testing.AwsWire.restXmlError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BucketProtectionCollectorTest {
    private static final String NS = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private BucketProtectionInventory inventory() {
        return BucketProtectionCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    private static MappingBuilder bucketCall(String bucket, String subresource) {
        return get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    private void stubBuckets() {
        aws.stub(get(urlPathEqualTo("/")).withQueryParam("continuation-token", absent()).willReturn(xml(
                "<ListAllMyBucketsResult " + NS + "><Owner><ID>owner</ID></Owner><Buckets><Bucket><Name>trail-logs"
                        + "</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>eu-west-1"
                        + "</BucketRegion></Bucket></Buckets><ContinuationToken>page-2</ContinuationToken>"
                        + "</ListAllMyBucketsResult>")));
        aws.stub(get(urlPathEqualTo("/")).withQueryParam("continuation-token", equalTo("page-2")).willReturn(xml(
                "<ListAllMyBucketsResult " + NS + "><Owner><ID>owner</ID></Owner><Buckets><Bucket><Name>customer-data"
                        + "</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets>"
                        + "</ListAllMyBucketsResult>")));
        aws.stub(bucketCall("customer-data", "location").willReturn(xml(
                "<LocationConstraint " + NS + ">us-west-2</LocationConstraint>")));
    }

    @Test
    void ownedBucketsOfAllPagesWithTheirRegions() {
        stubBuckets();
        assertThat(inventory().ownedBuckets()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "trail-logs", "eu-west-1", "customer-data", "us-west-2"));
    }

    @Test
    void objectLockWithDefaultRetentionMfaDeleteAndAccessLogging() {
        stubBuckets();
        aws.stub(bucketCall("trail-logs", "object-lock").willReturn(xml("""
                <ObjectLockConfiguration %s><ObjectLockEnabled>Enabled</ObjectLockEnabled>
                <Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Days>400</Days></DefaultRetention></Rule>
                </ObjectLockConfiguration>""".formatted(NS))));
        aws.stub(bucketCall("trail-logs", "versioning").willReturn(xml(
                "<VersioningConfiguration " + NS + "><Status>Enabled</Status><MfaDelete>Enabled</MfaDelete>"
                        + "</VersioningConfiguration>")));
        aws.stub(bucketCall("trail-logs", "logging").willReturn(xml(
                "<BucketLoggingStatus " + NS + "><LoggingEnabled><TargetBucket>access-logs</TargetBucket>"
                        + "<TargetPrefix>trail-logs/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>")));

        BucketProtection p = inventory().protection("trail-logs");

        assertThat(p).isEqualTo(new BucketProtection(new BucketProtection.ObjectLock(true, Optional.of("COMPLIANCE"),
                Optional.of("400 days")), true, Optional.of(new BucketProtection.AccessLogging("access-logs",
                "trail-logs/"))));
        assertThat(p.objectLock().locksNewObjects()).isTrue();
    }

    @Test
    void absentConfigurationsAreOffAndReadsGoToTheBucketsRegion() {
        stubBuckets();
        aws.stub(bucketCall("customer-data", "object-lock").willReturn(restXmlError(404,
                "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket")));
        aws.stub(bucketCall("customer-data", "versioning").willReturn(xml("<VersioningConfiguration " + NS + "/>")));
        aws.stub(bucketCall("customer-data", "logging").willReturn(xml("<BucketLoggingStatus " + NS + "/>")));
        aws.stub(bucketCall("customer-data", "tagging").willReturn(restXmlError(404, "NoSuchTagSet",
                "The TagSet does not exist")));

        BucketProtectionInventory inventory = inventory();

        assertThat(inventory.protection("customer-data")).isEqualTo(BucketProtection.none());
        assertThat(inventory.tags("customer-data")).isEmpty();
        // the bucket lives in us-west-2: its reads are signed for that region
        aws.server().verify(getRequestedFor(urlPathEqualTo("/customer-data")).withQueryParam("logging", matching(".*"))
                .withHeader("Authorization", matching(".*/us-west-2/s3/aws4_request.*")));
    }

    @Test
    void objectLockWithoutADefaultRuleLocksNothingNew() {
        stubBuckets();
        aws.stub(bucketCall("trail-logs", "object-lock").willReturn(xml(
                "<ObjectLockConfiguration " + NS + "><ObjectLockEnabled>Enabled</ObjectLockEnabled>"
                        + "</ObjectLockConfiguration>")));
        aws.stub(bucketCall("trail-logs", "versioning").willReturn(xml(
                "<VersioningConfiguration " + NS + "><Status>Enabled</Status></VersioningConfiguration>")));
        aws.stub(bucketCall("trail-logs", "logging").willReturn(xml("<BucketLoggingStatus " + NS + "/>")));

        BucketProtection p = inventory().protection("trail-logs");

        assertThat(p.objectLock()).isEqualTo(new BucketProtection.ObjectLock(true, Optional.empty(), Optional.empty()));
        assertThat(p.objectLock().locksNewObjects()).isFalse();
        assertThat(p.mfaDelete()).isFalse();
    }

    @Test
    void tagsAreRead() {
        stubBuckets();
        aws.stub(bucketCall("trail-logs", "tagging").willReturn(xml(
                "<Tagging " + NS + "><TagSet><Tag><Key>irready:evidence</Key><Value>true</Value></Tag>"
                        + "<Tag><Key>team</Key><Value>security</Value></Tag></TagSet></Tagging>")));
        assertThat(inventory().tags("trail-logs")).isEqualTo(Map.of("irready:evidence", "true", "team", "security"));
    }

    @Test
    void deniedLoggingIsAFailureNamingTheAction() {
        stubBuckets();
        aws.stub(bucketCall("trail-logs", "logging").willReturn(restXmlError(403, "AccessDenied", "Access Denied")));
        assertThatThrownBy(() -> inventory().accessLogging("trail-logs"))
                .isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
                    assertThat(e.action()).isEqualTo("s3:GetBucketLogging");
                    assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
                });
    }
}
