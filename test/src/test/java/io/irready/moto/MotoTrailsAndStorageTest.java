package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.kms.KeyAccessCollector;
import io.irready.inventory.kms.KeyGrant;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.s3.AccountPublicAccess;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.LifecycleRule;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/** CloudTrail, S3 and KMS collectors against moto, over state seeded through the SDK. */
class MotoTrailsAndStorageTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;
    private static final String BUCKET = "irready-trail-logs";

    private final AwsClients clients = MOTO.clients();

    private void bucket(String name, String region) {
        clients.s3(region).createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c.locationConstraint(region)));
    }

    @Test
    void trailsOfTheRegionAreItsOwnAndMultiRegionShadowsButNotOtherRegionsSingleTrails() {
        bucket(BUCKET, REGION);
        clients.build(CloudTrailClient.builder(), REGION).createTrail(b -> b.name("home").s3BucketName(BUCKET)
                .s3KeyPrefix("audit").enableLogFileValidation(true).includeGlobalServiceEvents(true));
        clients.build(CloudTrailClient.builder(), "us-east-1").createTrail(b -> b.name("everywhere")
                .s3BucketName(BUCKET).isMultiRegionTrail(true).includeGlobalServiceEvents(true));
        clients.build(CloudTrailClient.builder(), "us-west-2").createTrail(b -> b.name("elsewhere")
                .s3BucketName(BUCKET).includeGlobalServiceEvents(false));

        Map<String, Trail> trails = CloudTrailCollector.inventory(clients, REGION).trails().stream()
                .collect(Collectors.toMap(Trail::name, Function.identity()));

        assertThat(trails).containsOnlyKeys("home", "everywhere");
        Trail home = trails.get("home");
        assertThat(home.arn()).isEqualTo("arn:aws:cloudtrail:eu-west-1:" + ACCOUNT + ":trail/home");
        assertThat(home.homeRegion()).isEqualTo(REGION);
        assertThat(home.multiRegion()).isFalse();
        assertThat(home.s3BucketName()).isEqualTo(BUCKET);
        assertThat(home.s3KeyPrefix()).contains("audit");
        assertThat(home.logFileValidation()).isTrue();
        assertThat(home.includeGlobalServiceEvents()).isTrue();
        assertThat(home.ownerAccount()).isEqualTo(ACCOUNT);
        Trail everywhere = trails.get("everywhere");
        assertThat(everywhere.arn()).isEqualTo("arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/everywhere");
        assertThat(everywhere.homeRegion()).isEqualTo("us-east-1");
        assertThat(everywhere.multiRegion()).isTrue();
        assertThat(everywhere.isShadowIn(REGION)).isTrue();
        assertThat(everywhere.logFileValidation()).isFalse();
    }

    @Test
    void statusFollowsStartAndStopLogging() {
        bucket(BUCKET, REGION);
        CloudTrailClient cloudTrail = clients.build(CloudTrailClient.builder(), REGION);
        String arn = cloudTrail.createTrail(b -> b.name("main").s3BucketName(BUCKET)).trailARN();
        assertThat(CloudTrailCollector.inventory(clients, REGION).status(arn).logging()).isFalse();

        // moto's Start/StopLogging find a trail by name only (AWS also takes the ARN): seed by name
        cloudTrail.startLogging(b -> b.name("main"));
        var started = CloudTrailCollector.inventory(clients, REGION).status(arn);
        assertThat(started.logging()).isTrue();
        assertThat(started.startLoggingTime()).isPresent();

        cloudTrail.stopLogging(b -> b.name("main"));
        var stopped = CloudTrailCollector.inventory(clients, REGION).status(arn);
        assertThat(stopped.logging()).isFalse();
        assertThat(stopped.stopLoggingTime()).isPresent();
    }

    @Test
    void classicAndAdvancedEventSelectorsAreReadBack() {
        bucket(BUCKET, REGION);
        CloudTrailClient cloudTrail = clients.build(CloudTrailClient.builder(), REGION);
        String classic = cloudTrail.createTrail(b -> b.name("classic").s3BucketName(BUCKET)).trailARN();
        String advanced = cloudTrail.createTrail(b -> b.name("advanced").s3BucketName(BUCKET)).trailARN();
        cloudTrail.putEventSelectors(b -> b.trailName(classic).eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.WRITE_ONLY).includeManagementEvents(true)
                .excludeManagementEventSources("kms.amazonaws.com").build()));
        cloudTrail.putEventSelectors(b -> b.trailName(advanced).advancedEventSelectors(AdvancedEventSelector.builder()
                .name("management writes").fieldSelectors(
                        AdvancedFieldSelector.builder().field("eventCategory").equalsValue("Management").build(),
                        AdvancedFieldSelector.builder().field("readOnly").equalsValue("false").build()).build()));

        CloudTrailInventory inventory = CloudTrailCollector.inventory(clients, REGION);

        assertThat(inventory.selectors(classic).eventSelectors()).containsExactly(
                new TrailSelectors.EventSelector("WriteOnly", true, List.of("kms.amazonaws.com")));
        TrailSelectors read = inventory.selectors(advanced);
        assertThat(read.advancedEventSelectors()).hasSize(1);
        var selector = read.advancedEventSelectors().getFirst();
        assertThat(selector.name()).contains("management writes");
        assertThat(selector.fieldSelectors()).extracting(TrailSelectors.FieldSelector::field)
                .containsExactly("eventCategory", "readOnly");
        assertThat(selector.fieldSelectors().getFirst().equalsValues()).containsExactly("Management");
    }

    @Test
    void bucketOwnershipTellsOwnedMissingAndAnotherAccountsBuckets() {
        bucket(BUCKET, REGION);
        MOTO.server().clientsAs("111122223333").s3(REGION).createBucket(b -> b.bucket("someone-elses-logs")
                .createBucketConfiguration(c -> c.locationConstraint(REGION)));

        S3Inventory s3 = S3Collector.inventory(clients, REGION);

        assertThat(s3.ownership(BUCKET)).isEqualTo(BucketOwnership.OWNED);
        assertThat(s3.ownership("no-such-bucket-anywhere")).isEqualTo(BucketOwnership.MISSING);
        assertThat(s3.ownership("someone-elses-logs")).isEqualTo(BucketOwnership.OTHER_ACCOUNT);
    }

    @Test
    void exposureReadsPublicAccessBlockAclAndPolicyStatus() {
        bucket("locked", REGION);
        // moto answers a PutBucketAcl without a body 411 (Length Required): the canned ACL is set at creation
        clients.s3(REGION).createBucket(b -> b.bucket("open-acl").acl(BucketCannedACL.PUBLIC_READ)
                .createBucketConfiguration(c -> c.locationConstraint(REGION)));
        S3Client s3 = clients.s3(REGION);
        s3.putPublicAccessBlock(b -> b.bucket("locked").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));

        S3Inventory inventory = S3Collector.inventory(clients, REGION);

        assertThat(inventory.exposure("locked")).isEqualTo(BucketExposure.privateBucket());
        BucketExposure open = inventory.exposure("open-acl");
        assertThat(open.block()).isEqualTo(BucketExposure.PublicAccessBlock.NONE);
        assertThat(open.publicAclGrantees()).containsExactly("AllUsers");
        assertThat(open.policyPublic()).isFalse();
        assertThat(open.isPublic()).isTrue();
    }

    @Test
    void theAccountLevelBlockPublicAccessIsReadOverS3Control() {
        S3Inventory before = S3Collector.inventory(clients, ACCOUNT, REGION);
        assertThat(before.accountPublicAccessBlock()).isEqualTo(BucketExposure.PublicAccessBlock.NONE);

        AccountPublicAccess.client(clients, REGION).putPublicAccessBlock(b -> b.accountId(ACCOUNT)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true).ignorePublicAcls(true)
                        .blockPublicPolicy(true).restrictPublicBuckets(true)));

        assertThat(S3Collector.inventory(clients, ACCOUNT, REGION).accountPublicAccessBlock())
                .isEqualTo(BucketExposure.PublicAccessBlock.ALL);
        AccountPublicAccess.client(clients, REGION).deletePublicAccessBlock(b -> b.accountId(ACCOUNT));
    }

    @Test
    void lifecycleRulesAreReadFromTheBucketsOwnRegion() {
        bucket(BUCKET, "eu-central-1");
        clients.s3("eu-central-1").putBucketLifecycleConfiguration(b -> b.bucket(BUCKET).lifecycleConfiguration(c -> c
                .rules(r -> r.id("expire-trail-logs").status(ExpirationStatus.ENABLED)
                                .filter(f -> f.prefix("AWSLogs/")).expiration(e -> e.days(400)),
                        r -> r.id("tagged-scratch").status(ExpirationStatus.DISABLED)
                                .filter(f -> f.and(a -> a.prefix("tmp/").tags(t -> t.key("scratch").value("yes"))))
                                .expiration(e -> e.days(7)))));

        List<LifecycleRule> rules = S3Collector.inventory(clients, REGION).lifecycleRules(BUCKET);

        assertThat(rules).containsExactly(
                new LifecycleRule("expire-trail-logs", true, Optional.of("AWSLogs/"), false, Optional.of(400),
                        Optional.empty()),
                new LifecycleRule("tagged-scratch", false, Optional.of("tmp/"), true, Optional.of(7),
                        Optional.empty()));
        bucket("no-lifecycle", REGION);
        assertThat(S3Collector.inventory(clients, REGION).lifecycleRules("no-lifecycle")).isEmpty();
    }

    @Test
    void keysAreDescribedInTheRegionTheirArnNames() {
        KmsClient useast = clients.build(KmsClient.builder(), "us-east-1");
        var created = useast.createKey(b -> b.description("trail key")).keyMetadata();
        var doomed = useast.createKey(b -> b.description("doomed")).keyMetadata();
        useast.scheduleKeyDeletion(b -> b.keyId(doomed.keyId()).pendingWindowInDays(7));

        var kms = KmsCollector.inventory(clients, REGION);

        KmsKey key = kms.key(created.arn()).orElseThrow();
        assertThat(key.arn()).isEqualTo(created.arn()).startsWith("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/");
        assertThat(key.keyId()).isEqualTo(created.keyId());
        assertThat(key.isEnabled()).isTrue();
        assertThat(key.keyManager()).isEqualTo("CUSTOMER");
        KmsKey pending = kms.key(doomed.arn()).orElseThrow();
        assertThat(pending.isPendingDeletion()).isTrue();
        assertThat(pending.deletionDate()).isPresent();
        assertThat(kms.key("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/00000000-0000-0000-0000-000000000000"))
                .isEmpty();
    }

    @Test
    void keyPolicyAndGrantsAreRead() {
        KmsClient kms = clients.build(KmsClient.builder(), REGION);
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"root","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}""";
        String arn = kms.createKey(b -> b.policy(policy)).keyMetadata().arn();
        String grantee = "arn:aws:iam::" + ACCOUNT + ":role/log-reader";
        String constrained = kms.createGrant(b -> b.keyId(arn).granteePrincipal(grantee)
                .operations(GrantOperation.DECRYPT).constraints(c -> c.encryptionContextEquals(Map.of("trail", "main"))))
                .grantId();
        String open = kms.createGrant(b -> b.keyId(arn).granteePrincipal(grantee)
                .operations(GrantOperation.ENCRYPT, GrantOperation.GENERATE_DATA_KEY)).grantId();

        var access = KeyAccessCollector.inventory(clients, REGION);

        assertThat(access.keyPolicy(arn)).contains("\"Sid\":\"root\"").contains("arn:aws:iam::123456789012:root");
        assertThat(access.grants(arn)).containsExactlyInAnyOrder(
                new KeyGrant(constrained, grantee, List.of("Decrypt"), true),
                new KeyGrant(open, grantee, List.of("Encrypt", "GenerateDataKey"), false));
    }
}
