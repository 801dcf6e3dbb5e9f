package io.irready.alerts;

import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.cloudtrail.CloudTrailLoggingAllRegionsCheck;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/** The enricher against the real SDK and a WireMock Event History. */
class BlindWindowEnricherTest {
    private static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private static final Instant STOPPED = Instant.parse("2026-11-27T04:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T04:30:00Z");
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private BlindWindowEnricher enricher() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new BlindWindowEnricher(new LookupEventsCollector(r -> aws.clients().build(CloudTrailClient.builder(), r),
                clock, d -> { }, LookupEventsCollector.Limits.DEFAULT), List.of("eu-west-1"), clock);
    }

    private static Inventory inventory() {
        var trail = CloudTrailFixtures.trail("main", "eu-west-1", "b", Optional.empty());
        return Inventory.builder("123456789012", "eu-west-1").with(CloudTrailInventory.class,
                CloudTrailInventory.of(List.of(trail), Map.of(trail.arn(), new TrailStatus(true, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(NOW), Optional.of(STOPPED))),
                        Map.of())).build();
    }

    private static Evaluation evaluation(Status status) {
        return new Evaluation("123456789012", "eu-west-1", NOW, Scope.REGION, List.of(CloudTrailLoggingAllRegionsCheck.ID),
                List.of(new Finding(CloudTrailLoggingAllRegionsCheck.ID, Severity.CRITICAL, "123456789012", "eu-west-1",
                        "123456789012/eu-west-1", status, "Trail 'main' is logging.", NOW)));
    }

    @Test
    void resolvedLoggingFindingCarriesWhatHappenedWhileBlind() {
        aws.stub(jsonCall(TARGET).willReturn(json("{\"Events\":[" + io.irready.testing.EventHistory
                .event("e1", "2026-11-27T04:02:00Z", "DeleteFlowLogs", "arn:aws:iam::123456789012:user/mallory",
                        "203.0.113.7") + "]}")));

        Evaluation enriched = enricher().enrich(evaluation(Status.PASS), inventory(),
                f -> Optional.of(STOPPED.plusSeconds(120)));

        assertThat(enriched.findings().get(0).reason()).isEqualTo("Trail 'main' is logging.\n\n"
                + "While CloudTrail was not logging (2026-11-27T04:00:00Z to 2026-11-27T04:30:00Z, 30 min; eu-west-1), "
                + "CloudTrail Event History recorded 1 write management event:\n"
                + "  by event name: DeleteFlowLogs x1\n"
                + "  principals: arn:aws:iam::123456789012:user/mallory\n"
                + "  source IPs: 203.0.113.7\n"
                + "  first 1 event:\n"
                + "    2026-11-27T04:02:00Z eu-west-1 ec2.amazonaws.com DeleteFlowLogs by "
                + "arn:aws:iam::123456789012:user/mallory from 203.0.113.7");
    }

    @Test
    void nothingIsReadUnlessAStoredFailIsResolving() {
        Evaluation pass = evaluation(Status.PASS);
        Evaluation fail = evaluation(Status.FAIL);

        assertThat(enricher().enrich(pass, inventory(), f -> Optional.empty())).isSameAs(pass);
        assertThat(enricher().enrich(fail, inventory(), f -> Optional.of(STOPPED))).isSameAs(fail);
        aws.server().verify(0, jsonCallMade(TARGET));
    }
}
