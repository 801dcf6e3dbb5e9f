package io.irready.checks.s3;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.events.Extractors;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
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
import java.util.Optional;

/**
 * {@code s3-evidence-data-events}: buckets that hold sensitive data or evidence — this account's buckets
 * carrying {@code Config.evidenceBucketTag} (default {@code irready:evidence=true}) and the trail buckets —
 * record who read and wrote their objects: CloudTrail S3 data events for both reads and writes, from a
 * logging trail (see {@link DataEventCoverage}), or server access logging. One finding per bucket
 * ({@code arn:aws:s3:::<bucket>}), judged in the bucket's region — or, when the configured regions leave
 * it out, the first configured one. A trail bucket owned by another account is NOT_APPLICABLE (judged
 * where its trail is homed); a trail bucket that does not exist is left to {@code cloudtrail-bucket-retention}.
 */
public final class S3EvidenceDataEvents implements Check, Routed {
    public static final String ID = "s3-evidence-data-events";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Buckets holding evidence or sensitive data record object access (CloudTrail data events or access logs)",
            Severity.MEDIUM,
            "s3",
            "AWS::S3::Bucket",
            Granularity.RESOURCE,
            "Management events say who changed a bucket, not who downloaded its objects: without S3 data events or "
                    + "server access logs the investigator cannot tell whether sensitive data was exfiltrated, nor "
                    + "who read or deleted the trail's own log files.",
            new Remediation(
                    "CloudTrail console → the trail → Data events → Add data event type S3 → log all events for the "
                            + "bucket (or all buckets); or S3 console → the bucket → Properties → Server access "
                            + "logging → Enable.",
                    "aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors "
                            + "'[{\"Name\":\"evidence\",\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":"
                            + "[\"Data\"]},{\"Field\":\"resources.type\",\"Equals\":[\"AWS::S3::Object\"]},{\"Field\":"
                            + "\"resources.ARN\",\"StartsWith\":[\"arn:aws:s3:::<bucket>/\"]}]}]'; or aws s3api "
                            + "put-bucket-logging --bucket <bucket> --bucket-logging-status '{\"LoggingEnabled\":"
                            + "{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\"<bucket>/\"}}'"),
            List.of(CloudTrailCollector.LIST_TRAILS, CloudTrailCollector.DESCRIBE_TRAILS,
                    CloudTrailCollector.GET_TRAIL_STATUS, CloudTrailCollector.GET_EVENT_SELECTORS,
                    S3Collector.LIST_ALL_MY_BUCKETS, S3Collector.HEAD_BUCKET, S3Collector.GET_BUCKET_LOCATION,
                    BucketProtectionCollector.GET_BUCKET_TAGGING, BucketProtectionCollector.GET_BUCKET_LOGGING),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.8", "CIS AWS Foundations v4.0.0 3.9",
                            "CIS AWS Foundations v3.0.0 3.8", "CIS AWS Foundations v3.0.0 3.9"),
                    List.of("S3.22", "S3.23", "S3.9"),
                    List.of(),
                    List.of("T1530", "T1537", "T1485")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            // Not StopLogging/StartLogging: they change this verdict too, but the stopped trail is already a
            // CRITICAL alert of cloudtrail-logging-all-regions on that path, which must stay a few calls long
            // (reading every bucket's tags would more than double it); the sweeps re-judge the buckets.
            .on("aws.cloudtrail", "PutEventSelectors", "DeleteTrail").disablesEvidence().everyRegion()
                    .because("narrowed selectors or a deleted trail stop recording object access to every bucket "
                            + "the trail covered (the event names a trail: the region is re-judged)")
            .on("aws.s3", "PutBucketLogging").naming(Extractors.BUCKET_NAME).disablesEvidence().everyRegion()
                    .because("server access logging turned off (or on); the event comes from the bucket's region")
            .on("aws.s3", "PutBucketTagging").naming(Extractors.BUCKET_NAME).everyRegion()
                    .because("the evidence tag added to (or removed from) a bucket selects it (or no longer does)")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    /** Why a bucket is judged: the evidence tag, the trails it receives logs from, or both. */
    private record Selected(boolean tagged, List<Trail> trails) {
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        BucketProtectionInventory buckets = ctx.service(BucketProtectionInventory.class);
        List<Trail> trails = ctx.service(CloudTrailInventory.class).trails();
        Map<String, String> owned = buckets.ownedBuckets();
        Map<String, Selected> selected = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (String bucket : buckets.ownedBucketNames()) {
            String id = bucketArn(ctx.region(), bucket);
            if (!judgedHere(ctx, owned.get(bucket)) || !ctx.scope().includes(id)) {
                continue;
            }
            List<Trail> delivering = trails.stream().filter(t -> bucket.equals(t.s3BucketName())).toList();
            try {
                boolean tagged = ctx.config().marksEvidence(buckets.tags(bucket));
                if (tagged || !delivering.isEmpty()) {
                    selected.put(bucket, new Selected(tagged, delivering));
                }
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(id, e));
            }
        }
        notOwnedTrailBuckets(ctx, trails, owned, findings);
        selected.forEach((bucket, why) -> {
            String id = bucketArn(ctx.region(), bucket);
            try {
                findings.add(judge(ctx, id, bucket, owned.get(bucket), why, trails));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(id, e));
            }
        });
        return findings;
    }

    /** Trail buckets this account does not own: NOT_APPLICABLE when another account's, nothing when missing. */
    private static void notOwnedTrailBuckets(CheckContext ctx, List<Trail> trails, Map<String, String> owned,
                                             List<Finding> findings) {
        Map<String, List<Trail>> byBucket = new LinkedHashMap<>();
        trails.stream().filter(t -> !owned.containsKey(t.s3BucketName()) && judgedHere(ctx, t.homeRegion()))
                .forEach(t -> byBucket.computeIfAbsent(t.s3BucketName(), b -> new ArrayList<>()).add(t));
        byBucket.forEach((bucket, delivering) -> {
            String id = bucketArn(ctx.region(), bucket);
            if (!ctx.scope().includes(id)) {
                return;
            }
            try {
                if (ctx.service(S3Inventory.class).ownership(bucket) == BucketOwnership.OTHER_ACCOUNT) {
                    findings.add(ctx.notApplicable(id, subject(bucket, new Selected(false, delivering), ctx)
                            + " is owned by another account (e.g. a central log archive); who reads its objects is "
                            + "judged in that account."));
                }
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(id, e));
            }
        });
    }

    /** A bucket is judged in its own region, or in the first configured region when that one is not scanned. */
    private static boolean judgedHere(CheckContext ctx, String bucketRegion) {
        List<String> configured = ctx.config().regions();
        String judging = configured.isEmpty() || configured.contains(bucketRegion)
                ? bucketRegion : configured.getFirst();
        return ctx.region().equals(judging);
    }

    static String bucketArn(String region, String bucket) {
        return "arn:" + ResourceIds.partition(region) + ":s3:::" + bucket;
    }

    private static String subject(String bucket, Selected why, CheckContext ctx) {
        List<String> notes = new ArrayList<>();
        if (why.tagged()) {
            notes.add("tagged " + ctx.config().evidenceBucketTag());
        }
        if (!why.trails().isEmpty()) {
            notes.add("logs of trail " + String.join(", ", why.trails().stream().map(Trail::label).toList()));
        }
        return "Bucket '" + bucket + "' (" + String.join("; ", notes) + ")";
    }

    private static Finding judge(CheckContext ctx, String id, String bucket, String bucketRegion, Selected why,
                                 List<Trail> trails) {
        String subject = subject(bucket, why, ctx);
        Optional<BucketProtection.AccessLogging> logging =
                ctx.service(BucketProtectionInventory.class).accessLogging(bucket);
        if (logging.isPresent()) {
            BucketProtection.AccessLogging l = logging.get();
            return ctx.pass(id, subject + " logs server access to s3://" + l.targetBucket() + "/" + l.targetPrefix()
                    + ".");
        }
        CloudTrailInventory cloudTrail = ctx.service(CloudTrailInventory.class);
        String arn = bucketArn(ctx.region(), bucket);
        DataEventCoverage total = DataEventCoverage.NONE;
        List<String> partial = new ArrayList<>();
        for (Trail trail : trails) {
            if (!trail.recordsRegion(bucketRegion)) {
                continue;
            }
            DataEventCoverage c = DataEventCoverage.of(cloudTrail.selectors(trail.arn()), arn);
            if (!c.any()) {
                continue;
            }
            if (!cloudTrail.status(trail.arn()).logging()) {
                partial.add("trail " + trail.label() + " selects its data events but is not logging");
                continue;
            }
            if (c.complete()) {
                return ctx.pass(id, subject + " has its object reads and writes recorded as data events by trail "
                        + trail.label() + ".");
            }
            partial.add("trail " + trail.label() + " records only object " + (c.reads() ? "reads" : "writes"));
            total = total.plus(c);
        }
        if (total.complete()) {
            return ctx.pass(id, subject + " has its object reads and writes recorded as data events ("
                    + String.join("; ", partial) + ").");
        }
        String fix = " Record data events: aws cloudtrail put-event-selectors --trail-name <trail> "
                + "--advanced-event-selectors with eventCategory Data, resources.type AWS::S3::Object and "
                + "resources.ARN StartsWith " + arn + "/; or log access: aws s3api put-bucket-logging --bucket " + bucket
                + " --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\",\"TargetPrefix\":\""
                + bucket + "/\"}}'.";
        if (!partial.isEmpty()) {
            return ctx.fail(id, subject + " has no server access logging and its object access is only partly "
                    + "recorded: " + String.join("; ", partial) + "." + fix);
        }
        return ctx.fail(id, subject + " has neither CloudTrail data events nor server access logging: nobody can "
                + "tell who read, copied or deleted its objects." + fix);
    }
}
