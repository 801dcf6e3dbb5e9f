package io.irready.checks.cloudtrail;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Extractors;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.BucketProtection;
import io.irready.inventory.s3.BucketProtectionCollector;
import io.irready.inventory.s3.BucketProtectionInventory;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cloudtrail-bucket-integrity}: one finding per trail bucket, judged where
 * {@link CloudTrailBucketRetentionCheck} judges it. Passes when the log files cannot be deleted early —
 * S3 Object Lock on with a default retention rule (CloudTrail sets no retention on the objects it writes,
 * so Object Lock without a default protects nothing), or MFA delete — <b>and</b> server access logging
 * records who read or deleted them (CIS 3.4). Retention and exposure are the retention check's. A bucket
 * that does not exist is left to that check; one owned by another account is NOT_APPLICABLE.
 */
public final class CloudTrailBucketIntegrityCheck implements Check, Routed {
    public static final String ID = "cloudtrail-bucket-integrity";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "The trail bucket resists deletion (Object Lock or MFA delete) and records access to the logs",
            Severity.MEDIUM,
            "s3",
            "AWS::S3::Bucket",
            Granularity.RESOURCE,
            "An attacker with the bucket owner's permissions can delete the trail's log files outright; Object Lock "
                    + "(or MFA delete) makes that impossible within the retention period, and server access logging "
                    + "tells the investigator who read, downloaded or tried to delete the evidence — requests the "
                    + "trail itself does not record unless it logs data events.",
            new Remediation(
                    "S3 console → the trail bucket → Properties → Object Lock → Edit → default retention (Governance "
                            + "or Compliance, at least the retention threshold); Properties → Server access logging → "
                            + "Enable, to a separate log bucket.",
                    "aws s3api put-object-lock-configuration --bucket <bucket> --object-lock-configuration "
                            + "'{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":{\"Mode\":"
                            + "\"GOVERNANCE\",\"Days\":365}}}'; aws s3api put-bucket-logging --bucket <bucket> "
                            + "--bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\","
                            + "\"TargetPrefix\":\"<bucket>/\"}}'"),
            TrailChecks.permissions(S3Collector.LIST_ALL_MY_BUCKETS, S3Collector.HEAD_BUCKET,
                    S3Collector.GET_BUCKET_LOCATION, BucketProtectionCollector.GET_OBJECT_LOCK_CONFIGURATION,
                    BucketProtectionCollector.GET_BUCKET_VERSIONING, BucketProtectionCollector.GET_BUCKET_LOGGING),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.4", "CIS AWS Foundations v3.0.0 3.4"),
                    List.of("CloudTrail.7"),
                    List.of(),
                    List.of("T1070", "T1485", "T1530")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "UpdateTrail", "DeleteTrail").disablesEvidence().everyRegion()
                    .because("a trail call can move a trail off its bucket: only a region evaluation re-judges (and "
                            + "closes) the old bucket's finding as well as the new one's")
            .on("aws.cloudtrail", "CreateTrail").everyRegion()
                    .because("a new trail's bucket is judged")
            .on("aws.s3", "PutBucketVersioning", "PutBucketLogging").naming(Extractors.BUCKET_NAME)
                    .disablesEvidence().everyRegion()
                    .because("suspending MFA delete or turning access logging off lets the logs go, or be read, "
                            + "unrecorded; the event comes from the bucket's region, the bucket is judged in its trail's")
            .on("aws.s3", "PutObjectLockConfiguration").naming(Extractors.BUCKET_NAME).everyRegion()
                    .because("a default retention rule locks new log files")
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
        Map<String, List<Trail>> byBucket = new LinkedHashMap<>();
        for (Trail trail : TrailChecks.cloudTrail(ctx).trails()) {
            String id = CloudTrailBucketRetentionCheck.bucketArn(ctx.region(), trail.s3BucketName());
            if (TrailChecks.isJudgedHere(ctx, trail) && ctx.scope().includes(id)) {
                byBucket.computeIfAbsent(trail.s3BucketName(), b -> new ArrayList<>()).add(trail);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byBucket.forEach((bucket, trails) -> {
            String id = CloudTrailBucketRetentionCheck.bucketArn(ctx.region(), bucket);
            try {
                findings.add(judge(ctx, id, bucket, trails));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(id, e));
            }
        });
        return findings;
    }

    private static Finding judge(CheckContext ctx, String id, String bucket, List<Trail> trails) {
        String subject = "Bucket '" + bucket + "' (logs of trail " + String.join(", ",
                trails.stream().map(Trail::label).toList()) + ")";
        BucketOwnership ownership = ctx.service(S3Inventory.class).ownership(bucket);
        if (ownership == BucketOwnership.OTHER_ACCOUNT) {
            return ctx.notApplicable(id, subject + " is owned by another account (e.g. a central log archive); "
                    + "its integrity is judged in that account.");
        }
        if (ownership == BucketOwnership.MISSING) {
            return ctx.fail(id, subject + " does not exist: there are no log files to protect (see "
                    + CloudTrailBucketRetentionCheck.ID + ").");
        }
        BucketProtection p = ctx.service(BucketProtectionInventory.class).protection(bucket);
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        BucketProtection.ObjectLock lock = p.objectLock();
        if (!lock.locksNewObjects() && !p.mfaDelete()) {
            problems.add(lock.enabled()
                    ? "has Object Lock on but no default retention rule, so the log files CloudTrail writes are not "
                            + "locked, and no MFA delete"
                    : "has neither Object Lock nor MFA delete, so anyone with s3:DeleteObject can erase the logs");
            fixes.add("Lock new log files: aws s3api put-object-lock-configuration --bucket " + bucket
                    + " --object-lock-configuration '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":"
                    + "{\"Mode\":\"GOVERNANCE\",\"Days\":" + ctx.config().retentionDays() + "}}}'.");
        }
        if (p.accessLogging().isEmpty()) {
            problems.add("has no server access logging, so reads and deletions of the logs leave no record");
            fixes.add("Log access: aws s3api put-bucket-logging --bucket " + bucket + " --bucket-logging-status "
                    + "'{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"" + bucket + "/\"}}'.");
        }
        if (!problems.isEmpty()) {
            return ctx.fail(id, subject + " " + String.join(" and ", problems) + ". " + String.join(" ", fixes));
        }
        String protection = lock.locksNewObjects()
                ? "locks new log files (Object Lock, " + lock.defaultMode().orElseThrow() + " for "
                        + lock.defaultPeriod().orElseThrow() + ")"
                : "requires MFA to delete log versions (MFA delete)";
        BucketProtection.AccessLogging logging = p.accessLogging().orElseThrow();
        return ctx.pass(id, subject + " " + protection + " and logs access to s3://" + logging.targetBucket() + "/"
                + logging.targetPrefix() + ".");
    }
}
