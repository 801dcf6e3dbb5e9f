package io.irready.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.guardduty.GuardDutyCollector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.testing.AwsWire;
import io.irready.testing.TestChecks;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Checks of one evaluation run side by side, so the services they read are collected in parallel;
 * the inventory still reads each resource once, each service sees a bounded number of calls in
 * flight, and the findings come back in the order the checks were asked for.
 */
class ParallelCollectionTest {
    private static final String ACCOUNT = AwsWire.ACCOUNT;
    private static final String REGION = AwsWire.REGION;
    private static final String TRAIL = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/main";

    /** A region-level check that reads what {@code read} reads and says what it saw. */
    private record Reading(String id, Function<CheckContext, String> read) implements Check {
        @Override
        public CheckMetadata metadata() {
            return TestChecks.metadata(id, Severity.MEDIUM, Granularity.ACCOUNT_REGION, List.of());
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return List.of(ctx.pass(ctx.regionResourceId(), read.apply(ctx)));
        }
    }

    private static Evaluation evaluate(Inventory inventory, List<Reading> checks) {
        Evaluator evaluator = new Evaluator(TestChecks.registry(checks.toArray(Check[]::new)), Config.defaults(),
                Clock.systemUTC());
        return evaluator.evaluate(inventory, checks.stream().map(Reading::id).toList(), Scope.REGION);
    }

