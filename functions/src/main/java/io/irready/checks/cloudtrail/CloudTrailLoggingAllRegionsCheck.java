package io.irready.checks.cloudtrail;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.List;

/**
 * {@code cloudtrail-logging-all-regions}: one finding per account and region. Passes when a
 * multi-region trail that includes global service events records the region, is logging
 * ({@code GetTrailStatus} by full ARN, which shadow and organization trails need) and reports no
 * S3 delivery error. Shadow copies of trails homed elsewhere and organization trails count: they
 * do record this region. No trail at all is a FAIL — the region is unrecorded. An S3 delivery error
 * that a later successful delivery attempt made history does not count (see {@link TrailStatus}).
 * A CloudTrail Lake event data store does not count either: EventBridge receives CloudTrail's API
 * call events only from a logging trail.
 */
public final class CloudTrailLoggingAllRegionsCheck implements Check, Routed {
    public static final String ID = "cloudtrail-logging-all-regions";
    private static final String GLOBAL_EVENTS_REGION = "us-east-1";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "A multi-region CloudTrail trail with global service events is logging and delivering to S3",
            Severity.CRITICAL,
            "cloudtrail",
            "AWS::::Account",
            Granularity.ACCOUNT_REGION,
            "CloudTrail is the record of who did what: without a logging multi-region trail, API calls in this "
                    + "region (including an attacker's StopLogging or DeleteTrail) leave no durable trace beyond "
                    + "90 days of event history, and global services such as IAM and STS are missed. A CloudTrail "
                    + "Lake event data store never satisfies this check: it stores events but does not feed "
                    + "EventBridge, whose \"AWS API Call via CloudTrail\" events (irready's own alerts, and any rule "
                    + "that alarms on StopLogging or DeleteTrail) exist only while a trail is logging.",
            new Remediation(
                    "CloudTrail console → Trails → open (or create) a trail → set 'Multi-region trail' and "
                            + "'Include global service events', then 'Start logging'; fix the bucket policy if S3 "
                            + "delivery reports an error.",
                    "aws cloudtrail update-trail --name <trail-arn> --is-multi-region-trail "
                            + "--include-global-service-events && aws cloudtrail start-logging --name <trail-arn>"),
            TrailChecks.permissions(CloudTrailCollector.GET_TRAIL_STATUS),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.1", "CIS AWS Foundations v3.0.0 3.1"),
                    List.of("CloudTrail.1", "CloudTrail.3"),
                    List.of("aws.defense-evasion.cloudtrail-stop", "aws.defense-evasion.cloudtrail-delete"),
                    List.of("T1562.008", "T1078.004")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "StopLogging", "DeleteTrail", "UpdateTrail").naming(Extractors.TRAIL_NAME)
                    .disablesEvidence().everyRegion()
                    .because("a multi-region trail that stops, goes away or is narrowed (UpdateTrail can drop regions "
                            + "or global service events) blinds every region it covered; the call is made in the "
                            + "trail's home region")
            .on("aws.cloudtrail", "StartLogging", "CreateTrail").naming(Extractors.TRAIL_NAME).everyRegion()
                    .because("a trail that starts logging, or a new multi-region trail, can cover every region again")
            .on("aws.organizations", "LeaveOrganization", "DisableAWSServiceAccess").disablesEvidence().everyRegion()
                    .because("leaving the organization, or revoking CloudTrail's trusted access, removes the "
                            + "organization trail that may be the only one logging")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    /** A delivery error that a later successful attempt made history is named, not counted. */
    private static String pastError(TrailStatus status) {
        if (!status.deliveryErrorIsHistory()) {
            return "";
        }
        return " (its reported delivery error, " + status.latestDeliveryError().orElseThrow() + ", predates the "
                + "latest delivery attempt, which succeeded at " + status.latestDeliveryAttemptTime().orElseThrow() + ")";
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        String region = ctx.region();
        List<Trail> all = TrailChecks.cloudTrail(ctx).trails();
        if (all.isEmpty()) {
            return List.of(ctx.fail(ctx.regionResourceId(), "No CloudTrail trail records " + region
                    + ", so API activity there is not logged beyond 90 days of event history. Create a multi-region "
                    + "trail: aws cloudtrail create-trail --name <name> --s3-bucket-name <bucket> "
                    + "--is-multi-region-trail --include-global-service-events, then start-logging."));
        }
        List<Trail> candidates = TrailChecks.multiRegionTrails(ctx);
        if (candidates.isEmpty()) {
            String judged = String.join("; ", all.stream().map(t -> TrailChecks.describe(t, region)
                    + (t.multiRegion() ? " excludes global service events" : " records only " + t.homeRegion()))
                    .toList());
            return List.of(ctx.fail(ctx.regionResourceId(), "No multi-region trail with global service events records "
                    + region + ": " + judged + "." + whySingleRegionIsNotEnough(all) + " Make one multi-region: "
                    + "aws cloudtrail update-trail --name <trail-arn> --is-multi-region-trail "
                    + "--include-global-service-events."));
        }
        TrailChecks.Judged judged = TrailChecks.firstPassing(candidates, trail -> {
            TrailStatus status = TrailChecks.cloudTrail(ctx).status(trail.arn());
            if (!status.logging()) {
                return TrailChecks.Verdict.fails(trail, "is not logging"
                        + status.stopLoggingTime().map(t -> " (stopped at " + t + ")").orElse(""));
            }
            if (status.currentDeliveryError().isPresent()) {
                return TrailChecks.Verdict.fails(trail, "cannot deliver to bucket '" + trail.s3BucketName()
                        + "' (latest delivery error: " + status.currentDeliveryError().get() + ")");
            }
            return TrailChecks.Verdict.ok(trail);
        });
        if (judged.passing().isPresent()) {
            String also = judged.failing().isEmpty() ? "" : " Also judged: " + judged.problems(region) + ".";
            Trail passing = judged.passing().get();
            return List.of(ctx.pass(ctx.regionResourceId(), "Multi-region trail "
                    + TrailChecks.describe(passing, region) + " is logging " + region + " with no S3 delivery error"
                    + pastError(TrailChecks.cloudTrail(ctx).status(passing.arn())) + "." + also));
        }
        return List.of(ctx.fail(ctx.regionResourceId(), "No multi-region trail is logging " + region
                + " without errors: " + judged.problems(region) + ". Start logging (aws cloudtrail start-logging "
                + "--name <trail-arn>) and, for a delivery error, let CloudTrail write to the bucket (bucket policy, "
                + "KMS key policy)."));
    }

    /**
     * Where a single-region trail is all a region has, the reason says why it does not pass: a reader who
     * sees a trail logging here would otherwise take the FAIL for a false alarm. Global services (IAM, STS,
     * …) are recorded in us-east-1 only, so only a us-east-1 trail with global service events sees them.
     */
    private static String whySingleRegionIsNotEnough(List<Trail> trails) {
        List<Trail> single = trails.stream().filter(t -> !t.multiRegion()).toList();
        if (single.isEmpty()) {
            return "";
        }
        boolean seesGlobalEvents = single.stream()
                .anyMatch(t -> t.includeGlobalServiceEvents() && GLOBAL_EVENTS_REGION.equals(t.homeRegion()));
        return " A single-region trail is not enough: it misses "
                + (seesGlobalEvents ? "" : "global-service events (IAM, STS and other global services are recorded "
                        + "in " + GLOBAL_EVENTS_REGION + " only) and ")
                + "all activity in the account's other regions, where an attacker can then act unrecorded; a "
                + "multi-region trail is the control.";
    }
}
