package io.irready.checks.s3;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.logging;
import static io.irready.testing.CloudTrailFixtures.stopped;
import static io.irready.testing.CloudTrailFixtures.trail;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.DataResource;
import io.irready.inventory.cloudtrail.TrailSelectors.EventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.BucketProtection;
import io.irready.inventory.s3.BucketProtection.AccessLogging;
import io.irready.inventory.s3.BucketProtectionInventory;
import io.irready.inventory.s3.BucketProtectionInventory.BucketFacts;
import io.irready.inventory.s3.S3Inventory;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3EvidenceDataEventsTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String TRAIL_LABEL = "'management-trail' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/"
            + "management-trail)";
    private static final Map<String, String> EVIDENCE = Map.of("irready:evidence", "true");
    private static final String DATA = "customer-data";
    private static final String DATA_SUBJECT = "Bucket 'customer-data' (tagged irready:evidence=true)";
    private static final String FIX = " Record data events: aws cloudtrail put-event-selectors --trail-name <trail> "
            + "--advanced-event-selectors with eventCategory Data, resources.type AWS::S3::Object and resources.ARN "
            + "StartsWith arn:aws:s3:::customer-data/; or log access: aws s3api put-bucket-logging --bucket "
            + "customer-data --bucket-logging-status '{\"LoggingEnabled\":{\"TargetBucket\":\"<log-bucket>\","
            + "\"TargetPrefix\":\"customer-data/\"}}'.";
    private final CheckHarness check = CheckHarness.of(new S3EvidenceDataEvents());

    private static BucketFacts bucket(Map<String, String> tags, boolean accessLogging) {
        return bucket("eu-west-1", tags, accessLogging);
    }

    private static BucketFacts bucket(String region, Map<String, String> tags, boolean accessLogging) {
        return new BucketFacts(region, new BucketProtection(BucketProtection.ObjectLock.OFF, false,
                accessLogging ? Optional.of(new AccessLogging("access-logs", "x/")) : Optional.empty()), tags);
    }

    private static TrailSelectors classic(String readWrite, String... values) {
        return new TrailSelectors(List.of(new EventSelector(readWrite, true, List.of(),
                List.of(new DataResource("AWS::S3::Object", List.of(values))))), List.of());
    }

    private static TrailSelectors advanced(FieldSelector... more) {
        List<FieldSelector> fields = new java.util.ArrayList<>(List.of(FieldSelector.equalTo("eventCategory", "Data"),
                FieldSelector.equalTo("resources.type", "AWS::S3::Object")));
        fields.addAll(List.of(more));
        return new TrailSelectors(List.of(), List.of(new AdvancedEventSelector(Optional.of("s3"), fields)));
    }

    private List<Finding> findings(Map<String, BucketFacts> buckets, TrailSelectors selectors, TrailStatus status) {
        return findings(Config.defaults(), buckets, selectors, status);
    }

    private List<Finding> findings(Config config, Map<String, BucketFacts> buckets, TrailSelectors selectors,
                                   TrailStatus status) {
        return check.with(config).findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(TRAIL), Map.of(TRAIL.arn(), status),
                        Map.of(TRAIL.arn(), selectors)))
                .with(BucketProtectionInventory.class, BucketProtectionInventory.of(buckets))
                .with(S3Inventory.class, S3Inventory.of(Map.of())).build());
    }

    private Finding onlyData(TrailSelectors selectors, TrailStatus status) {
        List<Finding> findings = findings(Map.of(DATA, bucket(EVIDENCE, false)), selectors, status);
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo("arn:aws:s3:::customer-data");
        return findings.getFirst();
    }

    @Test
    void aTaggedBucketWithAccessLoggingPasses() {
        Finding f = only(findings(Map.of(DATA, bucket(EVIDENCE, true)), TrailSelectors.allManagementEvents(), logging()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(DATA_SUBJECT + " logs server access to s3://access-logs/x/.");
    }

    @Test
    void theTrailBucketPassesWithDataEventsOfEveryBucket() {
        List<Finding> findings = findings(Map.of("trail-logs", bucket(Map.of(), false)), classic("All", "arn:aws:s3"),
                logging());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.resourceId()).isEqualTo("arn:aws:s3:::trail-logs");
            assertThat(f.reason()).isEqualTo("Bucket 'trail-logs' (logs of trail " + TRAIL_LABEL + ") has its object "
                    + "reads and writes recorded as data events by trail " + TRAIL_LABEL + ".");
        });
    }

    @Test
    void advancedSelectorsNamingTheBucketPass() {
        Finding f = onlyData(advanced(new FieldSelector("resources.ARN", List.of(), List.of(),
                List.of("arn:aws:s3:::customer-data/"), List.of(), List.of(), List.of())), logging());
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWithNeitherDataEventsNorAccessLogging() {
        Finding f = onlyData(TrailSelectors.allManagementEvents(), logging());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(DATA_SUBJECT + " has neither CloudTrail data events nor server access "
                + "logging: nobody can tell who read, copied or deleted its objects." + FIX);
    }

    @Test
    void writeOnlyDataEventsRecordOnlyPartOfTheAccess() {
        Finding f = onlyData(advanced(FieldSelector.equalTo("readOnly", "false")), logging());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(DATA_SUBJECT + " has no server access logging and its object access is only "
                + "partly recorded: trail " + TRAIL_LABEL + " records only object writes." + FIX);
    }

    @Test
    void aStoppedTrailRecordsNothing() {
        Finding f = onlyData(classic("All", "arn:aws:s3:::customer-data/"), stopped(Instant.parse("2026-02-28T00:00:00Z")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(DATA_SUBJECT + " has no server access logging and its object access is only "
                + "partly recorded: trail " + TRAIL_LABEL + " selects its data events but is not logging." + FIX);
    }

    @Test
    void selectorsExcludingTheBucketOrCoveringAnotherDoNotCount() {
        assertThat(onlyData(advanced(new FieldSelector("resources.ARN", List.of(), List.of(), List.of(),
                List.of("arn:aws:s3:::customer-data/"), List.of(), List.of())), logging()).status()).isEqualTo(Status.FAIL);
        assertThat(onlyData(classic("All", "arn:aws:s3:::other-bucket/"), logging()).status()).isEqualTo(Status.FAIL);
        assertThat(onlyData(classic("All", "arn:aws:s3:::customer-data/reports/"), logging()).status())
                .isEqualTo(Status.FAIL);
        assertThat(onlyData(advanced(FieldSelector.equalTo("eventName", "PutObject")), logging()).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void untaggedBucketsAndBucketsOfOtherRegionsAreNotApplicableHereAndGetNoFinding() {
        assertThat(findings(Map.of("scratch", bucket(Map.of("irready:evidence", "false"), false),
                        "eu-data", bucket("us-east-1", EVIDENCE, false)), TrailSelectors.allManagementEvents(), logging()))
                .isEmpty();
    }

    @Test
    void theTagComesFromTheConfiguration() {
        Config config = Config.builder().evidenceBucketTag("classification").build();
        List<Finding> findings = findings(config, Map.of(DATA, bucket(Map.of("classification", "pii"), true),
                "other", bucket(EVIDENCE, true)), TrailSelectors.allManagementEvents(), logging());
        assertThat(findings).singleElement().extracting(Finding::reason)
                .isEqualTo("Bucket 'customer-data' (tagged classification) logs server access to s3://access-logs/x/.");
    }

    @Test
    void aTrailBucketOfAnotherAccountIsNotApplicable() {
        List<Finding> findings = check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(TRAIL), Map.of(), Map.of()))
                .with(BucketProtectionInventory.class, BucketProtectionInventory.of(Map.of()))
                .with(S3Inventory.class, S3Inventory.of(Map.of("trail-logs", new S3Inventory.BucketFacts(
                        BucketOwnership.OTHER_ACCOUNT, BucketExposure.privateBucket(), List.of())))).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(f.resourceId()).isEqualTo("arn:aws:s3:::trail-logs");
            assertThat(f.reason()).isEqualTo("Bucket 'trail-logs' (logs of trail " + TRAIL_LABEL + ") is owned by "
                    + "another account (e.g. a central log archive); who reads its objects is judged in that account.");
        });
    }

    @Test
    void deniedTaggingIsAnErrorOnThatBucket() {
        BucketProtectionInventory buckets = new BucketProtectionInventory(() -> Map.of(DATA, "eu-west-1"),
                b -> BucketProtection.none(), b -> Optional.empty(), b -> {
                    throw denied("s3:GetBucketTagging", "AccessDenied", "Access Denied");
                });
        List<Finding> findings = check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(), Map.of(), Map.of()))
                .with(BucketProtectionInventory.class, buckets).with(S3Inventory.class, S3Inventory.of(Map.of())).build());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("arn:aws:s3:::customer-data");
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to s3:GetBucketTagging (AccessDenied): "
                    + "grant s3:GetBucketTagging to irready's role: Access Denied");
        });
    }

    private static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }
}
