package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.LookedUpEvent;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.testing.CloudTrailFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlindWindowReportTest {
    private static final Instant START = Instant.parse("2026-11-27T04:00:00Z");
    private static final Instant END = Instant.parse("2026-11-27T04:45:00Z");
    private static final String MALLORY = "arn:aws:iam::123456789012:user/mallory";

    private static LookedUpEvent e(String id, String time, String name, String who, String ip) {
        return new LookedUpEvent("eu-west-1", id, Instant.parse(time), "ec2.amazonaws.com", name, who, ip,
                Optional.empty());
    }

    @Test
    void summarisesCountsPrincipalsIpsAndTheEarliestEvents() {
        LookupEventsCollector.Lookup lookup = new LookupEventsCollector.Lookup(List.of(
                e("3", "2026-11-27T04:20:00Z", "DeleteFlowLogs", MALLORY, "203.0.113.7"),
                e("2", "2026-11-27T04:10:00Z", "DeleteFlowLogs", MALLORY, "203.0.113.7"),
                e("1", "2026-11-27T04:01:00Z", "CreateAccessKey", "arn:aws:iam::123456789012:user/<!channel>",
                        "198.51.100.9\u0007")), 1, false, List.of());

        BlindWindowReport report = BlindWindowReport.summarise(START, END, List.of("eu-west-1"), lookup);

        assertThat(report.byEventName()).containsExactly(Map.entry("DeleteFlowLogs", 2L), Map.entry("CreateAccessKey", 1L));
        assertThat(report.toText()).isEqualTo("""
                While CloudTrail was not logging (2026-11-27T04:00:00Z to 2026-11-27T04:45:00Z, 45 min; eu-west-1), \
                CloudTrail Event History recorded 3 write management events:
                  by event name: DeleteFlowLogs x2, CreateAccessKey x1
                  principals: arn:aws:iam::123456789012:user/mallory, arn:aws:iam::123456789012:user/‹!channel›
                  source IPs: 203.0.113.7, 198.51.100.9
                  first 3 events:
                    2026-11-27T04:01:00Z eu-west-1 ec2.amazonaws.com CreateAccessKey by \
                arn:aws:iam::123456789012:user/‹!channel› from 198.51.100.9
                    2026-11-27T04:10:00Z eu-west-1 ec2.amazonaws.com DeleteFlowLogs by \
                arn:aws:iam::123456789012:user/mallory from 203.0.113.7
                    2026-11-27T04:20:00Z eu-west-1 ec2.amazonaws.com DeleteFlowLogs by \
                arn:aws:iam::123456789012:user/mallory from 203.0.113.7""");
        assertThat(report.toMap()).containsEntry("total", 3).containsEntry("truncated", false);
    }

    @Test
    void truncatedReportSaysSoAndHowToReadTheRest() {
        BlindWindowReport report = BlindWindowReport.summarise(START, END, List.of("eu-west-1", "us-east-1"),
                new LookupEventsCollector.Lookup(List.of(), 0, true,
                        List.of("us-east-1: access denied to cloudtrail:LookupEvents (AccessDeniedException)")));

        assertThat(report.toText()).isEqualTo("While CloudTrail was not logging (2026-11-27T04:00:00Z to "
                + "2026-11-27T04:45:00Z, 45 min; eu-west-1, us-east-1), CloudTrail Event History recorded no write "
                + "management events that irready could read.\n  TRUNCATED: this is not everything that happened. "
                + "us-east-1: access denied to cloudtrail:LookupEvents (AccessDeniedException). Read the rest in "
                + "Event History: aws cloudtrail lookup-events --lookup-attributes "
                + "AttributeKey=ReadOnly,AttributeValue=false --start-time 2026-11-27T04:00:00Z --end-time "
                + "2026-11-27T04:45:00Z");
    }

    @Test
    void windowStartsAtTheTrailsStopTimeWhenItBelongsToThisGap() {
        var trail = CloudTrailFixtures.trail("main", "eu-west-1", "b", Optional.empty());
        Instant stopped = Instant.parse("2026-11-27T03:58:00Z");
        Instant firstSeen = Instant.parse("2026-11-27T04:00:00Z");
        Instant now = Instant.parse("2026-11-27T04:45:00Z");
        CloudTrailInventory cloudTrail = CloudTrailInventory.of(List.of(trail), Map.of(trail.arn(), new TrailStatus(true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(now),
                Optional.of(stopped))), Map.of());

        assertThat(BlindWindowReport.windowStart(cloudTrail, "eu-west-1", firstSeen, now)).isEqualTo(stopped);

        CloudTrailInventory oldStop = CloudTrailInventory.of(List.of(trail), Map.of(trail.arn(), new TrailStatus(true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(now),
                Optional.of(Instant.parse("2026-10-01T00:00:00Z")))), Map.of());
        assertThat(BlindWindowReport.windowStart(oldStop, "eu-west-1", firstSeen, now)).isEqualTo(firstSeen);
    }
}
