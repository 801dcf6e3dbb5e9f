package io.irready.alerts;

import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.Severity;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The finding events over the real SDK to a stubbed EventBridge. */
class FindingEventBusTest {
    private static final String PUT_EVENTS = "AWSEvents.PutEvents";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-11-27T05:00:00Z");

    private final AwsWire wire = new AwsWire();
    private final EventBridgeClient client = wire.clients().build(EventBridgeClient.builder(), AwsWire.REGION);
    private final FindingEventBus bus = new FindingEventBus(client);

    @AfterEach
    void stop() {
        client.close();
        wire.close();
    }

    @Test
    void anAlertableTransitionBecomesAReadinessFindingChangedEventWithTheActor() throws Exception {
        wire.stub(jsonCall(PUT_EVENTS).willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e1\"}]}")));
        ChangedBy by = new ChangedBy("StopLogging", "ev-1", "arn:aws:iam::123456789012:user/mallory", "198.51.100.7",
                "aws-cli", "2026-11-27T04:59:00Z");

        FindingEventBus.Outcome outcome = bus.publish(List.of(
                transition("t1", FindingState.PASS, FindingState.FAIL, Optional.of(by), true),
                transition("t2", null, FindingState.PASS, Optional.empty(), false)));

        assertThat(outcome.put()).isEqualTo(1);
        List<JsonNode> entries = sentEntries();
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("Source").asText()).isEqualTo("irready");
        assertThat(entry.get("DetailType").asText()).isEqualTo("Readiness Finding Changed");
        assertThat(entry.has("EventBusName")).as("the default bus").isFalse();
        assertThat(entry.get("Resources").get(0).asText()).isEqualTo("arn:aws:cloudtrail:eu-west-1:123456789012:trail/main");
        JsonNode detail = JSON.readTree(entry.get("Detail").asText());
        assertThat(detail.get("oldStatus").asText()).isEqualTo("PASS");
        assertThat(detail.get("newStatus").asText()).isEqualTo("FAIL");
        assertThat(detail.get("kind").asText()).isEqualTo("RAISED");
        assertThat(detail.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(detail.at("/finding/checkId").asText()).isEqualTo("cloudtrail-logging-all-regions");
        assertThat(detail.at("/finding/resourceId").asText()).endsWith(":trail/main");
        assertThat(detail.at("/actor/principalArn").asText()).endsWith("user/mallory");
        assertThat(detail.at("/actor/eventName").asText()).isEqualTo("StopLogging");
    }

    @Test
    void putsAtMostTenEntriesPerCall() throws Exception {
        wire.stub(jsonCall(PUT_EVENTS).willReturn(json("{\"FailedEntryCount\":0,\"Entries\":[]}")));
        List<Transition> many = IntStream.range(0, 12).mapToObj(i -> transition("t" + i, FindingState.PASS,
                FindingState.FAIL, Optional.empty(), true)).toList();

        assertThat(bus.publish(many).put()).isEqualTo(12);
        assertThat(requests()).extracting(r -> r.get("Entries").size()).containsExactly(10, 2);
    }

    @Test
    void refusedEntriesAreRetriedOnceThenReported() throws Exception {
        wire.stub(jsonCall(PUT_EVENTS).willReturn(json("{\"FailedEntryCount\":1,\"Entries\":["
                + "{\"ErrorCode\":\"InternalFailure\",\"ErrorMessage\":\"try again\"}]}")));

        FindingEventBus.Outcome outcome = bus.publish(List.of(
                transition("t1", FindingState.PASS, FindingState.FAIL, Optional.empty(), true)));

        assertThat(outcome.put()).isZero();
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.failures()).singleElement().asString().contains("InternalFailure");
        wire.server().verify(2, jsonCallMade(PUT_EVENTS));
    }

    private static Transition transition(String id, FindingState from, FindingState to, Optional<ChangedBy> by,
                                         boolean alert) {
        return new Transition(id, "123456789012", "eu-west-1", "cloudtrail-logging-all-regions",
                "arn:aws:cloudtrail:eu-west-1:123456789012:trail/main", Severity.CRITICAL, Optional.ofNullable(from),
                to, AT, 3, "The trail stopped logging.", by, alert);
    }

    private List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var r : wire.server().findAll(jsonCallMade(PUT_EVENTS))) {
            bodies.add(JSON.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    private List<JsonNode> sentEntries() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode body : requests()) {
            body.get("Entries").forEach(entries::add);
        }
        return entries;
    }
}
