package io.irready.checks.cloudtrail;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.homedIn;
import static io.irready.testing.CloudTrailFixtures.trail;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.BucketProtection;
import io.irready.inventory.s3.BucketProtection.AccessLogging;
import io.irready.inventory.s3.BucketProtection.ObjectLock;
import io.irready.inventory.s3.BucketProtectionInventory;
import io.irready.inventory.s3.S3Inventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTrailBucketIntegrityCheckTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String BUCKET_ARN = "arn:aws:s3:::trail-logs";
    private static final String SUBJECT = "Bucket 'trail-logs' (logs of trail 'management-trail' "
            + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail))";
    private static final ObjectLock LOCKED = new ObjectLock(true, Optional.of("COMPLIANCE"), Optional.of("400 days"));
    private static final Optional<AccessLogging> LOGGED = Optional.of(new AccessLogging("access-logs", "trail-logs/"));
    private static final String LOCK_FIX = "Lock new log files: aws s3api put-object-lock-configuration --bucket "
            + "trail-logs --object-lock-configuration '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":"
            + "{\"Mode\":\"GOVERNANCE\",\"Days\":365}}}'.";
    private static final String LOGGING_FIX = "Log access: aws s3api put-bucket-logging --bucket trail-logs "
            + "--bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":"
            + "\"trail-logs/\"}}'.";
    private final CheckHarness check = CheckHarness.of(new CloudTrailBucketIntegrityCheck());

    private static S3Inventory ownership(BucketOwnership ownership) {
        return new S3Inventory(b -> ownership, b -> BucketExposure.privateBucket(), b -> List.of());
    }

    private static BucketProtectionInventory protection(BucketProtection p) {
        return BucketProtectionInventory.of(Map.of("trail-logs",
                new BucketProtectionInventory.BucketFacts("eu-west-1", p, Map.of())));
    }

    private List<Finding> evaluate(List<Trail> trails, BucketOwnership ownership, BucketProtectionInventory buckets) {
        return check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(trails, Map.of(), Map.of()))
                .with(S3Inventory.class, ownership(ownership))
                .with(BucketProtectionInventory.class, buckets).build());
    }

    private Finding only(BucketProtection p) {
        List<Finding> findings = evaluate(List.of(TRAIL), BucketOwnership.OWNED, protection(p));
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(BUCKET_ARN);
        return findings.getFirst();
    }

    @Test
    void passesWithObjectLockByDefaultAndAccessLogging() {
        Finding f = only(new BucketProtection(LOCKED, false, LOGGED));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(SUBJECT + " locks new log files (Object Lock, COMPLIANCE for 400 days) and "
                + "logs access to s3://access-logs/trail-logs/.");
    }

    @Test
    void mfaDeleteStandsInForObjectLock() {
        Finding f = only(new BucketProtection(ObjectLock.OFF, true, LOGGED));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(SUBJECT + " requires MFA to delete log versions (MFA delete) and logs access "
                + "to s3://access-logs/trail-logs/.");
    }

    @Test
    void failsWithNeitherGuardNorAccessLogging() {
        Finding f = only(BucketProtection.none());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " has neither Object Lock nor MFA delete, so anyone with "
                + "s3:DeleteObject can erase the logs and has no server access logging, so reads and deletions of the "
                + "logs leave no record. " + LOCK_FIX + " " + LOGGING_FIX);
    }

    @Test
    void objectLockWithoutADefaultRetentionRuleDoesNotCount() {
        Finding f = only(new BucketProtection(new ObjectLock(true, Optional.empty(), Optional.empty()), false, LOGGED));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " has Object Lock on but no default retention rule, so the log "
                + "files CloudTrail writes are not locked, and no MFA delete. " + LOCK_FIX);
    }

    @Test
    void failsWithoutAccessLoggingEvenWhenLocked() {
        Finding f = only(new BucketProtection(LOCKED, true, Optional.empty()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " has no server access logging, so reads and deletions of the logs "
                + "leave no record. " + LOGGING_FIX);
    }

    @Test
    void aBucketOfAnotherAccountIsNotApplicableAndNotRead() {
        BucketProtectionInventory unreadable = new BucketProtectionInventory(Map::of, b -> {
            throw new AssertionError("another account's bucket must not be read");
        }, b -> {
            throw new AssertionError("another account's bucket must not be read");
        }, b -> Map.of());
        List<Finding> findings = evaluate(List.of(TRAIL), BucketOwnership.OTHER_ACCOUNT, unreadable);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(f.reason()).isEqualTo(SUBJECT + " is owned by another account (e.g. a central log archive); "
                    + "its integrity is judged in that account.");
        });
    }

    @Test
    void aDeniedReadIsAnErrorOnTheBucket() {
        BucketProtectionInventory denied = new BucketProtectionInventory(Map::of,
                b -> new BucketProtection(LOCKED, false, Optional.empty()), b -> {
                    throw denied("s3:GetBucketLogging", "AccessDenied", "Access Denied");
                }, b -> Map.of());
        List<Finding> findings = evaluate(List.of(TRAIL), BucketOwnership.OWNED, denied);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo(BUCKET_ARN);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to s3:GetBucketLogging (AccessDenied): "
                    + "grant s3:GetBucketLogging to irready's role: Access Denied");
        });
    }

    @Test
    void shadowTrailsAreLeftToTheirHomeRegion() {
        assertThat(evaluate(List.of(homedIn(TRAIL, "us-east-1")), BucketOwnership.OWNED,
                protection(BucketProtection.none()))).isEmpty();
    }
}
