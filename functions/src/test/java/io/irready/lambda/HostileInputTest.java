package io.irready.lambda;

import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.alerts.Alert;
import io.irready.alerts.SlackMarkdown;
import io.irready.store.FindingState;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import io.irready.testing.SnsCapture.Published;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus ({@code src/test/resources/hostile/}) through the event handler,
 * alone from EventBridge and inside an SQS batch next to a valid event: a clear error (counted as
 * malformed), an ignored event, or an alert whose every rendering is safe — never a crash, never a
 * lost batch. The file name says what is expected: {@code malformed-*} must be counted as malformed
 * and send nothing; {@code alert-*} must send an alert; the others ({@code types-*}, {@code forged-*})
 * may be either, but safely.
 */
class HostileInputTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final Path CORPUS = Path.of("src/test/resources/hostile");
    static final ObjectMapper JSON = new ObjectMapper();
    /** What must never reach Slack raw: mentions, links, HTML. */
    static final List<String> INJECTIONS = List.of("<!channel>", "<!here>", "<!everyone", "<@U", "<http://evil",
            "<script", "<img");

    Pipeline p;

    @AfterEach
    void stop() {
        if (p != null) {
            p.close();
        }
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".md")).sorted()
                    .toList();
            assertThat(names).as("the hostile corpus").hasSizeGreaterThan(40);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileInputIsAClearErrorOrASafeAlertAndNeverCrashesTheBatch(String name) throws IOException {
        String input = Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8);
        p = new Pipeline(DYNALITE);
        CloudTrailAccounts.stopped(p.aws);

        assertThat(p.event(input)).as("EventBridge acknowledges it").isEqualTo("{\"status\":\"ok\"}");

        String logs = p.logs();
        assertThat(logs).as("no failure while processing").doesNotContainPattern("\"Errors\":[1-9]");
        assertThat(logs).containsPattern("\"Events(Malformed|Ignored|Routed)\":[1-9]");
        if (name.startsWith("malformed-")) {
            assertThat(logs).containsPattern("\"EventsMalformed\":[1-9]").contains("malformed event acknowledged and dropped", "\"reason\":");
            assertThat(p.sns.published()).isEmpty();
        }
        if (name.startsWith("forged-")) {
            assertThat(logs).as("AWS spells its sources in lower case; another spelling is not AWS")
                    .doesNotContain("\"EventsRouted\"");
        }
        if (name.startsWith("alert-")) {
            assertThat(p.sns.published()).isNotEmpty();
        }
        p.sns.published().forEach(HostileInputTest::assertSafe);

        // in an SQS batch, next to a valid event: the batch is not failed and the valid event is handled
        String valid = EventHandlerTest.stopLogging().replace("0ff410d2", "9ff410d2");
        String response = p.event(EventHandlerTest.sqsBatch(input, valid));

        assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(p.store.queries().get(ACCOUNT, REGION, EventHandlerTest.LOGGING, EventHandlerTest.REGION_ID))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.FAIL));
        p.sns.published().forEach(HostileInputTest::assertSafe);
    }

    /** Each rendering a person reads: the Chatbot card, the Slack webhook's mrkdwn, the email text and subject. */
    static void assertSafe(Published message) {
        String card = message.chatbot().at("/content/title").asText() + "\n"
                + message.chatbot().at("/content/description").asText();
        Alert alert;
        try {
            alert = JSON.treeToValue(message.structured(), Alert.class);
        } catch (IOException e) {
            throw new AssertionError("the structured part does not read back as an alert", e);
        }
        String slack = SlackMarkdown.title(alert) + "\n" + SlackMarkdown.body(alert);
        for (String rendering : List.of(card, slack)) {
            assertThat(rendering).doesNotContain(INJECTIONS);
            assertNoHiddenCharacters(rendering);
            // the only links are the ones irready writes: the AWS console
            assertThat(Stream.of(rendering.split("<", -1)).skip(1).toList())
                    .allSatisfy(link -> assertThat(link).startsWith("https://" + REGION + ".console.aws.amazon.com/"));
        }
        assertNoHiddenCharacters(message.text());
        String subject = message.field("Subject");
        assertThat(subject).hasSizeLessThan(100).matches("[\\x20-\\x7e]+");
        // nothing is so long that it drowns the message
        assertThat(message.chatbot().at("/content/description").asText()).hasSizeLessThan(4000);
    }

    static void assertNoHiddenCharacters(String rendering) {
        assertThat(rendering.codePoints().filter(cp -> cp != '\n' && switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.UNASSIGNED, Character.SURROGATE, Character.PRIVATE_USE -> true;
            default -> false;
        }).mapToObj(Integer::toHexString).toList()).as("control, format or separator characters in " + rendering)
                .isEmpty();
    }
}
