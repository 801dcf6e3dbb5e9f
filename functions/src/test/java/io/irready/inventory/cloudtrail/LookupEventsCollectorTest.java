package io.irready.inventory.cloudtrail;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static io.irready.testing.EventHistory.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.AwsWire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

class LookupEventsCollectorTest {
    static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private static final Instant START = Instant.parse("2026-11-27T04:00:00Z");
    private static final Instant END = Instant.parse("2026-11-27T05:00:00Z");
    private final AwsWire aws = new AwsWire();
    private final List<Duration> slept = new ArrayList<>();

    @AfterEach
    void stop() {
        aws.close();
    }

    /** A clock that only moves when the collector sleeps: the time budget is tested without waiting. */
    private final class SteppingClock extends Clock {
        Instant now = END;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private LookupEventsCollector collector(SteppingClock clock, LookupEventsCollector.Limits limits) {
        return new LookupEventsCollector(region -> aws.clients().build(CloudTrailClient.builder(), region), clock,
                d -> {
                    slept.add(d);
                    clock.now = clock.now.plus(d);
                }, limits);
    }

    @Test
    void pagesWriteEventsOfTheWindowAtTwoRequestsPerSecond() {
        aws.stub(jsonCall(TARGET).withRequestBody(notContaining("NextToken")).willReturn(json(
                "{\"Events\":[" + event("e3", "2026-11-27T04:30:00Z", "DeleteFlowLogs",
                        "arn:aws:iam::123456789012:user/mallory", "203.0.113.7") + "],\"NextToken\":\"p2\"}")));
        aws.stub(jsonCall(TARGET).withRequestBody(containing("\"NextToken\":\"p2\"")).willReturn(json(
                "{\"Events\":[" + event("e1", "2026-11-27T04:05:00Z", "RunInstances",
                        "arn:aws:iam::123456789012:user/mallory", "203.0.113.7") + "]}")));

        LookupEventsCollector.Lookup lookup = collector(new SteppingClock(), LookupEventsCollector.Limits.DEFAULT)
                .writeEvents(List.of("eu-west-1"), START, END);

        assertThat(lookup.truncated()).isFalse();
        assertThat(lookup.pages()).isEqualTo(2);
        assertThat(lookup.events()).containsExactly(
                new LookedUpEvent("eu-west-1", "e3", Instant.parse("2026-11-27T04:30:00Z"), "ec2.amazonaws.com",
                        "DeleteFlowLogs", "arn:aws:iam::123456789012:user/mallory", "203.0.113.7", Optional.empty()),
                new LookedUpEvent("eu-west-1", "e1", Instant.parse("2026-11-27T04:05:00Z"), "ec2.amazonaws.com",
                        "RunInstances", "arn:aws:iam::123456789012:user/mallory", "203.0.113.7", Optional.empty()));
        assertThat(slept).containsExactly(Duration.ofMillis(500));
        aws.server().verify(1, jsonCallMade(TARGET).withRequestBody(equalToJson("""
                {"LookupAttributes":[{"AttributeKey":"ReadOnly","AttributeValue":"false"}],
                 "StartTime":1795752000,"EndTime":1795755600,"MaxResults":50}""")));
    }

    @Test
    void pageLimitTruncatesHonestly() {
        aws.stub(jsonCall(TARGET).willReturn(json("{\"Events\":[" + event("e", "2026-11-27T04:30:00Z", "PutBucketPolicy",
                "arn:aws:iam::123456789012:user/mallory", "203.0.113.7") + "],\"NextToken\":\"more\"}")));

        LookupEventsCollector.Lookup lookup = collector(new SteppingClock(),
                new LookupEventsCollector.Limits(3, Duration.ofMinutes(5), Duration.ofMillis(500)))
                .writeEvents(List.of("eu-west-1"), START, END);

        assertThat(lookup.pages()).isEqualTo(3);
        assertThat(lookup.truncated()).isTrue();
        assertThat(lookup.problems()).containsExactly(
                "eu-west-1: stopped after 3 pages (page limit); older events of the window were not read");
    }

    @Test
    void timeBudgetTruncatesAndLeavesLaterRegionsUnread() {
        aws.stub(jsonCall(TARGET).willReturn(json("{\"Events\":[],\"NextToken\":\"more\"}")));

        LookupEventsCollector.Lookup lookup = collector(new SteppingClock(),
                new LookupEventsCollector.Limits(100, Duration.ofSeconds(2), Duration.ofMillis(500)))
                .writeEvents(List.of("eu-west-1", "us-east-1"), START, END);

        assertThat(lookup.pages()).isEqualTo(5); // t=0, 0.5, 1.0, 1.5, then the budget ends at 2.0
        assertThat(lookup.truncated()).isTrue();
        assertThat(lookup.problems()).containsExactly(
                "eu-west-1: time budget of 2 s used up; older events of the window were not read",
                "us-east-1: time budget of 2 s used up; not read");
    }

    @Test
    void deniedRegionIsNamedAndTheOthersAreStillRead() {
        aws.stub(jsonCall(TARGET).withHeader("Authorization", containing("/us-east-1/cloudtrail/"))
                .willReturn(jsonError(400, "AccessDeniedException", "not authorized to perform cloudtrail:LookupEvents")));
        aws.stub(jsonCall(TARGET).withHeader("Authorization", containing("/eu-west-1/cloudtrail/"))
                .willReturn(json("{\"Events\":[" + event("e1", "2026-11-27T04:05:00Z", "StopLogging",
                        "arn:aws:iam::123456789012:user/mallory", "203.0.113.7") + "]}")));

        LookupEventsCollector.Lookup lookup = collector(new SteppingClock(), LookupEventsCollector.Limits.DEFAULT)
                .writeEvents(List.of("us-east-1", "eu-west-1"), START, END);

        assertThat(lookup.events()).extracting(LookedUpEvent::eventId).containsExactly("e1");
        assertThat(lookup.truncated()).isTrue();
        assertThat(lookup.problems()).singleElement().asString()
                .startsWith("us-east-1: access denied to cloudtrail:LookupEvents (AccessDeniedException)");
    }

    @Test
    void failedCallsKeepTheirErrorCodeAndUnparsableRecordsKeepTheSummary() {
        var failed = software.amazon.awssdk.services.cloudtrail.model.Event.builder().eventId("x").eventName("DeleteTrail")
                .eventSource("cloudtrail.amazonaws.com").eventTime(START).username("mallory")
                .cloudTrailEvent("{\"userIdentity\":{\"arn\":\"arn:aws:iam::1:user/m\"},\"sourceIPAddress\":\"198.51.100.1\","
                        + "\"errorCode\":\"AccessDenied\"}").build();
        var garbled = failed.toBuilder().cloudTrailEvent("not json").build();

        assertThat(LookupEventsCollector.toEvent("eu-west-1", failed).errorCode()).contains("AccessDenied");
        assertThat(LookupEventsCollector.toEvent("eu-west-1", garbled))
                .extracting(LookedUpEvent::principal, LookedUpEvent::sourceIp).containsExactly("mallory", "unknown");
    }
}
