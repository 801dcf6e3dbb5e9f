package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.irready.inventory.AwsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Where moto answers, but not as AWS does: each is a reason a seeded test above proves less than
 * it could, asserted here so that a moto upgrade that fixes one is noticed. None of them is a
 * collector bug: the collectors already handle the AWS answer and, where it matters, moto's.
 * (Two more are asserted where they bite: moto drops Lambda's {@code LoggingConfig} and writes
 * CloudFront ARNs without the empty region field.)
 */
class MotoDeviationsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";

    private final AwsClients clients = MOTO.clients();

    @Test
    void startLoggingFindsTrailsByNameOnlyWhereAwsAlsoTakesTheArn() {
        clients.s3(REGION).createBucket(b -> b.bucket("trail-logs").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        CloudTrailClient cloudTrail = clients.build(CloudTrailClient.builder(), REGION);
        String arn = cloudTrail.createTrail(b -> b.name("main").s3BucketName("trail-logs")).trailARN();

        var failure = catchThrowableOfType(AwsServiceException.class, () -> cloudTrail.startLogging(b -> b.name(arn)));

        assertThat(failure.statusCode()).as("moto's KeyError on a trail ARN").isEqualTo(500);
    }

    @Test
    void bucketPolicyStatusNeverSaysPublicAndExistsWithoutAPolicy() {
        S3Client s3 = clients.s3(REGION);
        s3.createBucket(b -> b.bucket("open-policy").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        s3.createBucket(b -> b.bucket("no-policy").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        s3.putBucketPolicy(b -> b.bucket("open-policy").policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*",\
                "Action":"s3:GetObject","Resource":"arn:aws:s3:::open-policy/*"}]}"""));

        // AWS: IsPublic=true for the first, NoSuchBucketPolicy for the second
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("open-policy")).policyStatus().isPublic()).isNull();
        assertThat(s3.getBucketPolicyStatus(b -> b.bucket("no-policy")).policyStatus().isPublic()).isNull();
    }

    @Test
    void listBucketsOmitsBucketRegionSoTheCollectorFallsBackToGetBucketLocation() {
        clients.s3(REGION).createBucket(b -> b.bucket("regional").createBucketConfiguration(c -> c.locationConstraint(REGION)));

        assertThat(clients.s3(REGION).listBuckets().buckets()).singleElement()
                .satisfies(b -> assertThat(b.bucketRegion()).isNull());
    }

    @Test
    void putBucketAclWithOnlyACannedAclHeaderIsRefusedForItsEmptyBody() {
        clients.s3(REGION).createBucket(b -> b.bucket("acl").createBucketConfiguration(c -> c.locationConstraint(REGION)));

        var failure = catchThrowableOfType(AwsServiceException.class, () -> clients.s3(REGION)
                .putBucketAcl(b -> b.bucket("acl").acl(BucketCannedACL.PUBLIC_READ)));

        assertThat(failure.statusCode()).as("411 Length Required").isEqualTo(411);
    }

    @Test
    void topicAttributesNeverCountConfirmedSubscriptions() {
        SnsClient sns = clients.build(SnsClient.builder(), REGION);
        String topic = sns.createTopic(b -> b.name("alerts")).topicArn();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:eu-west-1:123456789012:q"));

        assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
                .containsEntry("SubscriptionsConfirmed", "0");
    }

    @Test
    void listGrantsOfAnUnknownKeyFailsWithA500WhereAwsSaysNotFound() {
        var failure = catchThrowableOfType(AwsServiceException.class, () -> clients.build(KmsClient.builder(), REGION)
                .listGrants(b -> b.keyId("arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000")));

        assertThat(failure.statusCode()).isEqualTo(500);
    }
}
