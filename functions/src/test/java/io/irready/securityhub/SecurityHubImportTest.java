package io.irready.securityhub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.irready.core.Severity;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.TestChecks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;

/** The import over the real SDK to a stubbed Security Hub: what is sent, how often, and what a refusal does. */
class SecurityHubImportTest {
    private static final String IMPORT = "/findings/import";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RAISED_AT = Instant.parse("2026-11-27T05:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2026-11-27T06:00:00Z");
    private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:short";

    private final AwsWire wire = new AwsWire();
    private final SecurityHubClient client = wire.clients().build(SecurityHubClient.builder(), AwsWire.REGION);
    private final SecurityHubImport securityHub = new SecurityHubImport(region -> client, TestChecks.standard(),
            t -> Optional.of(RAISED_AT));

    @AfterEach
    void stop() {
        client.close();
        wire.close();
    }

    @Test
    void aRaisedThenResolvedFindingUpdatesOneAsffFindingToPassedAndArchived() throws Exception {
        accepting();
        ChangedBy by = new ChangedBy("PutRetentionPolicy", "ev-1", "arn:aws:iam::123456789012:user/mallory",
                "198.51.100.7", "aws-cli", "2026-11-27T04:59:00Z");
        securityHub.importTransitions(List.of(transition(null, FindingState.FAIL, RAISED_AT, Optional.of(by))));
        securityHub.importTransitions(List.of(transition(FindingState.FAIL, FindingState.PASS, RESOLVED_AT,
                Optional.empty())));

        List<JsonNode> sent = sentFindings();
        assertThat(sent).hasSize(2);
        JsonNode raised = sent.get(0);
        JsonNode resolved = sent.get(1);
        assertThat(resolved.get("Id")).isEqualTo(raised.get("Id"));
        assertThat(raised.get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(raised.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(raised.get("UpdatedAt").asText()).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(raised.get("ProductFields").get("irready/TriggeringEventId").asText()).isEqualTo("ev-1");
        assertThat(raised.get("ProductFields").get("irready/TriggeringPrincipal").asText()).endsWith("user/mallory");
        assertThat(raised.get("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default");
        assertThat(resolved.get("Compliance").get("Status").asText()).isEqualTo("PASSED");
        assertThat(resolved.get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(resolved.get("UpdatedAt").asText()).isEqualTo("2026-11-27T06:00:00Z");
        assertThat(resolved.get("CreatedAt").asText()).isEqualTo("2026-11-27T05:00:00Z");
    }

    @Test
    void silentTransitionsAreNotImported() {
        accepting();
        SecurityHubImport.Outcome outcome = securityHub.importTransitions(List.of(
                transition(null, FindingState.PASS, RAISED_AT, Optional.empty()),
                transition(FindingState.PASS, FindingState.NOT_APPLICABLE, RESOLVED_AT, Optional.empty())));

        assertThat(outcome.imported()).isZero();
        wire.server().verify(0, postRequestedFor(urlEqualTo(IMPORT)));
    }

    @Test
    void importsInBatchesOfAtMostOneHundred() throws Exception {
        accepting();
        List<Transition> many = IntStream.range(0, 250).mapToObj(i -> new Transition("t" + i, "123456789012",
                "eu-west-1", TestChecks.RETENTION, GROUP + i, Severity.MEDIUM, Optional.empty(), FindingState.FAIL,
                RAISED_AT, 1, "short", Optional.empty(), true)).toList();

        SecurityHubImport.Outcome outcome = securityHub.importTransitions(many);

        assertThat(outcome.imported()).isEqualTo(250);
        assertThat(requests()).extracting(r -> r.get("Findings").size()).containsExactly(100, 100, 50);
    }

    @Test
    void refusedFindingsAreRetriedOnceThenReportedAsFailed() throws Exception {
        Transition a = transition(null, FindingState.FAIL, RAISED_AT, Optional.empty());
        Transition b = new Transition("t-b", "123456789012", "eu-west-1", TestChecks.PRESENT,
                "123456789012/eu-west-1", Severity.HIGH, Optional.empty(), FindingState.ERROR, RAISED_AT, 1,
                "could not read", Optional.empty(), true);
        String idOfB = AsffFinding.id(new AsffFinding.Subject("123456789012", "eu-west-1", TestChecks.PRESENT,
                "123456789012/eu-west-1", Severity.HIGH, FindingState.ERROR, "x"));
        String refusal = "{\"SuccessCount\":1,\"FailedCount\":1,\"FailedFindings\":[{\"Id\":\"" + idOfB
                + "\",\"ErrorCode\":\"InvalidInput\",\"ErrorMessage\":\"throttled finding\"}]}";
        wire.stub(post(urlEqualTo(IMPORT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(refusal)));

        SecurityHubImport.Outcome outcome = securityHub.importTransitions(List.of(a, b));

        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.failures()).singleElement().asString().contains(idOfB, "InvalidInput");
        List<JsonNode> requests = requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).get("Findings")).hasSize(1);
        assertThat(requests.get(1).get("Findings").get(0).get("Id").asText()).isEqualTo(idOfB);
    }

    @Test
    void aRetrySucceedingCountsAsImported() {
        wire.stub(post(urlEqualTo(IMPORT)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"internal\"}"))
                .willSetStateTo("recovered"));
        wire.stub(post(urlEqualTo(IMPORT)).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"SuccessCount\":1,\"FailedCount\":0,\"FailedFindings\":[]}")));

        SecurityHubImport.Outcome outcome = securityHub.importTransitions(List.of(
                transition(null, FindingState.FAIL, RAISED_AT, Optional.empty())));

        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(outcome.failed()).isZero();
    }

    @Test
    void reconciliationImportsOpenFindingsAsTheyStandWithTheTimeTheirStateChanged() throws Exception {
        accepting();
        StoredFinding open = new StoredFinding("123456789012", "eu-west-1", TestChecks.RETENTION, GROUP,
                FindingState.FAIL, Severity.MEDIUM, "short", RAISED_AT.minusSeconds(3600), RAISED_AT,
                RESOLVED_AT, RESOLVED_AT, 3, Optional.empty(), Optional.empty());

        securityHub.reconcile(List.of(open));

        JsonNode sent = sentFindings().get(0);
        assertThat(sent.get("UpdatedAt").asText()).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(sent.get("CreatedAt").asText()).isEqualTo("2026-11-27T04:00:00Z");
        assertThat(sent.get("Id").asText()).isEqualTo(AsffFinding.id(new AsffFinding.Subject("123456789012",
                "eu-west-1", TestChecks.RETENTION, GROUP, Severity.MEDIUM, FindingState.FAIL, "short")));
    }

    private void accepting() {
        wire.stub(post(urlEqualTo(IMPORT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"SuccessCount\":1,\"FailedCount\":0,\"FailedFindings\":[]}")));
    }

    private static Transition transition(FindingState from, FindingState to, Instant at, Optional<ChangedBy> by) {
        return new Transition("t-" + to, "123456789012", "eu-west-1", TestChecks.RETENTION, GROUP, Severity.MEDIUM,
                Optional.ofNullable(from), to, at, 2, "Log group short keeps events for 7 days.", by, true);
    }

    private List<JsonNode> requests() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (var r : wire.server().findAll(postRequestedFor(urlEqualTo(IMPORT)))) {
            bodies.add(JSON.readTree(r.getBodyAsString()));
        }
        return bodies;
    }

    private List<JsonNode> sentFindings() throws Exception {
        List<JsonNode> findings = new ArrayList<>();
        for (JsonNode body : requests()) {
            body.get("Findings").forEach(findings::add);
        }
        return findings;
    }
}
