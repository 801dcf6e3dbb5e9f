package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.ACCOUNT;
import static io.irready.testing.CheckHarness.REGION_ID;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.LISTING_DENIED_REASON;
import static io.irready.testing.CloudTrailFixtures.cloudTrail;
import static io.irready.testing.CloudTrailFixtures.deliveryError;
import static io.irready.testing.CloudTrailFixtures.denied;
import static io.irready.testing.CloudTrailFixtures.homedIn;
import static io.irready.testing.CloudTrailFixtures.logging;
import static io.irready.testing.CloudTrailFixtures.organizationTrail;
import static io.irready.testing.CloudTrailFixtures.singleRegion;
import static io.irready.testing.CloudTrailFixtures.stopped;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.withoutGlobalEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.testing.CheckHarness;
import io.irready.testing.CloudTrailFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudTrailLoggingAllRegionsCheckTest {
    private final CheckHarness check = CheckHarness.of(new CloudTrailLoggingAllRegionsCheck());

    private Finding only(CloudTrailInventory cloudTrail) {
        Finding f = CheckHarness.only(check.findings(inventory().with(CloudTrailInventory.class, cloudTrail).build()));
        assertThat(f.resourceId()).isEqualTo(REGION_ID);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        return f;
    }

    private static CloudTrailInventory trails(List<Trail> trails, Map<String, TrailStatus> statuses) {
        return CloudTrailInventory.of(trails, statuses, Map.of());
    }

    @Test
    void passesForALoggingMultiRegionTrailWithoutDeliveryError() {
        Trail t = trail("management-trail");
        Finding f = only(cloudTrail(t, logging()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Multi-region trail 'management-trail' "
                + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail) is logging eu-west-1 with no S3 "
                + "delivery error.");
    }

    @Test
    void eventDataStoresNeverSatisfyTheCheckAndItsDocumentationSaysWhy() {
        // the rationale is what docs/CHECKS.md shows under "Why it matters for an investigation"
        assertThat(new CloudTrailLoggingAllRegionsCheck().metadata().rationale()).contains("A CloudTrail Lake event "
                + "data store never satisfies this check: it stores events but does not feed EventBridge");
        // and with no trail at all the region fails, whatever else stores events
        Finding f = only(CloudTrailInventory.of(List.of(), Map.of(), Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aDeliveryErrorOlderThanTheLatestSuccessfulDeliveryIsHistory() {
        Trail t = trail("management-trail");
        Instant attempt = Instant.parse("2026-03-01T11:55:00Z");
        TrailStatus recovered = new TrailStatus(true, java.util.Optional.of("AccessDenied"),
                java.util.Optional.of(attempt.plusMillis(420)), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(attempt),
                java.util.Optional.of(attempt));
        Finding f = only(cloudTrail(t, recovered));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Multi-region trail 'management-trail' "
                + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail) is logging eu-west-1 with no S3 "
                + "delivery error (its reported delivery error, AccessDenied, predates the latest delivery attempt, "
                + "which succeeded at 2026-03-01T11:55:00Z).");
    }

    @Test
    void aDeliveryErrorOfTheLatestAttemptStillFails() {
        Trail t = trail("management-trail");
        Instant attempt = Instant.parse("2026-03-01T11:55:00Z");
        TrailStatus failing = new TrailStatus(true, java.util.Optional.of("AccessDenied"),
                java.util.Optional.of(attempt.minusSeconds(3600)), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(attempt), java.util.Optional.of(attempt.minusSeconds(3600)));
        Finding f = only(cloudTrail(t, failing));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("cannot deliver to bucket 'trail-logs' (latest delivery error: AccessDenied)");
    }

    @Test
    void aShadowTrailHomedElsewhereCountsAndItsStatusIsReadByFullArn() {
        Trail shadow = homedIn(trail("main"), "us-east-1");
        // the inventory answers only to the full ARN: reading the status by name would fail the test
        Finding f = only(cloudTrail(shadow, logging()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Multi-region trail 'main' (arn:aws:cloudtrail:us-east-1:123456789012:trail/main, "
                + "homed in us-east-1) is logging eu-west-1 with no S3 delivery error.");
    }

    @Test
    void anOrganizationTrailCounts() {
        Trail org = organizationTrail(homedIn(trail("org-trail"), "us-east-1"));
        Finding f = only(cloudTrail(org, logging()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Multi-region trail 'org-trail' (arn:aws:cloudtrail:us-east-1:111111111111:"
                + "trail/org-trail, homed in us-east-1, organization trail) is logging eu-west-1 with no S3 delivery error.");
    }

    @Test
    void failsWhenTheOnlyMultiRegionTrailIsStopped() {
        Trail t = trail("management-trail");
        Finding f = only(cloudTrail(t, stopped(Instant.parse("2026-03-01T11:00:00Z"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No multi-region trail is logging eu-west-1 without errors: 'management-trail' "
                + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail) is not logging (stopped at "
                + "2026-03-01T11:00:00Z). Start logging (aws cloudtrail start-logging --name <trail-arn>) and, for a "
                + "delivery error, let CloudTrail write to the bucket (bucket policy, KMS key policy).");
    }

    @Test
    void failsOnAnS3DeliveryError() {
        Trail t = trail("management-trail");
        Finding f = only(cloudTrail(t, deliveryError("AccessDenied")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("No multi-region trail is logging eu-west-1 without errors: 'management-trail' "
                + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail) cannot deliver to bucket "
                + "'trail-logs' (latest delivery error: AccessDenied). Start logging");
    }

    @Test
    void failsWhenNoTrailExists() {
        Finding f = only(trails(List.of(), Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No CloudTrail trail records eu-west-1, so API activity there is not logged "
                + "beyond 90 days of event history. Create a multi-region trail: aws cloudtrail create-trail --name "
                + "<name> --s3-bucket-name <bucket> --is-multi-region-trail --include-global-service-events, then "
                + "start-logging.");
    }

    @Test
    void singleRegionTrailsAndTrailsWithoutGlobalEventsDoNotCount() {
        Trail single = singleRegion(trail("regional"));
        Trail noGlobal = withoutGlobalEvents(trail("no-global"));
        Finding f = only(trails(List.of(single, noGlobal), Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No multi-region trail with global service events records eu-west-1: "
                + "'regional' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/regional) records only eu-west-1; "
                + "'no-global' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/no-global) excludes global service "
                + "events." + SINGLE_REGION_IS_NOT_ENOUGH + " Make one multi-region: aws cloudtrail update-trail --name <trail-arn> --is-multi-region-trail "
                + "--include-global-service-events.");
    }

    private static final String SINGLE_REGION_IS_NOT_ENOUGH = " A single-region trail is not enough: it misses "
            + "global-service events (IAM, STS and other global services are recorded in us-east-1 only) and all "
            + "activity in the account's other regions, where an attacker can then act unrecorded; a multi-region "
            + "trail is the control.";

    @Test
    void aRegionCoveredOnlyByASingleRegionTrailSaysSuchATrailExistsAndWhyItIsNotEnough() {
        Trail single = singleRegion(trail("regional"));
        Finding f = only(trails(List.of(single), Map.of(single.arn(), logging())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No multi-region trail with global service events records eu-west-1: "
                + "'regional' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/regional) records only eu-west-1."
                + SINGLE_REGION_IS_NOT_ENOUGH + " Make one multi-region: aws cloudtrail update-trail --name "
                + "<trail-arn> --is-multi-region-trail --include-global-service-events.");
    }

    @Test
    void withoutASingleRegionTrailTheReasonDoesNotExplainOne() {
        Finding f = only(trails(List.of(withoutGlobalEvents(trail("no-global"))), Map.of()));
        assertThat(f.reason()).doesNotContain("single-region");
    }

    @Test
    void passesWhenAnyCandidatePassesAndNamesTheOthersJudged() {
        Trail stoppedTrail = trail("old");
        Trail good = homedIn(trail("main"), "us-east-1");
        Finding f = only(trails(List.of(stoppedTrail, good),
                Map.of(stoppedTrail.arn(), stopped(Instant.parse("2026-02-01T00:00:00Z")), good.arn(), logging())));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Multi-region trail 'main' (arn:aws:cloudtrail:us-east-1:123456789012:trail/main, "
                + "homed in us-east-1) is logging eu-west-1 with no S3 delivery error. Also judged: 'old' "
                + "(arn:aws:cloudtrail:eu-west-1:123456789012:trail/old) is not logging (stopped at 2026-02-01T00:00:00Z).");
    }

    @Test
    void errorWhenTrailsCannotBeListed() {
        Finding f = only(CloudTrailFixtures.listingDenied());
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo(LISTING_DENIED_REASON);
    }

    @Test
    void errorNotFailWhenTheOnlyCandidatesStatusIsDenied() {
        Trail t = trail("management-trail");
        Finding f = only(new CloudTrailInventory(() -> List.of(t), arn -> {
            throw denied("cloudtrail:GetTrailStatus");
        }, arn -> {
            throw new AssertionError("not needed");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to cloudtrail:GetTrailStatus");
        assertThat(f.account()).isEqualTo(ACCOUNT);
    }
}
