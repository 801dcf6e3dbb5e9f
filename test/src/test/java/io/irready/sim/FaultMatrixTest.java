package io.irready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Every way a service can answer badly, for every service a sweep of the demo account reads: the
 * checks that read the broken service become ERRORs naming it and the action; every other verdict
 * stays what it was on the healthy account; nothing the broken service would have told us turns
 * into PASS, NOT_APPLICABLE or a quietly missing finding; and the sweep still ends promptly.
 */
class FaultMatrixTest {
    /** Far below the production timeouts, so that a stalled service costs the test little. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SWEEP_BOUND = Duration.ofSeconds(20);

    private static SimulatedAccount account;
    private static AwsSimulator sim;
    private static AwsInventoryFactory inventories;
    private static Evaluator evaluator;
    private static Map<String, Finding> healthy;
    private static Set<String> services;

    @BeforeAll
    static void sweepTheHealthyAccount() throws Exception {
        account = AccountGenerator.demo();
        sim = new AwsSimulator(account);
        sim.slowAnswersTake(ATTEMPT_TIMEOUT.multipliedBy(3));
        // one attempt per call: retries are the SDK's, proven elsewhere, and would only slow the matrix
        inventories = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1)
                .withTimeouts(ATTEMPT_TIMEOUT, ATTEMPT_TIMEOUT.multipliedBy(2)));
        // one check at a time: the matrix judges verdicts under each fault within a deliberately tight timing
        // budget, and on a loaded 2-core machine eight checks queueing at the simulator's single lock would
        // spend that budget waiting; the parallel sweep's verdicts are compared below, with normal timeouts
        evaluator = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC()).sequential();
        sweep(); // warms the JIT and the clients, so that the healthy sweep is not the one near a timeout
        sim.resetCalls();
        healthy = sweep();
        services = sim.calls().keySet().stream().map(call -> call.substring(0, call.indexOf(':')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Map<String, Finding> sweep() {
        return evaluator.evaluateAll(inventories.create(account.account, account.region)).findings().stream()
                .collect(Collectors.toMap(f -> f.checkId() + " " + f.resourceId(), Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    @Test
    void theHealthyBaselineHasNoErrorAndReadsManyServices() {
        assertThat(healthy.values()).extracting(Finding::status).doesNotContain(Status.ERROR);
        assertThat(services).contains("cloudtrail", "ec2", "s3", "kms", "logs", "iam");
    }

    @Test
    void theParallelSweepReachesTheSameVerdictsAsOneCheckAtATime() {
        AwsInventoryFactory normalTimeouts = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1));
        Map<String, String> parallel = new LinkedHashMap<>();
        new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluateAll(normalTimeouts.create(account.account, account.region)).findings()
                .forEach(f -> parallel.put(f.checkId() + " " + f.resourceId(), f.status() + " " + f.reason()));
        Map<String, String> oneByOne = new LinkedHashMap<>();
        healthy.forEach((key, f) -> oneByOne.put(key, f.status() + " " + f.reason()));

        assertThat(parallel).containsExactlyEntriesOf(oneByOne);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultyServiceMakesItsChecksErrorsAndLeavesEveryOtherVerdictAlone(Fault fault) {
        List<String> problems = new ArrayList<>();
        for (String service : services) {
            sim.clearFaults();
            sim.inject(service, fault);
            long started = System.nanoTime();
            Map<String, Finding> faulty = sweep();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            sim.clearFaults();
            if (took.compareTo(SWEEP_BOUND) > 0) {
                problems.add(service + ": the sweep took " + took);
            }
            problems.addAll(judge(service, fault, faulty));
        }
        assertThat(problems).as(fault + " on each service in turn").isEmpty();
    }

    /** What is wrong with a sweep while {@code service} answers with {@code fault}; empty when nothing. */
    private static List<String> judge(String service, Fault fault, Map<String, Finding> faulty) {
        List<String> problems = new ArrayList<>();
        Pattern namesTheCall = Pattern.compile("\\b" + Pattern.quote(service) + ":[A-Z][A-Za-z0-9]+");
        Set<String> blinded = new TreeSet<>();
        for (Finding f : faulty.values()) {
            if (f.status() == Status.ERROR) {
                if (!namesTheCall.matcher(f.reason()).find()) {
                    problems.add(service + ": " + f.checkId() + " is an ERROR that names no " + service
                            + " action: " + f.reason());
                }
                if (f.reason().contains("\n") || f.reason().contains("Exception:") || f.reason().contains("java.")) {
                    problems.add(service + ": " + f.checkId() + " has a raw exception in its reason: " + f.reason());
                }
                blinded.add(f.checkId());
            }
        }
        Set<String> changed = new TreeSet<>();
        healthy.forEach((key, before) -> {
            Finding after = faulty.get(key);
            if (after == null || after.status() != before.status()) {
                changed.add(before.checkId());
            }
        });
        faulty.forEach((key, after) -> {
            if (!healthy.containsKey(key)) {
                changed.add(after.checkId());
                if (after.status() != Status.ERROR) {
                    problems.add(service + ": " + after.checkId() + " gave a new " + after.status() + " on "
                            + after.resourceId() + ": " + after.reason());
                }
            }
        });
        for (String checkId : changed) {
            if (!dependsOn(checkId, service)) {
                problems.add(service + ": " + checkId + " does not read " + service + " yet its verdict changed");
            } else if (!blinded.contains(checkId)) {
                problems.add(service + ": " + checkId + " changed its verdict without an ERROR (PASS, "
                        + "NOT_APPLICABLE or a silently dropped resource on a failed read)");
            }
            healthy.forEach((key, before) -> {
                Finding after = faulty.get(key);
                if (before.checkId().equals(checkId) && after != null && after.status() != before.status()
                        && after.status() != Status.ERROR) {
                    problems.add(service + ": " + checkId + " turned " + before.status() + " into " + after.status()
                            + " on " + after.resourceId() + ": " + after.reason());
                }
            });
        }
        boolean called = sim.calls().keySet().stream().anyMatch(call -> call.startsWith(service + ":"));
        if (called && blinded.isEmpty()) {
            problems.add(service + ": " + fault + " blinded no check at all");
        }
        return problems;
    }

    private static boolean dependsOn(String checkId, String service) {
        Check check = Catalog.registry().find(checkId).orElseThrow();
        return check.metadata().permissions().stream().anyMatch(p -> p.startsWith(service + ":"));
    }
}
