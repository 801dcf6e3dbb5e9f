package io.irready.checks.cloudtrail;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.FailureText;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.LifecycleRule;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cloudtrail-bucket-retention}: one finding per trail bucket ({@code arn:aws:s3:::<bucket>}),
 * for the trails judged in this region (their home region; see {@link CloudTrailLogFileValidationCheck}).
 * Passes when the bucket exists, is not public (its own public access block, policy status and ACL, with the
 * account-level S3 Block Public Access applied on top: all four account settings on keep any bucket private;
 * an unreadable account setting is an ERROR, never a PASS), and no
 * enabled lifecycle rule that reaches the trails' log keys ({@code [prefix/]AWSLogs/}) expires
 * current objects sooner than the retention threshold (default 365 days) or on a fixed date. A
 * 1-day expiration rule is how Stratus Red Team's {@code aws.defense-evasion.cloudtrail-lifecycle-rule}
 * erases the trail. A bucket owned by another account (a central log archive) is NOT_APPLICABLE:
 * its retention is judged in that account.
 */
public final class CloudTrailBucketRetentionCheck implements Check, Routed {
    public static final String ID = "cloudtrail-bucket-retention";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "The trail bucket exists, is not public, and keeps logs for at least the retention threshold",
            Severity.HIGH,
            "s3",
            "AWS::S3::Bucket",
            Granularity.RESOURCE,
            "Intrusions are typically discovered weeks or months later; a lifecycle rule that expires trail logs "
                    + "early (an attacker's 1-day rule deletes them all within a day) or a missing bucket leaves "
                    + "nothing to investigate, and a public bucket hands the account's activity to anyone.",
            new Remediation(
                    "S3 console → the trail bucket → Management → Lifecycle rules: remove or lengthen rules that "
                            + "expire objects under AWSLogs/; Permissions → Block public access: turn all four on.",
                    "aws s3api get-bucket-lifecycle-configuration --bucket <bucket>; then "
                            + "aws s3api put-bucket-lifecycle-configuration (rules ≥ the threshold) or "
                            + "aws s3api delete-bucket-lifecycle --bucket <bucket>; aws s3api put-public-access-block "
                            + "--bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,"
                            + "IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"),
            TrailChecks.permissions(S3Collector.LIST_ALL_MY_BUCKETS, S3Collector.HEAD_BUCKET,
                    S3Collector.GET_BUCKET_LOCATION, S3Collector.GET_PUBLIC_ACCESS_BLOCK,
                    S3Collector.GET_BUCKET_POLICY_STATUS, S3Collector.GET_BUCKET_ACL, S3Collector.GET_LIFECYCLE,
                    S3Collector.GET_ACCOUNT_PUBLIC_ACCESS_BLOCK),
            new References(
                    List.of("CIS AWS Foundations v1.4.0 3.3"),
                    List.of("CloudTrail.6"),
                    List.of("aws.defense-evasion.cloudtrail-lifecycle-rule"),
                    List.of("T1070", "T1485", "T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "UpdateTrail", "DeleteTrail").disablesEvidence().everyRegion()
                    .because("a trail call can move a trail off its bucket: only a region evaluation re-judges (and "
                            + "closes) the old bucket's finding as well as the new one's")
            .on("aws.cloudtrail", "CreateTrail").everyRegion()
                    .because("a new trail's bucket is judged")
            .on("aws.s3", "PutBucketLifecycle", "PutBucketLifecycleConfiguration", "PutBucketPolicy",
                    "DeleteBucketPolicy", "DeleteBucket").naming(Extractors.BUCKET_NAME).disablesEvidence().everyRegion()
                    .because("a lifecycle rule can expire trail logs early, a policy can make them public or the "
                            + "bucket can go; the event comes from the bucket's region, the bucket is judged in its "
                            + "trail's")
            .on("aws.s3", "DeleteBucketLifecycle", "PutBucketAcl", "PutBucketPublicAccessBlock",
                    "DeleteBucketPublicAccessBlock").naming(Extractors.BUCKET_NAME).everyRegion()
                    .because("removing a lifecycle rule restores retention; ACLs and public access blocks change "
                            + "whether the logs are public")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    /** The canonical id of a bucket: {@code arn:<partition>:s3:::<bucket>}. */
    public static String bucketArn(String region, String bucket) {
        return "arn:" + ResourceIds.partition(region) + ":s3:::" + bucket;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<Trail>> byBucket = new LinkedHashMap<>();
        for (Trail trail : TrailChecks.cloudTrail(ctx).trails()) {
            String id = bucketArn(ctx.region(), trail.s3BucketName());
            if (TrailChecks.isJudgedHere(ctx, trail) && ctx.scope().includes(id)) {
                byBucket.computeIfAbsent(trail.s3BucketName(), b -> new ArrayList<>()).add(trail);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byBucket.forEach((bucket, trails) -> {
            String id = bucketArn(ctx.region(), bucket);
            try {
                findings.add(judge(ctx, id, bucket, trails));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(id, e));
            }
        });
        return findings;
    }

    private static Finding judge(CheckContext ctx, String id, String bucket, List<Trail> trails) {
        S3Inventory s3 = ctx.service(S3Inventory.class);
        String subject = "Bucket '" + bucket + "' (logs of trail " + String.join(", ",
                trails.stream().map(Trail::label).toList()) + ")";
        BucketOwnership ownership = s3.ownership(bucket);
        if (ownership == BucketOwnership.MISSING) {
            return ctx.fail(id, subject + " does not exist: CloudTrail cannot deliver log files. Create it with a "
                    + "CloudTrail bucket policy, or point the trail at an existing bucket: aws cloudtrail update-trail "
                    + "--name <trail-arn> --s3-bucket-name <bucket>.");
        }
        if (ownership == BucketOwnership.OTHER_ACCOUNT) {
            return ctx.notApplicable(id, subject + " is owned by another account (e.g. a central log archive); "
                    + "its retention and exposure are judged in that account.");
        }
        int threshold = ctx.config().retentionDays();
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        BucketExposure own = s3.exposure(bucket);
        BucketExposure exposure = own;
        AwsCallFailedException accountUnread = null;
        if (own.isPublic()) {
            // only the account-level block can still close what the bucket's own settings leave open
            try {
                exposure = own.underAccountBlock(s3.accountPublicAccessBlock());
            } catch (AwsCallFailedException e) {
                accountUnread = e;
            }
        }
        if (accountUnread == null && exposure.isPublic()) {
            problems.add("is public (" + String.join("; ", exposure.publicBecause()) + ")");
            fixes.add("Block public access: aws s3api put-public-access-block --bucket " + bucket
                    + " --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,"
                    + "BlockPublicPolicy=true,RestrictPublicBuckets=true.");
        }
        for (LifecycleRule rule : s3.lifecycleRules(bucket)) {
            List<String> reached = trails.stream().map(Trail::logKeyPrefix).distinct()
                    .filter(rule::appliesUnder).toList();
            if (reached.isEmpty() || !rule.expiresCurrentObjects()) {
                continue;
            }
            String name = rule.id().isEmpty() ? "a lifecycle rule" : "lifecycle rule '" + rule.id() + "'";
            if (rule.expirationDate().isPresent()) {
                problems.add("has " + name + " that expires objects under " + reached.getFirst() + " on "
                        + rule.expirationDate().get());
            } else if (rule.expirationDays().get() < threshold) {
                int days = rule.expirationDays().get();
                problems.add("has " + name + " that expires objects under " + reached.getFirst() + " after " + days
                        + (days == 1 ? " day" : " days") + ", sooner than the " + threshold + "-day retention");
            }
        }
        if (problems.size() > fixes.size()) {
            fixes.add("Remove or lengthen the rule: aws s3api put-bucket-lifecycle-configuration --bucket " + bucket
                    + " with expirations of at least " + threshold + " days, or aws s3api delete-bucket-lifecycle "
                    + "--bucket " + bucket + ".");
        }
        if (accountUnread != null) {
            if (problems.isEmpty()) {
                throw accountUnread; // public or not is unknown: ERROR, never a PASS
            }
            fixes.add("Whether it is public is unknown: its own settings allow public access and the account-level "
                    + "Block Public Access could not be read (" + FailureText.clean(accountUnread.getMessage()) + ").");
        }
        if (!problems.isEmpty()) {
            return ctx.fail(id, subject + " " + String.join(" and ", problems) + ". " + String.join(" ", fixes));
        }
        String blockedByAccount = own.isPublic() ? " (the account-level Block Public Access blocks what its own "
                + "settings allow: " + String.join("; ", own.publicBecause()) + ")" : "";
        return ctx.pass(id, subject + " is not public" + blockedByAccount + " and no lifecycle rule expires its trail "
                + "logs sooner than " + threshold + " days.");
    }
}
