package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.denied;
import static io.irready.testing.CloudTrailFixtures.homedIn;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.withBucket;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketExposure.PublicAccessBlock;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.LifecycleRule;
import io.irready.inventory.s3.S3Inventory;
import io.irready.inventory.s3.S3Inventory.BucketFacts;
import io.irready.testing.AwsFailures;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CloudTrailBucketRetentionCheckTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String BUCKET_ARN = "arn:aws:s3:::trail-logs";
    private static final String SUBJECT = "Bucket 'trail-logs' (logs of trail 'management-trail' "
            + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail))";
    private static final String LIFECYCLE_FIX = "Remove or lengthen the rule: aws s3api "
            + "put-bucket-lifecycle-configuration --bucket trail-logs with expirations of at least 365 days, or aws "
            + "s3api delete-bucket-lifecycle --bucket trail-logs.";
    private final CheckHarness check = CheckHarness.of(new CloudTrailBucketRetentionCheck());

    private static LifecycleRule expireAfter(String id, int days, Optional<String> prefix) {
        return new LifecycleRule(id, true, prefix, false, Optional.of(days), Optional.empty());
    }

    private static S3Inventory owned(BucketExposure exposure, LifecycleRule... rules) {
        return S3Inventory.of(Map.of("trail-logs", new BucketFacts(BucketOwnership.OWNED, exposure, List.of(rules))));
    }

    private List<Finding> evaluate(List<Trail> trails, S3Inventory s3) {
        return check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(trails, Map.of(), Map.of()))
                .with(S3Inventory.class, s3).build());
    }

    private Finding only(S3Inventory s3) {
        List<Finding> findings = evaluate(List.of(TRAIL), s3);
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(BUCKET_ARN);
        return findings.getFirst();
    }

    @Test
    void passesWithALongLifecycleRuleAndNoPublicAccess() {
        Finding f = only(owned(BucketExposure.privateBucket(), expireAfter("archive", 400, Optional.empty())));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(SUBJECT + " is not public and no lifecycle rule expires its trail logs "
                + "sooner than 365 days.");
    }

    /** Public by its own settings: no bucket-level block, and a policy that grants public access. */
    private static final BucketExposure PUBLIC_POLICY = new BucketExposure(BucketExposure.PublicAccessBlock.NONE,
            true, List.of());

    private static S3Inventory ownedUnderAccountBlock(Supplier<BucketExposure.PublicAccessBlock> accountBlock,
                                                      LifecycleRule... rules) {
        Map<String, BucketFacts> facts = Map.of("trail-logs",
                new BucketFacts(BucketOwnership.OWNED, PUBLIC_POLICY, List.of(rules)));
        return new S3Inventory(b -> facts.get(b).ownership(), b -> facts.get(b).exposure(),
                b -> facts.get(b).lifecycleRules(), accountBlock);
    }

    @Test
    void theAccountLevelBlockPublicAccessAllOnKeepsAPublicTrailBucketPrivate() {
        Finding f = only(ownedUnderAccountBlock(() -> BucketExposure.PublicAccessBlock.ALL));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(SUBJECT + " is not public (the account-level Block Public Access blocks what "
                + "its own settings allow: its bucket policy grants public access) and no lifecycle rule expires its "
                + "trail logs sooner than 365 days.");
    }

    @Test
    void theAccountAndBucketSettingsCombineSettingBySetting() {
        // the account restricts public buckets but does not ignore ACLs: a public ACL still exposes the bucket
        BucketExposure policyAndAcl = new BucketExposure(BucketExposure.PublicAccessBlock.NONE, true,
                List.of("AllUsers"));
        S3Inventory s3 = new S3Inventory(b -> BucketOwnership.OWNED, b -> policyAndAcl, b -> List.of(),
                () -> new BucketExposure.PublicAccessBlock(false, false, false, true));
        Finding f = only(s3);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith(SUBJECT + " is public (its ACL grants access to AllUsers).");
    }

    @Test
    void anUnreadableAccountLevelBlockIsAnErrorNotAPass() {
        Finding f = only(ownedUnderAccountBlock(() -> {
            throw AwsFailures.denied("s3:GetAccountPublicAccessBlock");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).contains("s3:GetAccountPublicAccessBlock");
    }

    @Test
    void anUnreadableAccountLevelBlockStillLetsALifecycleProblemFail() {
        Finding f = only(ownedUnderAccountBlock(() -> {
            throw AwsFailures.denied("s3:GetAccountPublicAccessBlock");
        }, expireAfter("nuke", 1, Optional.empty())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith(SUBJECT + " has lifecycle rule 'nuke' that expires objects under AWSLogs/ "
                + "after 1 day, sooner than the 365-day retention. " + LIFECYCLE_FIX + " Whether it is public is "
                + "unknown: its own settings allow public access and the account-level Block Public Access could not "
                + "be read (access denied to s3:GetAccountPublicAccessBlock");
    }

    @Test
    void theAccountLevelBlockIsNotReadForABucketItsOwnSettingsKeepPrivate() {
        Finding f = only(new S3Inventory(b -> BucketOwnership.OWNED, b -> BucketExposure.privateBucket(),
                b -> List.of(), () -> {
                    throw new AssertionError("the account-level block must not be read for a private bucket");
                }));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsOnAOneDayExpirationRule() {
        Finding f = only(owned(BucketExposure.privateBucket(), expireAfter("nuke", 1, Optional.empty())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " has lifecycle rule 'nuke' that expires objects under AWSLogs/ "
                + "after 1 day, sooner than the 365-day retention. " + LIFECYCLE_FIX);
    }

    @Test
    void theThresholdComesFromTheConfiguration() {
        S3Inventory s3 = owned(BucketExposure.privateBucket(), expireAfter("year", 365, Optional.empty()));
        List<Finding> findings = check.with(Config.builder().retentionDays(730).build()).findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(TRAIL), Map.of(), Map.of()))
                .with(S3Inventory.class, s3).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).contains("after 365 days, sooner than the 730-day retention");
        });
    }

    @Test
    void aRuleReachingTheTrailPrefixCountsAndOneElsewhereDoesNot() {
        Trail prefixed = withBucket(TRAIL, "trail-logs", Optional.of("org"));
        S3Inventory s3 = owned(BucketExposure.privateBucket(),
                expireAfter("tmp", 1, Optional.of("tmp/")),
                // CloudTrail writes untagged objects: a tag-filtered rule never reaches them
                new LifecycleRule("tagged", true, Optional.empty(), true, Optional.of(1), Optional.empty()),
                new LifecycleRule("disabled", false, Optional.empty(), false, Optional.of(1), Optional.empty()),
                expireAfter("org-logs", 30, Optional.of("org/AWSLogs/123456789012/")));
        List<Finding> findings = evaluate(List.of(prefixed), s3);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo(SUBJECT + " has lifecycle rule 'org-logs' that expires objects under "
                    + "org/AWSLogs/ after 30 days, sooner than the 365-day retention. " + LIFECYCLE_FIX);
        });
    }

    @Test
    void failsOnAFixedExpirationDate() {
        Finding f = only(owned(BucketExposure.privateBucket(), new LifecycleRule("", true, Optional.empty(), false,
                Optional.empty(), Optional.of(Instant.parse("2026-04-01T00:00:00Z")))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " has a lifecycle rule that expires objects under AWSLogs/ on "
                + "2026-04-01T00:00:00Z. " + LIFECYCLE_FIX);
    }

    @Test
    void failsWhenThePolicyMakesTheBucketPublic() {
        Finding f = only(owned(new BucketExposure(PublicAccessBlock.NONE, true, List.of())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " is public (its bucket policy grants public access). Block public "
                + "access: aws s3api put-public-access-block --bucket trail-logs --public-access-block-configuration "
                + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.");
    }

    @Test
    void aPublicAclIgnoredByThePublicAccessBlockIsNotPublic() {
        Finding f = only(owned(new BucketExposure(PublicAccessBlock.ALL, false, List.of("AllUsers"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenTheBucketDoesNotExist() {
        Finding f = only(S3Inventory.of(Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " does not exist: CloudTrail cannot deliver log files. Create it "
                + "with a CloudTrail bucket policy, or point the trail at an existing bucket: aws cloudtrail "
                + "update-trail --name <trail-arn> --s3-bucket-name <bucket>.");
    }

    @Test
    void aBucketOfAnotherAccountIsNotApplicable() {
        Finding f = only(new S3Inventory(b -> BucketOwnership.OTHER_ACCOUNT, b -> {
            throw new AssertionError("another account's bucket must not be read");
        }, b -> {
            throw new AssertionError("another account's bucket must not be read");
        }));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo(SUBJECT + " is owned by another account (e.g. a central log archive); its "
                + "retention and exposure are judged in that account.");
    }

    @Test
    void oneFindingPerBucketAndShadowTrailsAreLeftToTheirHomeRegion() {
        Trail second = trail("data-trail");
        Trail shadow = withBucket(homedIn(trail("us-trail"), "us-east-1"), "us-logs", Optional.empty());
        List<Finding> findings = evaluate(List.of(TRAIL, second, shadow), owned(BucketExposure.privateBucket()));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(BUCKET_ARN);
            assertThat(f.reason()).startsWith("Bucket 'trail-logs' (logs of trail 'management-trail' "
                    + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail), 'data-trail' "
                    + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/data-trail))");
        });
    }

    @Test
    void errorOnTheBucketWhenTheLifecycleCannotBeRead() {
        Finding f = only(new S3Inventory(b -> BucketOwnership.OWNED, b -> BucketExposure.privateBucket(), b -> {
            throw denied("s3:GetLifecycleConfiguration");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to s3:GetLifecycleConfiguration "
                + "(AccessDeniedException): grant s3:GetLifecycleConfiguration to irready's role");
    }
}
