package io.irready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.checks.irready.AuditorIntegrity;
import io.irready.core.AuditorIdentity;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.demo.LocalDynamo;
import io.irready.engine.CanarySettings;
import io.irready.engine.Engine;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.inventory.AwsClients;
import io.irready.inventory.irready.CanaryInventory;
import io.irready.lambda.EventHandler;
import io.irready.lambda.SweepHandler;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.store.FindingState;
import io.irready.store.Store;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The pipeline canary end to end: the canary schedule's input to the sweep handler tags the canary log group on
 * the simulator, a real-shaped CloudTrail event of that call goes through the event handler (the delay metric, no
 * FAIL), then a region the canary no longer reaches fails {@code auditor-integrity} with the blind text, alerts,
 * and resolves when a canary event arrives again. The simulated region is a watched region other than irready's
 * home, as a forwarder region is.
 */
class CanaryEndToEndTest {
    static final String TABLE = "irready-canary";
    static final Duration WAIT = Duration.ofMinutes(30);

    final SimulatedAccount account = AccountGenerator.demo();
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3)));
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    AwsSimulator sim;
    LocalDynamo dynamo;
    Store store;
    EventHandler events;
    SweepHandler sweeps;

    void start() throws Exception {
        account.logGroups.put(CanaryInventory.LOG_GROUP_NAME,
                new SimulatedAccount.LogGroup(CanaryInventory.LOG_GROUP_NAME, 1, null));
        sim = new AwsSimulator(account);
        dynamo = LocalDynamo.start(Path.of("..").toAbsolutePath().normalize(), TABLE);
        AwsClients clients = AwsClients.forEndpoint(sim.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCANARY", "canary")), 1);
        CheckRegistry registry = Catalog.registry();
        Config config = Config.builder().regions(List.of(account.region))
                .disabledChecks(registry.all().stream().map(Check::id).filter(id -> !id.equals(AuditorIntegrity.ID))
                        .collect(Collectors.toSet()))
                .auditor(new AuditorIdentity("us-east-1", List.of(), List.of("Irready-event"), null, Optional.empty(),
                        Optional.empty()))
                .build();
        store = Store.open(dynamo.client(), TABLE, config, clock);
        String topic = "arn:aws:sns:" + account.region + ":" + account.account + ":irready-alerts";
        PrintStream out = new PrintStream(logs, true, StandardCharsets.UTF_8);
        Engine engine = Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable().withOwnResources(
                        Set.of(CanaryInventory.logGroupArn(account.region, account.account))))
                .inventories(Catalog.inventories(clients))
                .store(store)
                .notifier(new Notifier(clients.build(SnsClient.builder(), account.region), topic, Optional.empty(),
                        store.outbox(), store.ledger(), registry))
                .ownAccount(() -> account.account)
                .homeRegion(account.region)
                .clock(clock)
                .log(new JsonLog("event", out, clock))
                .metrics(new Metrics("event", out, clock))
                .canary(Optional.of(new CanarySettings(WAIT)))
                .build();
        events = new EventHandler(engine);
        sweeps = new SweepHandler(engine);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void aCanaryEventIsMeasuredAndABlindRegionFailsUntilTheCanaryArrivesAgain() throws Exception {
        start();
        Instant sent = clock.instant();
        invoke(sweeps, "{\"mode\":\"canary\"}");

        assertThat(sim.calls()).containsEntry("logs:TagResource", 1L);
        assertThat(account.logGroupTags.get(CanaryInventory.LOG_GROUP_NAME)).containsEntry("irready:canary",
                sent.toString());

        // CloudTrail records the call a second later; EventBridge delivers it two minutes after that
        clock.advance(Duration.ofSeconds(121));
        assertThat(invoke(events, canaryEvent(sent.plusSeconds(1), sent))).contains("\"ok\"");

        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("\"Region\":\"" + account.region + "\",\"CanaryDelaySeconds\":120}",
                        "\"Region\":\"" + account.region + "\",\"CanaryRoundTripSeconds\":121}",
                        "\"Unit\":\"Seconds\"");
        invoke(sweeps, "{\"mode\":\"critical\"}");
        assertThat(integrity().status()).as("seen within the wait").isEqualTo(FindingState.NOT_APPLICABLE);

        // no canary event for longer than the wait: blind
        clock.advance(WAIT.plusMinutes(1));
        invoke(sweeps, "{\"mode\":\"critical\"}");

        StoredFinding blind = integrity();
        assertThat(blind.status()).isEqualTo(FindingState.FAIL);
        assertThat(blind.reason()).startsWith("irready is blind in " + account.region
                + ": no CloudTrail event has reached it for 31 minutes");
        assertThat(sim.published()).anySatisfy(m -> assertThat(m.get("Message")).contains("irready is blind in "
                + account.region));

        // the canary gets through again: its event alone resolves the finding, without waiting for a sweep
        Instant again = clock.instant();
        invoke(sweeps, "{\"mode\":\"canary\"}");
        clock.advance(Duration.ofSeconds(50));
        int alerts = sim.published().size();
        invoke(events, canaryEvent(again.plusSeconds(1), again));

        assertThat(integrity().status()).isEqualTo(FindingState.NOT_APPLICABLE);
        assertThat(sim.published()).hasSizeGreaterThan(alerts);
        assertThat(store.canary().get(account.account, account.region).orElseThrow().lastArrivedAt())
                .contains(again.plusSeconds(50));
    }

    @Test
    void aLookAlikeTagOnAnotherLogGroupIsNotTheCanary() throws Exception {
        start();
        invoke(sweeps, "{\"mode\":\"canary\"}");
        String other = canaryEvent(clock.instant(), clock.instant()).replace(CanaryInventory.LOG_GROUP_NAME,
                "/aws/lambda/someone-else");

        invoke(events, other);

        assertThat(store.canary().get(account.account, account.region).orElseThrow().lastArrivedAt()).isEmpty();
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("CanaryDelaySeconds");
    }

    StoredFinding integrity() {
        return store.queries().get(account.account, account.region, AuditorIntegrity.ID,
                account.account + "/" + account.region).orElseThrow();
    }

    /** The EventBridge envelope of the canary's TagResource as CloudTrail records a call by the sweep function's role. */
    String canaryEvent(Instant eventTime, Instant sentAt) {
        String role = "Irready-AuditorSweepFunctionRole1A2B3C4D-AbCdEfGh1234";
        return """
                {"version":"0","id":"%1$s","detail-type":"AWS API Call via CloudTrail","source":"aws.logs",
                 "account":"%2$s","time":"%3$s","region":"%4$s","resources":[],
                 "detail":{"eventVersion":"1.09",
                  "userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEID1234567:Irready-sweep",
                   "arn":"arn:aws:sts::%2$s:assumed-role/%5$s/Irready-sweep","accountId":"%2$s",
                   "accessKeyId":"ASIAEXAMPLEKEY123456",
                   "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLEID1234567",
                     "arn":"arn:aws:iam::%2$s:role/%5$s","accountId":"%2$s","userName":"%5$s"},
                    "attributes":{"creationDate":"%3$s","mfaAuthenticated":"false"}}},
                  "eventTime":"%3$s","eventSource":"logs.amazonaws.com","eventName":"TagResource",
                  "awsRegion":"%4$s","sourceIPAddress":"203.0.113.10",
                  "userAgent":"aws-sdk-java/2.40.2 ua/2.1 os/Linux lang/java#21 md/internal exec-env/AWS_Lambda_java21",
                  "requestParameters":{"resourceArn":"arn:aws:logs:%4$s:%2$s:log-group:%6$s",
                   "tags":{"irready:canary":"%7$s"}},
                  "responseElements":null,"requestID":"%8$s","eventID":"%9$s","readOnly":false,
                  "eventType":"AwsApiCall","apiVersion":"20140328","managementEvent":true,
                  "recipientAccountId":"%2$s","eventCategory":"Management",
                  "tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256",
                   "clientProvidedHostHeader":"logs.%4$s.amazonaws.com"}}}
                """.formatted(UUID.randomUUID(), account.account, eventTime, account.region, role,
                CanaryInventory.LOG_GROUP_NAME, sentAt, UUID.randomUUID(), UUID.randomUUID());
    }

    static String invoke(RequestStreamHandler handler, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
