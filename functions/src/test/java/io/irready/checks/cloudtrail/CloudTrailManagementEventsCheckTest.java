package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.REGION_ID;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.denied;
import static io.irready.testing.CloudTrailFixtures.logging;
import static io.irready.testing.CloudTrailFixtures.singleRegion;
import static io.irready.testing.CloudTrailFixtures.stopped;
import static io.irready.testing.CloudTrailFixtures.trail;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.EventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.testing.CheckHarness;
import io.irready.testing.CloudTrailFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTrailManagementEventsCheckTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String LABEL = "'management-trail' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail)";
    private static final String FIX = ". Record them all: aws cloudtrail put-event-selectors --trail-name <trail-arn> "
            + "--event-selectors '[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'.";
    private final CheckHarness check = CheckHarness.of(new CloudTrailManagementEventsCheck());

    private Finding judge(TrailStatus status, TrailSelectors selectors) {
        return only(CloudTrailInventory.of(List.of(TRAIL), Map.of(TRAIL.arn(), status), Map.of(TRAIL.arn(), selectors)));
    }

    private Finding only(CloudTrailInventory cloudTrail) {
        List<Finding> findings = check.findings(
                inventory().with(CloudTrailInventory.class, cloudTrail).build());
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(REGION_ID);
        return findings.getFirst();
    }

    private static TrailSelectors classic(EventSelector... selectors) {
        return new TrailSelectors(List.of(selectors), List.of());
    }

    private static TrailSelectors advanced(AdvancedEventSelector... selectors) {
        return new TrailSelectors(List.of(), List.of(selectors));
    }

    private static AdvancedEventSelector selector(String name, FieldSelector... fields) {
        return new AdvancedEventSelector(Optional.of(name), List.of(fields));
    }

    private static final String PASS = "Multi-region trail " + LABEL + " records all read and write management events.";

    @Test
    void passesWithTheDefaultClassicSelector() {
        Finding f = judge(logging(), TrailSelectors.allManagementEvents());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(PASS);
    }

    @Test
    void passesWithSeparateReadOnlyAndWriteOnlySelectors() {
        Finding f = judge(logging(), classic(new EventSelector("ReadOnly", true, List.of()),
                new EventSelector("WriteOnly", true, List.of())));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(PASS);
    }

    @Test
    void failsWhenOnlyWriteEventsAreRecorded() {
        Finding f = judge(logging(), classic(new EventSelector("WriteOnly", true, List.of())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " records no read management events (Describe*, Get*, List* calls)" + FIX);
    }

    @Test
    void failsWhenManagementEventsAreSwitchedOff() {
        Finding f = judge(logging(), classic(new EventSelector("All", false, List.of())));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " records no management events" + FIX);
    }

    @Test
    void failsWhenManagementEventSourcesAreExcluded() {
        Finding f = judge(logging(), classic(new EventSelector("All", true, List.of("kms.amazonaws.com"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " records no management events (excludes management events from "
                + "kms.amazonaws.com)" + FIX);
    }

    @Test
    void passesWithAnAdvancedManagementSelector() {
        Finding f = judge(logging(), advanced(selector("Management events",
                FieldSelector.equalTo("eventCategory", "Management"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(PASS);
    }

    @Test
    void passesWithAdvancedReadAndWriteSelectorsAlongsideDataEvents() {
        Finding f = judge(logging(), advanced(
                selector("reads", FieldSelector.equalTo("eventCategory", "Management"),
                        FieldSelector.equalTo("readOnly", "true")),
                selector("writes", FieldSelector.equalTo("eventCategory", "Management"),
                        FieldSelector.notEqualTo("readOnly", "true")),
                selector("s3 data", FieldSelector.equalTo("eventCategory", "Data"),
                        FieldSelector.equalTo("resources.type", "AWS::S3::Object"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void passesWhenAnAdvancedSelectorNamesBothReadOnlyValues() {
        Finding f = judge(logging(), advanced(selector("both", FieldSelector.equalTo("eventCategory", "Management"),
                FieldSelector.equalTo("readOnly", "true", "false"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void failsWhenAnAdvancedSelectorRecordsOnlyWrites() {
        Finding f = judge(logging(), advanced(selector("writes only",
                FieldSelector.equalTo("eventCategory", "Management"), FieldSelector.equalTo("readOnly", "false"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " records no read management events (Describe*, Get*, List* calls)" + FIX);
    }

    @Test
    void failsWhenAnAdvancedSelectorFiltersEventSources() {
        Finding f = judge(logging(), advanced(selector("no kms",
                FieldSelector.equalTo("eventCategory", "Management"),
                FieldSelector.notEqualTo("eventSource", "kms.amazonaws.com"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " records no management events (advanced selector 'no kms' limits "
                + "management events by eventSource)" + FIX);
    }

    @Test
    void aStoppedTrailRecordsNothing() {
        Finding f = judge(stopped(Instant.parse("2026-03-01T10:00:00Z")), TrailSelectors.allManagementEvents());
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No logging multi-region trail records all read and write management events "
                + "in eu-west-1: " + LABEL + " is not logging" + FIX);
    }

    @Test
    void failsWithoutAMultiRegionTrail() {
        Trail regional = singleRegion(trail("regional"));
        Finding f = only(CloudTrailInventory.of(List.of(regional), Map.of(), Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No multi-region trail with global service events records eu-west-1, so its "
                + "management events are not recorded; see cloudtrail-logging-all-regions.");
    }

    @Test
    void errorWhenSelectorsCannotBeRead() {
        Finding f = only(new CloudTrailInventory(() -> List.of(TRAIL), arn -> logging(), arn -> {
            throw denied("cloudtrail:GetEventSelectors");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to cloudtrail:GetEventSelectors "
                + "(AccessDeniedException): grant cloudtrail:GetEventSelectors to irready's role");
    }

    @Test
    void errorWhenTrailsCannotBeListed() {
        Finding f = only(CloudTrailFixtures.listingDenied());
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo(CloudTrailFixtures.LISTING_DENIED_REASON);
    }
}
