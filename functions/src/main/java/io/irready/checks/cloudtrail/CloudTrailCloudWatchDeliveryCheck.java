package io.irready.checks.cloudtrail;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code cloudtrail-cloudwatch-delivery}: one finding per account and region. Passes when a
 * logging trail that records the region delivers to CloudWatch Logs: the last delivery is within
 * 24 hours of the evaluation, no delivery error is reported, and the log group exists. The log
 * group is looked up only when it lives in this account and region (the inventory covers one
 * region); for a shadow trail whose group lives in its home region, or a group in another
 * account, a deleted group still shows up here as a delivery error or a stale delivery time.
 */
public final class CloudTrailCloudWatchDeliveryCheck implements Check, Routed {
    public static final String ID = "cloudtrail-cloudwatch-delivery";
    static final Duration MAX_DELIVERY_AGE = Duration.ofHours(24);

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "A logging trail delivers to CloudWatch Logs (last delivery within 24 h, no error, log group exists)",
            Severity.MEDIUM,
            "cloudtrail",
            "AWS::::Account",
            Granularity.ACCOUNT_REGION,
            "CloudWatch Logs is where responders query recent activity (Logs Insights) and where metric filters "
                    + "and alarms on StopLogging, root use or IAM changes fire; S3-only delivery means minutes of "
                    + "Athena setup during an incident and no alarms.",
            new Remediation(
                    "CloudTrail console → Trails → the multi-region trail → CloudWatch Logs → Edit → enable, choose "
                            + "a log group and an IAM role CloudTrail may assume.",
                    "aws cloudtrail update-trail --name <trail-arn> --cloud-watch-logs-log-group-arn "
                            + "<log-group-arn> --cloud-watch-logs-role-arn <role-arn>"),
            TrailChecks.permissions(CloudTrailCollector.GET_TRAIL_STATUS, LogsCollector.DESCRIBE_LOG_GROUPS),
            new References(
                    List.of("CIS AWS Foundations v1.4.0 3.4"),
                    List.of("CloudTrail.5"),
                    List.of(),
                    List.of("T1562.008", "T1070")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "StopLogging", "DeleteTrail", "UpdateTrail").naming(Extractors.TRAIL_NAME)
                    .disablesEvidence().everyRegion()
                    .because("a trail that stops or goes away, or whose log group or role UpdateTrail changes, no "
                            + "longer delivers to CloudWatch Logs")
            .on("aws.cloudtrail", "StartLogging", "CreateTrail").naming(Extractors.TRAIL_NAME).everyRegion()
                    .because("a logging trail with a log group delivers again")
            .on("aws.logs", "DeleteLogGroup").naming(Extractors.LOG_GROUP_NAME).disablesEvidence()
                    .because("deleting the trail's log group stops the delivery")
            .on("aws.logs", "CreateLogGroup").naming(Extractors.LOG_GROUP_NAME)
                    .because("recreating the trail's log group lets the delivery resume")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        String region = ctx.region();
        CloudTrailInventory cloudTrail = TrailChecks.cloudTrail(ctx);
        List<Trail> candidates = cloudTrail.trails().stream()
                .filter(t -> t.cloudWatchLogsLogGroupArn().isPresent()).toList();
        if (candidates.isEmpty()) {
            return List.of(ctx.fail(ctx.regionResourceId(), "No trail recording " + region + " delivers to CloudWatch "
                    + "Logs" + (cloudTrail.trails().isEmpty() ? " (there is no trail at all)" : "") + ", so recent "
                    + "activity cannot be queried with Logs Insights nor alarmed on. Configure it: aws cloudtrail "
                    + "update-trail --name <trail-arn> --cloud-watch-logs-log-group-arn <log-group-arn> "
                    + "--cloud-watch-logs-role-arn <role-arn>."));
        }
        TrailChecks.Judged judged = TrailChecks.firstPassing(candidates, trail -> {
            TrailStatus status = cloudTrail.status(trail.arn());
            String group = trail.cloudWatchLogsLogGroupArn().orElseThrow();
            if (!status.logging()) {
                return TrailChecks.Verdict.fails(trail, "is not logging");
            }
            if (status.currentCloudWatchLogsDeliveryError().isPresent()) {
                return TrailChecks.Verdict.fails(trail, "cannot deliver to " + group + " (latest CloudWatch Logs "
                        + "delivery error: " + status.currentCloudWatchLogsDeliveryError().get() + ")");
            }
            if (status.latestCloudWatchLogsDeliveryTime().isEmpty()) {
                return TrailChecks.Verdict.fails(trail, "has never delivered to " + group);
            }
            Instant last = status.latestCloudWatchLogsDeliveryTime().get();
            if (last.isBefore(ctx.observedAt().minus(MAX_DELIVERY_AGE))) {
                return TrailChecks.Verdict.fails(trail, "last delivered to " + group + " at " + last
                        + ", more than 24 hours ago");
            }
            if (isLocal(ctx, group) && ctx.service(LogsInventory.class).logGroup(logGroupName(group)).isEmpty()) {
                return TrailChecks.Verdict.fails(trail, "delivers to log group " + group + ", which does not exist");
            }
            return TrailChecks.Verdict.ok(trail);
        });
        if (judged.passing().isPresent()) {
            Trail trail = judged.passing().get();
            String also = judged.failing().isEmpty() ? "" : " Also judged: " + judged.problems(region) + ".";
            return List.of(ctx.pass(ctx.regionResourceId(), "Trail " + TrailChecks.describe(trail, region)
                    + " delivers to CloudWatch Logs group " + trail.cloudWatchLogsLogGroupArn().orElseThrow()
                    + " (last delivery within 24 hours, no error)." + also));
        }
        return List.of(ctx.fail(ctx.regionResourceId(), "No logging trail recording " + region + " delivers to "
                + "CloudWatch Logs: " + judged.problems(region) + ". Check the trail's CloudWatch Logs role "
                + "(it needs logs:CreateLogStream and logs:PutLogEvents on the group) and that the group exists."));
    }

    private static boolean isLocal(CheckContext ctx, String logGroupArn) {
        return ctx.region().equals(ResourceIds.regionOf(logGroupArn))
                && ctx.account().equals(ResourceIds.accountOf(logGroupArn));
    }

    /** {@code arn:aws:logs:r:a:log-group:NAME:*} → {@code NAME}. */
    static String logGroupName(String logGroupArn) {
        String resource = logGroupArn.split(":", 6)[5];
        String name = resource.startsWith("log-group:") ? resource.substring("log-group:".length()) : resource;
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
