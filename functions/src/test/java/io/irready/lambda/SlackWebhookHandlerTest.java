package io.irready.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.alerts.AlertContent;
import io.irready.alerts.Notifier;
import io.irready.alerts.SlackWebhook;
import io.irready.checks.Catalog;
import io.irready.core.Severity;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SlackWebhookHandlerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HOOK = "/services/T000/B000/XXXX";
    static final String HOSTILE = "<!channel> *URGENT* <http://evil.example|Open the AWS console>\u202E\u200B\u0000 "
            + "y".repeat(500);

    final AwsWire aws = new AwsWire();
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    SlackWebhookHandler handler;

    @BeforeEach
    void setUp() {
        aws.stub(jsonCall("secretsmanager.GetSecretValue").willReturn(json("""
                {"ARN":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:irready-slack-AbCdEf",
                 "Name":"irready-slack","SecretString":"{\\"url\\":\\"%s%s\\"}","VersionId":"v1"}"""
                .formatted(aws.endpoint(), HOOK))));
        aws.stub(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200).withBody("ok")));
        SecretsManagerClient secrets = aws.clients().build(SecretsManagerClient.builder(), AwsWire.REGION);
        handler = new SlackWebhookHandler(new SlackWebhook(new WebhookSecret(secrets,
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:irready-slack-AbCdEf"),
                SlackWebhook.defaultHttpClient()), new PrintStream(logs, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    static Transition transition(String resource, ChangedBy by) {
        return new Transition("t-" + Math.abs(resource.hashCode()), AwsWire.ACCOUNT, AwsWire.REGION,
                "cloudtrail-logging-all-regions", resource, Severity.CRITICAL, Optional.of(FindingState.PASS),
                FindingState.FAIL, Instant.parse("2026-11-27T10:00:00Z"), 2, "Trail " + resource + " is not logging.",
                Optional.ofNullable(by), true);
    }

    /** The {@code lambda} part of the message the notifier would publish, as SNS delivers it to a function. */
    static String lambdaPart(Transition t) throws Exception {
        String structured = Notifier.structuredMessage(new AlertContent(Catalog.registry()).of(t));
        return JSON.readTree(structured).get("lambda").asText();
    }

    static byte[] snsEvent(String... messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String message : messages) {
            ObjectNode record = records.addObject();
            record.put("EventSource", "aws:sns");
            record.put("EventVersion", "1.0");
            ObjectNode sns = record.putObject("Sns");
            sns.put("Type", "Notification");
            sns.put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e");
            sns.put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:irready-alerts");
            sns.put("Subject", "[irready CRITICAL] Readiness dropped");
            sns.put("Message", message);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    List<JsonNode> posted() {
        return aws.server().findAll(postRequestedFor(urlEqualTo(HOOK))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void postsTheAlertEscapedAndReadsTheSecretOnce() throws Exception {
        ChangedBy hostile = new ChangedBy("StopLogging", "ev-1", HOSTILE, "<@U123ABC>", "*bold* `x` " + HOSTILE,
                "2026-11-27T09:59:58Z");
        byte[] event = snsEvent(lambdaPart(transition("arn:aws:cloudtrail:eu-west-1:123456789012:trail/" + HOSTILE,
                hostile)), lambdaPart(transition("arn:aws:cloudtrail:eu-west-1:123456789012:trail/plain", null)));

        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);

        List<JsonNode> posted = posted();
        assertThat(posted).hasSize(2);
        String text = posted.get(0).at("/blocks/0/text/text").asText();
        assertThat(posted.get(0).at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(posted.get(0).get("unfurl_links").asBoolean()).isFalse();
        assertThat(text).startsWith("*:red_circle: Readiness dropped: ")
                .doesNotContain("<!channel>", "<http://evil", "<@U123ABC>", "\u202E", "\u200B", "\u0000")
                .contains("&lt;!channel&gt;", "&lt;http://evil.example|Open the AWS console&gt;", "&lt;＠U123ABC&gt;",
                        "*Reason:* Trail arn:aws:cloudtrail:eu-west-1:123456789012:trail/&lt;!channel&gt; ∗URGENT∗")
                .contains("y".repeat(100) + "…`")
                .doesNotContain("y".repeat(500));
        // the only link is the console link irready built
        assertThat(text.split("<http", -1)).hasSize(2);
        assertThat(text).contains("<https://eu-west-1.console.aws.amazon.com/cloudtrail/home?region=eu-west-1#/trails|");
        assertThat(posted.get(1).at("/blocks/0/text/text").asText()).contains("*Found by:* a scheduled sweep");
        aws.server().verify(1, jsonCallMade("secretsmanager.GetSecretValue"));
    }

    @Test
    void messagesThatAreNotAlertsAreDroppedWithoutLosingTheRest() throws Exception {
        byte[] event = snsEvent("not json at all", "{\"something\":\"else\"}", "[1,2,3]",
                lambdaPart(transition("arn:aws:cloudtrail:eu-west-1:123456789012:trail/ok", null)));

        handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
        handler.handleRequest(new ByteArrayInputStream("%%%".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);

        assertThat(posted()).hasSize(1);
        String log = logs.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"EventsMalformed\":3", "\"EventsMalformed\":1", "\"AlertsPublished\":1",
                "dropped a message that is not an irready alert");
    }

    @Test
    void aRejectedPostFailsTheInvocationSoThatSnsRetries() throws Exception {
        aws.stub(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(404).withBody("no_service")));

        assertThatThrownBy(() -> handler.handleRequest(new ByteArrayInputStream(snsEvent(lambdaPart(
                transition("arn:aws:cloudtrail:eu-west-1:123456789012:trail/ok", null)))), new ByteArrayOutputStream(), null))
                .hasMessageContaining("HTTP 404");
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"Errors\":1");
    }

    @Test
    void theSecretMayHoldTheBareUrlButOnlyHttps() {
        assertThat(WebhookSecret.parse(" https://hooks.slack.com/services/T/B/X\n"))
                .hasToString("https://hooks.slack.com/services/T/B/X");
        assertThat(WebhookSecret.parse("{\"webhookUrl\":\"https://hooks.slack.com/services/T/B/Y\"}"))
                .hasToString("https://hooks.slack.com/services/T/B/Y");
        assertThatThrownBy(() -> WebhookSecret.parse("http://hooks.slack.com/services/T/B/X"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> WebhookSecret.parse("{\"nope\":1}")).hasMessageContaining("\"url\"");
    }

    @Test
    void primingRendersAWebhookPayloadWithoutCallingAnything() {
        assertThat(Priming.alertPayload()).contains("\"type\":\"mrkdwn\"");
        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }
}
