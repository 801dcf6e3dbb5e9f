package io.irready.alerts;

import static io.irready.alerts.NotifierTest.REGISTRY;
import static io.irready.testing.SnsCapture.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.OutboxMessage;
import io.irready.store.RecordResult;
import io.irready.store.Store;
import io.irready.store.Transition;
import io.irready.testing.AwsWire;
import io.irready.testing.Dynalite;
import io.irready.testing.SettableClock;
import io.irready.testing.SnsCapture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The delivery promise, over random but reproducible interleavings: events delivered several
 * times, out of order and concurrently, over one or two resources, with sweeps racing them, an SNS
 * publish that fails and a sweep that dies holding its claims. After the next sweep, every
 * transition that happened is published (exactly once here: racing publishers claim first), every
 * message carries its transition's id and content, no message names a transition that did not
 * happen, and each finding's stored state is what its latest observation saw.
 *
 * <p>A delivery does what {@link io.irready.engine.EventPipeline} does with an event's verdicts:
 * skip a processed event id, record, publish, remember the id. Seed and rounds can be set with
 * {@code -Dirready.delivery.seed=…} and {@code -Dirready.delivery.rounds=…} to replay a failure.
 */
class DeliveryPropertyTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final long SEED = Long.getLong("irready.delivery.seed", 20261203L);
    static final int ROUNDS = Integer.getInteger("irready.delivery.rounds", 100);
    static final String CHECK = "vpc-flow-logs-enabled";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final List<Status> STATES = List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.NOT_APPLICABLE);

    static final AwsWire AWS = new AwsWire();
    static final AwsWire SNS_DOWN = new AwsWire();
    static SnsCapture sns;
    static ExecutorService lanes;

    final SettableClock clock = new SettableClock(T0.plus(Duration.ofDays(1)));

    @BeforeAll
    static void start() {
        sns = new SnsCapture(AWS);
        // not retried by the SDK: the publish fails at once, as after a crash nothing would follow either
        SNS_DOWN.stub(AwsWire.queryCall("Publish").willReturn(AwsWire.queryError(403, "AuthorizationError",
                "not authorized to perform SNS:Publish")));
        lanes = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stop() {
        lanes.shutdownNow();
        AWS.close();
        SNS_DOWN.close();
    }

    /** One CloudTrail event's observation of one resource. */
    record Event(String id, String resource, Instant observedAt, Status status) {
        Evaluation evaluation() {
            return new Evaluation(NotifierTest.ACCOUNT, NotifierTest.REGION, observedAt, Scope.REGION, List.of(),
                    List.of(new Finding(CHECK, Severity.HIGH, NotifierTest.ACCOUNT, NotifierTest.REGION, resource,
                            status, "VPC " + resource + " observed " + status + " at " + observedAt, observedAt)));
        }

        ChangedBy changedBy() {
            return new ChangedBy("ModifyVpc", id, "arn:aws:iam::123456789012:user/dev", "203.0.113.9", "aws-cli/2",
                    observedAt.toString());
        }
    }

    /** One step a lane (an invocation) takes. */
    sealed interface Step permits Deliver, Sweep, DyingSweep {
    }

    record Deliver(Event event, boolean snsFails) implements Step {
    }

    record Sweep() implements Step {
    }

    /** A sweep that claims what is unsent and dies before publishing it. */
    record DyingSweep() implements Step {
    }

    /** Each lane is its own invocation: its own store objects and SNS clients over the one table, as separate Lambda instances. */
    record Invocation(Store store, Notifier notifier, Notifier failing) {
    }

    Invocation invocation(String table) {
        Store store = Store.open(DYNALITE.client(), table, Config.defaults(), clock);
        return new Invocation(store, notifier(AWS, store), notifier(SNS_DOWN, store));
    }

    static Notifier notifier(AwsWire wire, Store store) {
        return new Notifier(wire.clients().build(SnsClient.builder(), AwsWire.REGION), TOPIC, Optional.empty(),
                store.outbox(), store.ledger(), REGISTRY);
    }

    @Test
    void everyTransitionIsPublishedUnderDuplicatedReorderedAndConcurrentDeliveriesRacingSweepsAndCrashes()
            throws Exception {
        String table = DYNALITE.newTable();
        List<Invocation> invocations = List.of(invocation(table), invocation(table), invocation(table));
        Invocation nextSweep = invocation(table);
        for (int round = 0; round < ROUNDS; round++) {
            long seed = SEED + round;
            runRound(invocations, nextSweep, round, new Random(seed), "seed " + seed + " (round " + round + ")");
        }
    }

    private void runRound(List<Invocation> invocations, Invocation next, int round, Random random, String label)
            throws Exception {
        // the events: one or two resources, one to four observations each, distinct times
        List<Event> events = new ArrayList<>();
        int resources = 1 + random.nextInt(2);
        for (int r = 0; r < resources; r++) {
            String resource = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-r" + round + "x" + r;
            int observations = 1 + random.nextInt(4);
            for (int o = 0; o < observations; o++) {
                events.add(new Event("ev-" + round + "-" + r + "-" + o, resource,
                        T0.plusSeconds(round * 100L + o * 10L + r), STATES.get(random.nextInt(STATES.size()))));
            }
        }
        // the deliveries: each event once to three times, shuffled, spread over one to three lanes
        List<Step> steps = new ArrayList<>();
        for (Event e : events) {
            int copies = 1 + random.nextInt(3);
            for (int c = 0; c < copies; c++) {
                steps.add(new Deliver(e, false));
            }
        }
        Collections.shuffle(steps, random);
        if (random.nextBoolean()) {
            int crash = random.nextInt(steps.size());
            steps.set(crash, new Deliver(((Deliver) steps.get(crash)).event(), true));
        }
        for (int s = random.nextInt(3); s > 0; s--) {
            steps.add(random.nextInt(steps.size() + 1), new Sweep());
        }
        if (random.nextInt(4) == 0) {
            steps.add(random.nextInt(steps.size() + 1), new DyingSweep());
        }
        int laneCount = 1 + random.nextInt(3);
        List<List<Step>> byLane = new ArrayList<>();
        for (int l = 0; l < laneCount; l++) {
            byLane.add(new ArrayList<>());
        }
        steps.forEach(step -> byLane.get(random.nextInt(laneCount)).add(step));

        int publishedBefore = sns.published().size();
        CyclicBarrier start = new CyclicBarrier(laneCount);
        List<Future<?>> running = new ArrayList<>();
        for (int l = 0; l < laneCount; l++) {
            List<Step> lane = byLane.get(l);
            Invocation invocation = invocations.get(l);
            running.add(lanes.submit(() -> {
                start.await();
                for (Step step : lane) {
                    run(step, invocation);
                }
                return null;
            }));
        }
        for (Future<?> lane : running) {
            lane.get();
        }
        // the next scheduled sweep, after any dead sweep's claims have expired
        clock.advance(io.irready.store.Outbox.CLAIM_TTL.plusSeconds(1));
        next.notifier().republishUnsent();
        assertThat(next.notifier().republishUnsent().published()).as(label + ": a second sweep sends nothing").isZero();
        assertThat(next.store().outbox().unsent()).as(label + ": outbox drained").isEmpty();

        List<SnsCapture.Published> all = sns.published();
        List<JsonNode> published = all.subList(publishedBefore, all.size()).stream()
                .map(SnsCapture.Published::structured).toList();
        verify(events, published, next.store(), label + " " + describe(byLane));
    }

    /** The round's plan in short, to read a failure: per lane, e.g. {@code [ev-3-0-1, ev-3-0-1!, sweep, dying]}. */
    private static String describe(List<List<Step>> byLane) {
        return byLane.stream().map(lane -> lane.stream().map(step -> switch (step) {
            case Deliver d -> d.event().id() + ":" + d.event().status() + (d.snsFails() ? "!" : "");
            case Sweep s -> "sweep";
            case DyingSweep d -> "dying-sweep";
        }).toList().toString()).collect(Collectors.joining(" | "));
    }

    private static void run(Step step, Invocation invocation) {
        switch (step) {
            case Deliver d -> {
                String key = d.event().id();
                if (invocation.store().ledger().processed(key)) {
                    return;
                }
                RecordResult result = invocation.store().findings().record(d.event().evaluation(),
                        Optional.of(d.event().changedBy()));
                (d.snsFails() ? invocation.failing() : invocation.notifier()).publish(result.transitions(), false);
                invocation.store().ledger().markProcessed(key);
            }
            case Sweep s -> invocation.notifier().republishUnsent();
            case DyingSweep dying -> {
                for (OutboxMessage m : invocation.store().outbox().unsent()) {
                    invocation.store().outbox().claim(m, "dead-sweep");
                }
            }
        }
    }

    private static void verify(List<Event> events, List<JsonNode> published, Store store, String label) {
        Map<String, List<Event>> byResource = events.stream().collect(Collectors.groupingBy(Event::resource));
        Map<String, Transition> alerting = new HashMap<>();
        for (Map.Entry<String, List<Event>> entry : byResource.entrySet()) {
            String resource = entry.getKey();
            Event latest = entry.getValue().stream().max(Comparator.comparing(Event::observedAt)).orElseThrow();
            FindingState finalState = FindingState.of(latest.status());
            assertThat(store.queries().get(NotifierTest.ACCOUNT, NotifierTest.REGION, CHECK, resource).orElseThrow()
                    .status()).as(label + ": final state of " + resource).isEqualTo(finalState);

            // history is a chain of observed states, in observation order, ending in the final state
            List<Transition> history = store.queries().history(NotifierTest.ACCOUNT, NotifierTest.REGION, CHECK, resource);
            Optional<FindingState> previous = Optional.empty();
            Instant previousAt = Instant.MIN;
            for (Transition t : history) {
                assertThat(t.from()).as(label + ": chain of " + resource).isEqualTo(previous);
                assertThat(t.at()).as(label + ": history in observation order").isAfter(previousAt);
                assertThat(entry.getValue()).as(label + ": transition " + t + " was observed")
                        .anyMatch(e -> e.observedAt().equals(t.at()) && FindingState.of(e.status()) == t.to());
                previous = Optional.of(t.to());
                previousAt = t.at();
                if (t.alert()) {
                    alerting.put(t.transitionId(), t);
                }
            }
            assertThat(previous).as(label + ": history ends in the final state").contains(finalState);
        }

        Map<String, List<JsonNode>> copies = published.stream().collect(Collectors.groupingBy(m -> m.get("id").asText()));
        assertThat(copies.keySet()).as(label + ": no message for a transition that did not happen")
                .isSubsetOf(alerting.keySet());
        assertThat(alerting.keySet()).as(label + ": no transition lost").isSubsetOf(copies.keySet());
        copies.forEach((id, messages) -> {
            Transition t = alerting.get(id);
            assertThat(messages).as(label + ": copies of " + id + " (claims: once)").hasSize(1);
            assertThat(messages).as(label + ": every copy of " + id + " tells the same transition").allSatisfy(m -> {
                assertThat(m.get("resourceId").asText()).isEqualTo(t.resourceId());
                assertThat(m.get("to").asText()).isEqualTo(t.to().name());
                assertThat(Instant.parse(m.get("at").asText())).isEqualTo(t.at());
            });
        });
    }
}
