package io.irready.testing;

import static io.irready.testing.CheckHarness.ACCOUNT;
import static io.irready.testing.CheckHarness.NOW;
import static io.irready.testing.CheckHarness.REGION;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built CloudTrail state: one healthy trail to vary, its statuses, and trail listings that fail. */
public final class CloudTrailFixtures {
    public static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public static final String LOG_GROUP_ARN = "arn:aws:logs:eu-west-1:123456789012:log-group:aws-cloudtrail-logs:*";

    private CloudTrailFixtures() {
    }

    public static String trailArn(String region, String account, String name) {
        return "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name;
    }

    /** A healthy multi-region trail homed here: validation, KMS, CloudWatch Logs, bucket {@code trail-logs}. */
    public static Trail trail(String name) {
        return new Trail(name, trailArn(REGION, ACCOUNT, name), REGION, true, true, false, "trail-logs",
                Optional.empty(), true, Optional.of(KEY_ARN), Optional.of(LOG_GROUP_ARN),
                Optional.of("arn:aws:iam::123456789012:role/CloudTrailToLogs"), false, false);
    }

    /** A multi-region trail homed in {@code homeRegion}, delivering to {@code bucket} only, optionally SSE-KMS. */
    public static Trail trail(String name, String homeRegion, String bucket, Optional<String> kmsKeyArn) {
        return new Trail(name, trailArn(homeRegion, ACCOUNT, name), homeRegion, true, true, false, bucket,
                Optional.empty(), true, kmsKeyArn, Optional.empty(), Optional.empty(), false, false);
    }

    public static Trail singleRegion(Trail t) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), false, t.includeGlobalServiceEvents(), t.organizationTrail(),
                t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    /** The same trail homed in {@code home} (a shadow trail when seen from {@link CheckHarness#REGION}). */
    public static Trail homedIn(Trail t, String home) {
        return new Trail(t.name(), trailArn(home, t.ownerAccount(), t.name()), home, t.multiRegion(),
                t.includeGlobalServiceEvents(), t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(),
                t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn().map(a -> a.replace(REGION, home)),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    /** The trail as an organization trail owned by management account {@code 111111111111}. */
    public static Trail organizationTrail(Trail t) {
        return new Trail(t.name(), trailArn(t.homeRegion(), "111111111111", t.name()), t.homeRegion(), t.multiRegion(),
                t.includeGlobalServiceEvents(), true, t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(),
                t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    public static Trail withoutGlobalEvents(Trail t) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), false, t.organizationTrail(),
                t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    public static Trail withValidation(Trail t, boolean on) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), on, t.kmsKeyId(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    public static Trail withKey(Trail t, Optional<String> key) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), key,
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    public static Trail withLogGroup(Trail t, Optional<String> logGroupArn) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(),
                logGroupArn, t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    public static Trail withBucket(Trail t, String bucket, Optional<String> prefix) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), bucket, prefix, t.logFileValidation(), t.kmsKeyId(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    /** Delivered to S3 and CloudWatch Logs an hour before {@link CheckHarness#NOW}, no errors. */
    public static TrailStatus logging() {
        Instant hourAgo = NOW.minusSeconds(3600);
        return new TrailStatus(true, Optional.empty(), Optional.of(hourAgo), Optional.of(hourAgo), Optional.empty(),
                Optional.of(Instant.parse("2025-01-01T00:00:00Z")), Optional.empty());
    }

    public static TrailStatus stopped(Instant at) {
        TrailStatus s = logging();
        return new TrailStatus(false, s.latestDeliveryError(), s.latestDeliveryTime(),
                s.latestCloudWatchLogsDeliveryTime(), s.latestCloudWatchLogsDeliveryError(), s.startLoggingTime(),
                Optional.of(at));
    }

    public static TrailStatus deliveryError(String error) {
        TrailStatus s = logging();
        return new TrailStatus(true, Optional.of(error), s.latestDeliveryTime(), s.latestCloudWatchLogsDeliveryTime(),
                s.latestCloudWatchLogsDeliveryError(), s.startLoggingTime(), s.stopLoggingTime());
    }

    public static TrailStatus cloudWatch(Optional<Instant> lastDelivery, Optional<String> error) {
        TrailStatus s = logging();
        return new TrailStatus(true, Optional.empty(), s.latestDeliveryTime(), lastDelivery, error,
                s.startLoggingTime(), s.stopLoggingTime());
    }

    /** One trail with a status and the default selectors (all management events). */
    public static CloudTrailInventory cloudTrail(Trail trail, TrailStatus status) {
        return CloudTrailInventory.of(List.of(trail), Map.of(trail.arn(), status),
                Map.of(trail.arn(), TrailSelectors.allManagementEvents()));
    }

    /** These trails without status or selectors, for checks that read only the trails' configuration. */
    public static CloudTrailInventory trails(Trail... trails) {
        return CloudTrailInventory.of(List.of(trails), Map.of(), Map.of());
    }

    /** Access denied, in the words CloudTrail uses for irready's role. */
    public static AwsCallFailedException denied(String action) {
        return AwsFailures.denied(action, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: " + action);
    }

    /** An inventory whose trails cannot be listed. */
    public static CloudTrailInventory listingDenied() {
        return new CloudTrailInventory(() -> {
            throw denied("cloudtrail:ListTrails");
        }, arn -> {
            throw new AssertionError("status must not be read");
        }, arn -> {
            throw new AssertionError("selectors must not be read");
        });
    }

    public static final String LISTING_DENIED_REASON = "Could not evaluate: access denied to cloudtrail:ListTrails "
            + "(AccessDeniedException): grant cloudtrail:ListTrails to irready's role: User: "
            + "arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: cloudtrail:ListTrails";
}
