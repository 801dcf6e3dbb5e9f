package io.irready.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.CLOUDTRAIL;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static io.irready.testing.CloudTrailAccounts.TRAIL_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import io.irready.testing.EventFixtures;
import io.irready.testing.SnsCapture.Published;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end: real CloudTrail event JSON → {@link EventHandler} → AWS on WireMock (CloudTrail, S3,
 * KMS, Logs in their wire formats) and DynamoDB on dynalite → stored findings and the SNS Publish
 * calls the real SDK made.
 */
class EventHandlerTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String LOGGING = "cloudtrail-logging-all-regions";
    static final String REGION_ID = ACCOUNT + "/" + REGION;
    static final String JANE = "arn:aws:sts::123456789012:assumed-role/AdministratorAccess/jane.doe";
    static final String MALLORY = "arn:aws:iam::123456789012:user/mallory";
    static final ObjectMapper JSON = new ObjectMapper();

    Pipeline p;

    @BeforeEach
    void start() {
        p = new Pipeline(DYNALITE);
    }

    @AfterEach
    void stop() {
        p.close();
    }

    /** The shared fixture, naming the trail the simulated account has. */
    static String fixture(String name) {
        return EventFixtures.read(name).replace("management-events", TRAIL_NAME);
    }

    static String stopLogging() {
        return fixture("cloudtrail/StopLogging.envelope.json");
    }

    List<Published> messagesAbout(String checkId) {
        return p.sns.publishedTo(io.irready.testing.SnsCapture.TOPIC).stream()
                .filter(m -> checkId.equals(m.attributes().get("checkId"))).toList();
    }

    StoredFinding logging() {
        return p.store.queries().get(ACCOUNT, REGION, LOGGING, REGION_ID).orElseThrow();
    }

    @Test
    void everyLogLineOfAnEventIsJsonAndCarriesItsId() throws Exception {
        CloudTrailAccounts.stopped(p.aws);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            p.event(stopLogging());
        } finally {
            System.setErr(stderr);
        }

        String eventId = "0ff410d2-1235-481b-a6ce-c3625ff73129";
        // the notifier logs the publish through SLF4J, beside the engine's own lines
        List<String> library = err.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(library).anySatisfy(line -> assertThat(line).contains("published"));
        for (String line : library) {
            assertThat(JSON.readTree(line).path("eventId").asText()).as(line).isEqualTo(eventId);
        }
        List<String> engine = p.logs().lines().filter(l -> l.contains("\"message\"")).toList();
        assertThat(engine).isNotEmpty().allSatisfy(line ->
                assertThat(JSON.readTree(line).path("eventId").asText()).isEqualTo(eventId));
    }

    @Test
    void stopLoggingFailsOnceAndStartLoggingResolves() {
        CloudTrailAccounts.stopped(p.aws);

        assertThat(p.event(stopLogging())).isEqualTo("{\"status\":\"ok\"}");

        StoredFinding failing = logging();
        assertThat(failing.status()).isEqualTo(FindingState.FAIL);
        assertThat(failing.reason()).contains(TRAIL_NAME);
        assertThat(failing.changedBy()).hasValueSatisfying(c -> {
            assertThat(c.eventName()).isEqualTo("StopLogging");
            assertThat(c.principalArn()).isEqualTo(JANE);
            assertThat(c.sourceIp()).isEqualTo("203.0.113.45");
            assertThat(c.userAgent()).startsWith("aws-cli/2.22.4");
            assertThat(c.eventTime()).isEqualTo("2026-11-27T04:05:31Z");
        });
        assertThat(p.store.queries().openFindings(FindingState.FAIL)).extracting(StoredFinding::checkId).contains(LOGGING);
        Published raised = messagesAbout(LOGGING).get(0);
        assertThat(messagesAbout(LOGGING)).hasSize(1);
        assertThat(raised.attributes()).containsEntry("status", "FAIL").containsEntry("severity", "CRITICAL")
                .containsEntry("account", ACCOUNT).containsEntry("region", REGION);
        assertThat(raised.field("MessageStructure")).isEqualTo("json");
        assertThat(raised.text()).contains("Readiness dropped", TRAIL_NAME, "Principal:  " + JANE,
                "Source IP:  203.0.113.45", "User agent: aws-cli/2.22.4", "StopLogging (event id "
                        + "0ff410d2-1235-481b-a6ce-c3625ff73129) at 2026-11-27T04:05:31Z", "How to fix it:");
        assertThat(raised.chatbot().get("version").asText()).isEqualTo("1.0");
        assertThat(raised.chatbot().at("/content/description").asText()).contains("`" + JANE + "`", "`203.0.113.45`");
        int afterFirst = p.sns.published().size();

        // EventBridge delivers the same event again: nothing changes, nothing is sent
        p.event(stopLogging());

        assertThat(p.sns.published()).hasSize(afterFirst);
        assertThat(logging().version()).isEqualTo(failing.version());
        assertThat(p.logs()).contains("\"EventsDuplicate\":1");

        // somebody starts the trail again
        CloudTrailAccounts.healthy(p.aws);
        p.event(fixture("cloudtrail/StartLogging.record.json"));

        assertThat(logging().status()).isEqualTo(FindingState.PASS);
        assertThat(messagesAbout(LOGGING)).hasSize(2);
        Published resolved = messagesAbout(LOGGING).get(1);
        assertThat(resolved.attributes()).containsEntry("status", "PASS");
        assertThat(resolved.field("Subject")).startsWith("[irready CRITICAL] Resolved: " + LOGGING);
        assertThat(resolved.text()).contains("FAIL -> PASS", "StartLogging");
        List<Transition> history = p.store.queries().history(ACCOUNT, REGION, LOGGING, REGION_ID);
        assertThat(history).extracting(Transition::to).containsExactly(FindingState.FAIL, FindingState.PASS);
        assertThat(history.get(1).changedBy()).hasValueSatisfying(c -> assertThat(c.eventName()).isEqualTo("StartLogging"));
        assertThat(p.store.queries().openFindings()).extracting(StoredFinding::checkId).doesNotContain(LOGGING);
        assertThat(p.store.outbox().unsent()).isEmpty();
    }

    @Test
    void anEnricherSeesSinceWhenAResolvingFindingFailedAndItsTextReachesHistoryAndTheAlert() {
        p.close();
        p = new Pipeline(DYNALITE, (evaluation, inventory, failingSince) -> new io.irready.core.Evaluation(
                evaluation.account(), evaluation.region(), evaluation.observedAt(), evaluation.scope(),
                evaluation.completeChecks(), evaluation.findings().stream().map(f -> failingSince.apply(f)
                        .filter(since -> f.status() == io.irready.core.Status.PASS)
                        .map(since -> new io.irready.core.Finding(f.checkId(), f.severity(), f.account(), f.region(),
                                f.resourceId(), f.status(), f.reason() + "\n\nBlind since " + since + ".", f.observedAt()))
                        .orElse(f)).toList()));
        CloudTrailAccounts.stopped(p.aws);
        p.event(stopLogging());
        java.time.Instant failedAt = logging().statusChangedAt();
        CloudTrailAccounts.healthy(p.aws);

        p.event(fixture("cloudtrail/StartLogging.record.json"));

        assertThat(logging().reason()).endsWith("\n\nBlind since " + failedAt + ".");
        assertThat(p.store.queries().history(ACCOUNT, REGION, LOGGING, REGION_ID).get(1).reason()).contains("Blind since");
        assertThat(messagesAbout(LOGGING).get(1).text()).contains("\n\nBlind since " + failedAt + ".");
    }

    @Test
    void aDeniedStopLoggingChangesNothingAndRaisesOneTamperAlert() {
        CloudTrailAccounts.healthy(p.aws);
        p.sweep("{\"mode\":\"full\"}");
        assertThat(p.sns.published()).as("a healthy first sweep is silent").isEmpty();
        String denied = fixture("cloudtrail/StopLogging-AccessDenied.record.json");

        p.event(denied);
        p.event(denied);

        assertThat(p.sns.published()).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("status", "TAMPER").containsEntry("severity", "CRITICAL");
            assertThat(m.field("Subject")).startsWith("[irready CRITICAL] Tamper attempt:");
            assertThat(m.text()).contains("StopLogging returned AccessDenied", "Principal:  " + MALLORY,
                    "Source IP:  198.51.100.23", "event id c77352ff-6b64-444f-a5ab-6f1e761e9f54");
            assertThat(m.chatbot().at("/content/title").asText()).startsWith(":rotating_light: Tamper attempt");
        });
        assertThat(logging().status()).isEqualTo(FindingState.PASS);
        assertThat(p.store.queries().history(ACCOUNT, REGION, LOGGING, REGION_ID)).hasSize(1);
    }

    @Test
    void accessDeniedWhileEvaluatingIsAnErrorFindingAndAnAuditorBlindAlert() {
        p.aws.stub(post(urlEqualTo("/")).withHeader("X-Amz-Target", matching(CLOUDTRAIL.replace(".", "\\.") + ".*"))
                .willReturn(AwsWire.jsonError(400, "AccessDeniedException", "User: arn:aws:sts::123456789012:"
                        + "assumed-role/irready-auditor/session is not authorized to perform: cloudtrail:DescribeTrails")));

        p.event(stopLogging());

        StoredFinding blind = logging();
        assertThat(blind.status()).isEqualTo(FindingState.ERROR);
        assertThat(blind.reason()).contains("access denied to cloudtrail:", "grant cloudtrail:");
        assertThat(messagesAbout(LOGGING)).singleElement().satisfies(m -> {
            assertThat(m.attributes()).containsEntry("status", "ERROR");
            assertThat(m.field("Subject")).startsWith("[irready CRITICAL] Auditor blind: " + LOGGING);
            assertThat(m.text()).contains("irready could not evaluate this check", "access denied to cloudtrail:");
        });
        assertThat(p.store.queries().openFindings(FindingState.ERROR)).extracting(StoredFinding::checkId).contains(LOGGING);
    }

    @Test
    void twoEventsRacingOverTheSameTrailSendOneMessage() throws Exception {
        CloudTrailAccounts.stopped(p.aws);
        String first = stopLogging();
        String second = first.replace("0ff410d2-1235-481b-a6ce-c3625ff73129", "1ff410d2-1235-481b-a6ce-c3625ff73129");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = List.of(
                    pool.submit(() -> { barrier.await(); return p.event(first); }),
                    pool.submit(() -> { barrier.await(); return p.event(second); }));
            for (Future<String> run : runs) {
                assertThat(run.get()).isEqualTo("{\"status\":\"ok\"}");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(messagesAbout(LOGGING)).hasSize(1);
        assertThat(p.store.queries().history(ACCOUNT, REGION, LOGGING, REGION_ID)).singleElement()
                .satisfies(t -> assertThat(t.to()).isEqualTo(FindingState.FAIL));
    }

    @Test
    void aHostileBatchLosesNothingElse() throws Exception {
        CloudTrailAccounts.stopped(p.aws);
        ObjectNode valid = (ObjectNode) JSON.readTree(stopLogging());
        ObjectNode detail = (ObjectNode) valid.get("detail");
        detail.put("userAgent", "<!channel> *pwned* <http://evil.example|AWS console>\u202E\u0000" + "z".repeat(2000));
        ObjectNode huge = valid.deepCopy();
        ((ObjectNode) huge.get("detail")).put("userAgent", "A".repeat(300 * 1024));
        ((ObjectNode) huge.get("detail")).put("eventID", "2ff410d2-1235-481b-a6ce-c3625ff73129");
        ObjectNode unknownService = valid.deepCopy();
        unknownService.put("source", "aws.madeup");
        ((ObjectNode) unknownService.get("detail")).put("eventSource", "madeup.amazonaws.com");
        ((ObjectNode) unknownService.get("detail")).put("eventID", "3ff410d2-1235-481b-a6ce-c3625ff73129");
        ObjectNode notAws = valid.deepCopy();
        notAws.put("source", "evil.corp");
        ObjectNode noDetail = valid.deepCopy();
        noDetail.remove("detail");
        ObjectNode wrongTypes = valid.deepCopy();
        ((ObjectNode) wrongTypes.get("detail")).put("eventTime", 12345).putArray("eventName").add("StopLogging");

        String response = p.event(sqsBatch("not json {", "42", noDetail.toString(), wrongTypes.toString(),
                notAws.toString(), huge.toString(), unknownService.toString(), valid.toString()));

        assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(logging().status()).isEqualTo(FindingState.FAIL);
        String description = messagesAbout(LOGGING).get(0).chatbot().at("/content/description").asText();
        assertThat(description).doesNotContain("<!channel>", "<http://evil", "\u202E", "\u0000")
                .contains("&lt;!channel&gt;").doesNotContain("z".repeat(300));
        assertThat(p.logs()).contains("\"EventsMalformed\":6", "\"EventsIgnored\":1", "\"EventsRouted\":1",
                "malformed event acknowledged and dropped", "exceeds the maximum allowed (262144",
                "\"position\":\"SQS message msg-0 input\"");

        // the same garbage straight from EventBridge is acknowledged too, not thrown
        assertThat(p.event("\u0000{{{ not an event")).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void eventuallyConsistentServicesScheduleOneDelayedRecheck() throws Exception {
        String createFunction = fixture("lambda/CreateFunction20150331.envelope.json");

        p.event(createFunction);

        List<LoggedRequest> sends = p.aws.server().findAll(AwsWire.jsonCallMade("AmazonSQS.SendMessage"));
        assertThat(sends).hasSize(1);
        JsonNode request = JSON.readTree(sends.get(0).getBodyAsString());
        assertThat(request.get("QueueUrl").asText()).isEqualTo(Pipeline.QUEUE_URL);
        assertThat(request.get("DelaySeconds").asInt()).isEqualTo(120);
        JsonNode envelope = JSON.readTree(request.get("MessageBody").asText());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(envelope.at("/detail/eventID").asText()).isEqualTo("e9a13ff4-5ba4-495d-ab99-5f4cfa7c8bd2");

        // two minutes later the queue delivers it: evaluated again, not scheduled again
        String response = p.event(sqsBatch(request.get("MessageBody").asText()));

        assertThat(response).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(p.aws.server().findAll(AwsWire.jsonCallMade("AmazonSQS.SendMessage"))).hasSize(1);
        assertThat(p.logs()).contains("\"recheck\":true");
    }

    @Test
    void aRetryableFailureReportsOnlyThatMessageOfTheBatch() {
        CloudTrailAccounts.stopped(p.aws);
        String good = stopLogging();
        Pipeline broken = new Pipeline(DYNALITE);
        try {
            CloudTrailAccounts.stopped(broken.aws);
            // DynamoDB "goes away" for this pipeline: the store's reads fail after the SDK's retries
            DYNALITE.client().deleteTable(b -> b.tableName(broken.store.tableName()));

            String response = broken.event(sqsBatch("not json", good));

            // exactly the partial batch response shape the SQS event source mapping reads back
            assertThat(response).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"msg-1\"}]}");
            assertThat(broken.logs()).contains("\"EventsMalformed\":1", "\"Errors\":1");
        } finally {
            broken.close();
        }
    }

    static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SQS event as Lambda delivers it from the re-check queue, one message per body. */
    static String sqsBatch(String... bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "msg-" + i);
            r.put("receiptHandle", "AQEB-" + i);
            r.put("body", bodies[i]);
            r.putObject("attributes").put("ApproximateReceiveCount", "1");
            r.putObject("messageAttributes");
            r.put("md5OfBody", "unused");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:irready-recheck");
            r.put("awsRegion", REGION);
        }
        return event.toString();
    }
}
