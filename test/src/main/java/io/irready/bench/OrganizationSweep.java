package io.irready.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.AccountScope;
import io.irready.sim.AwsSimulator;
import io.irready.sim.OrganizationGenerator;
import io.irready.sim.SimulatedOrganization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One scheduled organization sweep as the deployed state machine runs it, on the simulator: the plan
 * function, then one sweep-function item per account and region, {@code parallel} at a time (the Distributed
 * Map's MaxConcurrency), all in one "container" (one engine, so STS sessions are shared as a warm Lambda
 * environment shares them). Counts the AWS calls per account, the STS calls, the wall time and the memory.
 */
public final class OrganizationSweep {
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param accounts            accounts in the organization (management included)
     * @param items               sweep items run ({@code accounts × regions})
     * @param wallMillis          the whole sweep, plan included
     * @param itemMillisMedian    median time of one item (under the concurrency)
     * @param callsPerMemberItem  AWS calls one member account-region made, min and max over the members
     * @param managementCalls     calls signed by the central account (its own items, STS, Organizations)
     * @param assumeRoleCalls     STS AssumeRole calls in all
     * @param organizationsCalls  Organizations calls (the plan's listing, names)
     * @param findings            findings the items reported
     * @param peakHeapMb          peak heap used during the sweep (all heap pools), MB
     * @param peakRssMb           peak resident set of the process (VmHWM), MB — simulator and engine together
     */
    public record Figures(String mode, int accounts, int items, int parallel, long wallMillis, long itemMillisMedian,
                          long minCallsPerMemberItem, long maxCallsPerMemberItem, long managementCalls,
                          long assumeRoleCalls, long organizationsCalls, long findings, long peakHeapMb,
                          long peakRssMb) {
    }

    private OrganizationSweep() {
    }

    /** An organization of {@code accounts}, swept in {@code mode} over {@link #REGIONS}, {@code parallel} items at a time. */
    public static Figures run(DynamoDbClient dynamo, String table, int accounts, String mode, int parallel)
            throws Exception {
        SimulatedOrganization org = OrganizationGenerator.organization(accounts, "us-east-1");
        try (AwsSimulator sim = new AwsSimulator(org)) {
            OrganizationAuditor auditor = new OrganizationAuditor(sim, dynamo, table, REGIONS, AccountScope.any(),
                    List.of(), new PrintStream(OutputStream.nullOutputStream()));
            resetPeaks();
            long started = System.nanoTime();
            JsonNode plan = invoke(out -> auditor.planHandler().handleRequest(in("{\"mode\":\"" + mode + "\"}"), out,
                    null)).node();
            List<String> items = new ArrayList<>();
            for (JsonNode account : plan.path("accounts")) {
                for (JsonNode region : plan.path("regions")) {
                    items.add(JSON.createObjectNode().put("mode", mode).put("account", account.path("account").asText())
                            .put("region", region.asText()).put("name", account.path("name").asText()).toString());
                }
            }
            List<Long> itemMillis = Collections.synchronizedList(new ArrayList<>());
            long findings = 0;
            try (ExecutorService map = Executors.newFixedThreadPool(parallel)) {
                List<Future<Timed>> running = items.stream().map(item -> map.submit(() -> invoke(out -> auditor
                        .sweepHandler().handleRequest(in(item), out, null)))).toList();
                for (Future<Timed> f : running) {
                    Timed done = f.get();
                    itemMillis.add(done.millis());
                    findings += done.node().path("findings").asLong();
                }
            }
            long wall = (System.nanoTime() - started) / 1_000_000;
            Map<String, Long> byAccount = sim.callsByAccount();
            String management = org.management.account;
            List<Long> perMemberItem = byAccount.entrySet().stream().filter(e -> !e.getKey().equals(management))
                    .map(e -> e.getValue() / REGIONS.size()).toList();
            Map<String, Long> calls = sim.calls();
            long organizations = calls.entrySet().stream().filter(e -> e.getKey().startsWith("organizations:"))
                    .mapToLong(Map.Entry::getValue).sum();
            List<Long> sorted = itemMillis.stream().sorted().toList();
            return new Figures(mode, accounts, items.size(), parallel, wall, sorted.get(sorted.size() / 2),
                    perMemberItem.stream().mapToLong(Long::longValue).min().orElse(0),
                    perMemberItem.stream().mapToLong(Long::longValue).max().orElse(0),
                    byAccount.getOrDefault(management, 0L), calls.getOrDefault("sts:AssumeRole", 0L), organizations,
                    findings, peakHeapMb(), peakRssMb());
        }
    }

    private record Timed(JsonNode node, long millis) {
    }

    private interface Invocation {
        void run(OutputStream out) throws Exception;
    }

    private static Timed invoke(Invocation invocation) throws Exception {
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invocation.run(out);
        return new Timed(JSON.readTree(out.toByteArray()), (System.nanoTime() - started) / 1_000_000);
    }

    private static ByteArrayInputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** The process's peak resident set (Linux {@code VmHWM}); 0 where /proc is not there. */
    private static long peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0L);
        } catch (Exception e) {
            return 0;
        }
    }
}
