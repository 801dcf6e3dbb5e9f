package io.irready.checks.cloudtrail;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built CloudTrail state for the check tests: one healthy trail to vary, and an evaluator to run checks. */
final class CloudTrailFixtures {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String REGION_ID = ACCOUNT + "/" + REGION;
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String LOG_GROUP_ARN = "arn:aws:logs:eu-west-1:123456789012:log-group:aws-cloudtrail-logs:*";

    private CloudTrailFixtures() {
    }

    static String trailArn(String region, String account, String name) {
        return "arn:aws:cloudtrail:" + region + ":" + account + ":trail/" + name;
    }

    /** A healthy multi-region trail homed here: validation, KMS, CloudWatch Logs, bucket {@code trail-logs}. */
    static Trail trail(String name) {
        return new Trail(name, trailArn(REGION, ACCOUNT, name), REGION, true, true, false, "trail-logs",
                Optional.empty(), true, Optional.of(KEY_ARN), Optional.of(LOG_GROUP_ARN),
                Optional.of("arn:aws:iam::123456789012:role/CloudTrailToLogs"), false, false);
    }

    static Trail singleRegion(Trail t) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), false, t.includeGlobalServiceEvents(), t.organizationTrail(),
                t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    /** The same trail homed in {@code home} (a shadow trail when seen from {@link #REGION}). */
    static Trail homedIn(Trail t, String home) {
        return new Trail(t.name(), trailArn(home, t.ownerAccount(), t.name()), home, t.multiRegion(),
                t.includeGlobalServiceEvents(), t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(),
                t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn().map(a -> a.replace(REGION, home)),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    /** The trail as an organization trail owned by management account {@code 111111111111}. */
    static Trail organizationTrail(Trail t) {
        return new Trail(t.name(), trailArn(t.homeRegion(), "111111111111", t.name()), t.homeRegion(), t.multiRegion(),
                t.includeGlobalServiceEvents(), true, t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(),
                t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    static Trail withoutGlobalEvents(Trail t) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), false, t.organizationTrail(),
                t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(), t.cloudWatchLogsLogGroupArn(),
                t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    static Trail withValidation(Trail t, boolean on) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), on, t.kmsKeyId(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    static Trail withKey(Trail t, Optional<String> key) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), key,
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    static Trail withLogGroup(Trail t, Optional<String> logGroupArn) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), t.s3BucketName(), t.s3KeyPrefix(), t.logFileValidation(), t.kmsKeyId(),
                logGroupArn, t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(), t.hasInsightSelectors());
    }

    static Trail withBucket(Trail t, String bucket, Optional<String> prefix) {
        return new Trail(t.name(), t.arn(), t.homeRegion(), t.multiRegion(), t.includeGlobalServiceEvents(),
                t.organizationTrail(), bucket, prefix, t.logFileValidation(), t.kmsKeyId(),
                t.cloudWatchLogsLogGroupArn(), t.cloudWatchLogsRoleArn(), t.hasCustomEventSelectors(),
                t.hasInsightSelectors());
    }

    /** Delivered to S3 and CloudWatch Logs an hour ago, no errors. */
    static TrailStatus logging() {
        Instant hourAgo = NOW.minusSeconds(3600);
        return new TrailStatus(true, Optional.empty(), Optional.of(hourAgo), Optional.of(hourAgo), Optional.empty(),
                Optional.of(Instant.parse("2025-01-01T00:00:00Z")), Optional.empty());
    }

    static TrailStatus stopped(Instant at) {
        TrailStatus s = logging();
        return new TrailStatus(false, s.latestDeliveryError(), s.latestDeliveryTime(),
                s.latestCloudWatchLogsDeliveryTime(), s.latestCloudWatchLogsDeliveryError(), s.startLoggingTime(),
                Optional.of(at));
    }

    static TrailStatus deliveryError(String error) {
        TrailStatus s = logging();
        return new TrailStatus(true, Optional.of(error), s.latestDeliveryTime(), s.latestCloudWatchLogsDeliveryTime(),
                s.latestCloudWatchLogsDeliveryError(), s.startLoggingTime(), s.stopLoggingTime());
    }

    static TrailStatus cloudWatch(Optional<Instant> lastDelivery, Optional<String> error) {
        TrailStatus s = logging();
        return new TrailStatus(true, Optional.empty(), s.latestDeliveryTime(), lastDelivery, error,
                s.startLoggingTime(), s.stopLoggingTime());
    }

    /** One trail with a status and the default selectors (all management events). */
    static CloudTrailInventory cloudTrail(Trail trail, TrailStatus status) {
        return CloudTrailInventory.of(List.of(trail), Map.of(trail.arn(), status),
                Map.of(trail.arn(), TrailSelectors.allManagementEvents()));
    }

    static AwsCallFailedException denied(String action) {
        return new AwsCallFailedException(action, "AccessDeniedException", AwsCallFailedException.Kind.ACCESS_DENIED,
                "User: arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: " + action, null);
    }

    /** An inventory whose trails cannot be listed. */
    static CloudTrailInventory listingDenied() {
        return new CloudTrailInventory(() -> {
            throw denied("cloudtrail:ListTrails");
        }, arn -> {
            throw new AssertionError("status must not be read");
        }, arn -> {
            throw new AssertionError("selectors must not be read");
        });
    }

    static final String LISTING_DENIED_REASON = "Could not evaluate: access denied to cloudtrail:ListTrails "
            + "(AccessDeniedException): grant cloudtrail:ListTrails to irready's role: User: "
            + "arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: cloudtrail:ListTrails";

    static Inventory.Builder inventory() {
        return Inventory.builder(ACCOUNT, REGION);
    }

    /** Runs one check the way the handlers and the CLI do (through the evaluator), over the whole region. */
    static List<Finding> evaluate(Check check, Inventory inventory) {
        return evaluate(check, inventory, Config.defaults());
    }

    static List<Finding> evaluate(Check check, Inventory inventory, Config config) {
        return new Evaluator(new CheckRegistry(List.of(check)), config, Clock.fixed(NOW, ZoneOffset.UTC))
                .evaluate(inventory, List.of(check.id()), Scope.REGION).findings();
    }
}