    @Test
    void concurrentChecksNeedingTheSameResourceMakeOneAwsCall() {
        try (AwsWire aws = new AwsWire()) {
            // slow answers: every check is waiting on the read while the first one is still in flight
            aws.stub(get(urlPathEqualTo("/detector")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
                    .withHeader("Content-Type", "application/json").withBody("{\"detectorIds\":[\"d1\"]}")));
            aws.stub(get(urlEqualTo("/detector/d1")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
                    .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ENABLED\"}")));
            aws.stub(AwsWire.jsonCall("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus")
                    .willReturn(AwsWire.json("{\"IsLogging\":true}").withFixedDelay(300)));
            int checks = 6;
            // all checks must be running at once to pass the barrier: a sequential evaluator would time out here
            CyclicBarrier together = new CyclicBarrier(checks);
            List<Reading> sameReads = IntStream.range(0, checks).mapToObj(i -> new Reading("test-reader-" + i, ctx -> {
                awaitQuietly(together);
                boolean enabled = ctx.service(GuardDutyInventory.class).detectors().getFirst().enabled();
                boolean logging = ctx.service(CloudTrailInventory.class).status(TRAIL).logging();
                return "detector enabled " + enabled + ", trail logging " + logging;
            })).toList();
            Inventory inventory = new AwsInventoryFactory(aws.clients(), List.of(
                    ServiceCollector.regional(GuardDutyInventory.class, GuardDutyCollector::inventory),
                    ServiceCollector.regional(CloudTrailInventory.class, CloudTrailCollector::inventory)))
                    .create(ACCOUNT, REGION);

            Evaluation evaluation = evaluate(inventory, sameReads);

            assertThat(evaluation.findings()).hasSize(checks)
                    .allSatisfy(f -> assertThat(f.reason()).isEqualTo("detector enabled true, trail logging true"));
            aws.server().verify(1, getRequestedFor(urlPathEqualTo("/detector")));
            aws.server().verify(1, getRequestedFor(urlEqualTo("/detector/d1")));
            aws.server().verify(1, AwsWire.jsonCallMade(
                    "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus"));
        }
    }

    @Test
    void callsToOneServiceStayBoundedWhileServicesOverlap() throws IOException {
        try (InFlight aws = new InFlight()) {
            List<Reading> checks = new ArrayList<>();
            for (int i = 0; i < 5; i++) { // one trail each: five different reads of one service
                String trail = TRAIL + i;
                checks.add(new Reading("test-trail-" + i,
                        ctx -> "logging " + ctx.service(CloudTrailInventory.class).status(trail).logging()));
            }
            for (int i = 0; i < 3; i++) {
                String key = "arn:aws:kms:eu-west-1:123456789012:key/k" + i;
                checks.add(new Reading("test-key-" + i,
                        ctx -> "key " + ctx.service(KmsInventory.class).key(key).orElseThrow().state()));
            }
            Inventory inventory = new AwsInventoryFactory(aws.clients(), List.of(
                    ServiceCollector.regional(CloudTrailInventory.class, CloudTrailCollector::inventory),
                    ServiceCollector.regional(KmsInventory.class, KmsCollector::inventory)))
                    .create(ACCOUNT, REGION);

            Evaluation evaluation = evaluate(inventory, checks);

            assertThat(evaluation.findings()).extracting(Finding::reason).containsExactly("logging true",
                    "logging true", "logging true", "logging true", "logging true", "key Enabled", "key Enabled",
                    "key Enabled");
            assertThat(aws.calls.get("CloudTrail")).hasValue(5);
            assertThat(aws.mostInFlight.get("CloudTrail")).hasValueBetween(2, ServiceCallLimits.PER_SERVICE);
            assertThat(aws.mostInFlight.get("TrentService")).hasValueBetween(1, ServiceCallLimits.PER_SERVICE);
            assertThat(aws.mostInFlightOverall.get()).as("the two services overlap")
                    .isGreaterThan(ServiceCallLimits.PER_SERVICE);
        }
    }

    @Test
    void findingsComeInTheOrderTheChecksWereAskedWhateverAnswersFirst() {
        Random random = new Random(7);
        List<Reading> checks = IntStream.range(0, 12).mapToObj(i -> new Reading("test-late-" + i, ctx -> {
            sleepQuietly(random.nextInt(40));
            return "check " + i;
        })).toList();
        Inventory inventory = Inventory.builder(ACCOUNT, REGION).build();
        Evaluator evaluator = new Evaluator(TestChecks.registry(checks.toArray(Check[]::new)), Config.defaults(),
                Clock.fixed(Instant.parse("2026-12-03T18:00:00Z"), ZoneOffset.UTC));
        List<String> ids = checks.stream().map(Reading::id).toList();

        Evaluation sequential = evaluator.sequential().evaluate(inventory, ids, Scope.REGION);
        for (int run = 0; run < 5; run++) {
            Evaluation parallel = evaluator.evaluate(inventory, ids, Scope.REGION);
            assertThat(parallel.findings()).isEqualTo(sequential.findings());
            assertThat(parallel.completeChecks()).isEqualTo(ids);
        }
    }

    private static void awaitQuietly(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the checks did not run side by side", e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * CloudTrail and KMS (JSON 1.1) on loopback, answering after 200 ms and counting, per service, the
     * calls and the most calls in flight at once.
     */
    private static final class InFlight implements AutoCloseable {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();
        final AtomicInteger mostInFlightOverall = new AtomicInteger();
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final AtomicInteger inFlightOverall = new AtomicInteger();
        private final HttpServer server;

        InFlight() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", this::answer);
            server.start();
        }

        AwsClients clients() {
            return AwsClients.forEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), 1);
        }

        private void answer(HttpExchange exchange) throws IOException {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String service = target.startsWith("TrentService") ? "TrentService" : "CloudTrail";
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            calls.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
            int now = inFlight.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
            mostInFlight.computeIfAbsent(service, s -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            mostInFlightOverall.accumulateAndGet(inFlightOverall.incrementAndGet(), Math::max);
            sleepQuietly(200);
            // counted out before answering: the client may send its next call as soon as it has the answer
            inFlight.get(service).decrementAndGet();
            inFlightOverall.decrementAndGet();
            String answer = service.equals("CloudTrail") ? "{\"IsLogging\":true}"
                    : "{\"KeyMetadata\":{\"Arn\":" + body.replaceAll(".*\"KeyId\"\\s*:\\s*(\"[^\"]*\").*", "$1")
                    + ",\"KeyId\":\"k\",\"KeyState\":\"Enabled\"}}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
