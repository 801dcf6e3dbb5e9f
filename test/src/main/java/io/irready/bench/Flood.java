package io.irready.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.lambda.EventHandler;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.store.EventLedger;
import io.irready.store.FindingQueries;
import io.irready.store.Transition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A flood of events through the event handler as Lambda invokes it — bursts of SQS batches (ten
 * messages, one of them garbage) and single EventBridge deliveries, each burst also redelivering
 * some events — over the simulator and dynalite, while the trail is stopped and started between
 * bursts. Counts what a lost or doubled event would change: every event id processed, one stored
 * transition per state change, one SNS message per transition, no batch item reported failed for
 * garbage, and the heap after GC before and after.
 */
public final class Flood {
    static final String STOP = "cloudtrail/StopLogging.envelope.json";
    static final String START = "cloudtrail/StartLogging.record.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the flood did and what the store and SNS show afterwards. */
    public record Outcome(int events, int invocations, int processed, int transitions, int alerts,
                         int distinctAlertIds, int malformedSent, int batchItemFailures, long heapBeforeBytes,
                         long heapAfterBytes, long millis) {
    }

    private Flood() {
    }

    /**
     * Sends {@code events} distinct events in bursts of {@code burst}; the caller owns the simulator
     * (over {@code account}) and dynalite (the {@link LocalAuditor#TABLE} table on {@code ddb}).
     */
    public static Outcome run(int events, int burst, Fixtures fixtures, AwsSimulator sim, SimulatedAccount account,
                              URI dynamo, DynamoDbClient ddb) {
        EventHandler handler = LocalAuditor.handler(sim.endpoint(), dynamo, account.account, account.region);
        String stop = fixtures.forDemoAccount(STOP);
        String start = fixtures.forDemoAccount(START);
        long heapBefore = heapAfterGc();
        long began = System.nanoTime();
        int sent = 0;
        int invocations = 0;
        int malformed = 0;
        int failures = 0;
        int stateChanges = 0;
        List<String> ids = new ArrayList<>();
        for (int b = 0; sent < events; b++) {
            boolean stopped = b % 2 == 0;
            if (stopped) {
                account.stopLogging(AccountGenerator.TRAIL, Instant.now());
            } else {
                account.startLogging(AccountGenerator.TRAIL);
            }
            stateChanges++;
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < burst && sent < events; i++, sent++) {
                String id = "f1d%05x-%04x-4000-8000-%012x".formatted(b, i, sent);
                ids.add(id);
                bodies.add(withId(stopped ? stop : start, id));
            }
            // half the burst as SQS batches of ten (nine events and one piece of garbage), half from EventBridge
            int half = bodies.size() / 2;
            for (int i = 0; i < half; i += 9) {
                List<String> batch = new ArrayList<>(bodies.subList(i, Math.min(half, i + 9)));
                batch.add(i % 2 == 0 ? "not json {" : "{\"detail-type\":42}");
                malformed++;
                JsonNode response = readTree(invoke(handler, sqsBatch(batch)));
                failures += response.get("batchItemFailures").size();
                invocations++;
            }
            for (String body : bodies.subList(half, bodies.size())) {
                invoke(handler, body);
                invocations++;
            }
            // redeliveries: EventBridge and SQS are at least once
            invoke(handler, bodies.get(0));
            invoke(handler, sqsBatch(List.of(bodies.get(bodies.size() - 1))));
            invocations += 2;
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        long heapAfter = heapAfterGc();

        EventLedger ledger = new EventLedger(ddb, LocalAuditor.TABLE, io.irready.core.Config.defaults(),
                java.time.Clock.systemUTC());
        // the SQS source is the delayed re-check queue: its deliveries have their own key
        int processed = (int) ids.stream().filter(id -> ledger.processed(id) || ledger.processed(id + "#recheck"))
                .count();
        List<Transition> history = new FindingQueries(ddb, LocalAuditor.TABLE).history(account.account, account.region,
                "cloudtrail-logging-all-regions", account.account + "/" + account.region);
        List<String> alertIds = sim.published().stream()
                .filter(m -> m.getOrDefault("Message", "").contains("cloudtrail-logging-all-regions"))
                .map(m -> transitionId(m.get("Message"))).toList();
        Set<String> distinct = new HashSet<>(alertIds);
        return new Outcome(events, invocations, processed, history.size(), alertIds.size(), distinct.size(),
                malformed, failures, heapBefore, heapAfter, millis);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String transitionId(String structuredMessage) {
        try {
            return JSON.readTree(JSON.readTree(structuredMessage).get("lambda").asText()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withId(String event, String id) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(event);
            if (node.has("detail")) {
                ((ObjectNode) node.get("detail")).put("eventID", id);
                node.put("id", id);
            } else {
                node.put("eventID", id);
            }
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sqsBatch(List<String> bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode r = records.addObject();
            r.put("messageId", "m-" + i);
            r.put("receiptHandle", "r-" + i);
            r.put("body", bodies.get(i));
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:irready-recheck");
        }
        return event.toString();
    }

    static String invoke(EventHandler handler, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Used heap after asking for a collection (twice: one pass may leave finalizable garbage). */
    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
