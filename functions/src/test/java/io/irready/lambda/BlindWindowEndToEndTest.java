package io.irready.lambda;

import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static io.irready.testing.CloudTrailAccounts.TRAIL_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.alerts.BlindWindowEnricher;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import io.irready.testing.EventFixtures;
import io.irready.testing.EventHistory;
import io.irready.testing.SnsCapture;
import io.irready.testing.SnsCapture.Published;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * End to end: StopLogging → FAIL alert; the attacker acts while the trail is off (Event History on WireMock
 * records it); StartLogging → the resolved alert and the finding's history list what happened while blind.
 */
class BlindWindowEndToEndTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String LOGGING = "cloudtrail-logging-all-regions";
    static final String MALLORY = "arn:aws:iam::123456789012:user/mallory";

    Pipeline p;

    @BeforeEach
    void start() {
        // the production hook (EngineWiring.fromEnvironment wires the same), reading Event History on this test's WireMock
        p = new Pipeline(DYNALITE, (evaluation, inventory, failingSince) -> new BlindWindowEnricher(
                new LookupEventsCollector(r -> p.aws.clients().build(CloudTrailClient.builder(), r), Clock.systemUTC(),
                        d -> { }, LookupEventsCollector.Limits.DEFAULT), List.of(REGION), Clock.systemUTC())
                .enrich(evaluation, inventory, failingSince));
    }

    @AfterEach
    void stop() {
        p.close();
    }

    static String fixture(String name) {
        return EventFixtures.read(name).replace("management-events", TRAIL_NAME);
    }

    List<Published> messagesAbout(String checkId) {
        return p.sns.publishedTo(SnsCapture.TOPIC).stream()
                .filter(m -> checkId.equals(m.attributes().get("checkId"))).toList();
    }

    @Test
    void theResolvedAlertListsWhatHappenedWhileBlind() {
        CloudTrailAccounts.stopped(p.aws); // StopLoggingTime an hour ago
        p.event(fixture("cloudtrail/StopLogging.envelope.json"));
        assertThat(messagesAbout(LOGGING)).singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry("status", "FAIL"));

        // while blind: Event History (always on) records what the trail does not
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        p.aws.stub(AwsWire.jsonCall(EventHistory.LOOKUP_EVENTS).willReturn(AwsWire.json(EventHistory.page(null,
                EventHistory.event("e3", now.minusSeconds(600).toString(), "iam.amazonaws.com", "CreateAccessKey",
                        MALLORY, "203.0.113.7"),
                EventHistory.event("e2", now.minusSeconds(1800).toString(), "DeleteFlowLogs", MALLORY, "203.0.113.7"),
                EventHistory.event("e1", now.minusSeconds(3000).toString(), "DeleteFlowLogs", MALLORY,
                        "<!channel>")))));

        CloudTrailAccounts.healthy(p.aws);
        p.event(fixture("cloudtrail/StartLogging.record.json"));

        assertThat(messagesAbout(LOGGING)).hasSize(2);
        Published resolved = messagesAbout(LOGGING).get(1);
        assertThat(resolved.attributes()).containsEntry("status", "PASS");
        assertThat(resolved.text()).contains("FAIL -> PASS",
                "CloudTrail Event History recorded 3 write management events:",
                "by event name: DeleteFlowLogs x2, CreateAccessKey x1",
                "principals: " + MALLORY,
                "ec2.amazonaws.com DeleteFlowLogs by " + MALLORY + " from 203.0.113.7",
                "iam.amazonaws.com CreateAccessKey by " + MALLORY)
                .doesNotContain("<!channel>");
        List<Transition> history = p.store.queries().history(ACCOUNT, REGION, LOGGING, ACCOUNT + "/" + REGION);
        assertThat(history).extracting(Transition::to).containsExactly(FindingState.FAIL, FindingState.PASS);
        assertThat(history.get(1).reason()).contains("While CloudTrail was not logging (",
                "recorded 3 write management events");
        // the window is the trail's StopLoggingTime (an hour ago) to now, read as ReadOnly=false events
        p.aws.server().verify(1, AwsWire.jsonCallMade(EventHistory.LOOKUP_EVENTS).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "\"LookupAttributes\":[{\"AttributeKey\":\"ReadOnly\",\"AttributeValue\":\"false\"}]")));
    }
}
