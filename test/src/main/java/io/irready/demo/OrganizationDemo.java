package io.irready.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.bench.OrganizationAuditor;
import io.irready.core.AccountScope;
import io.irready.lambda.EventHandler;
import io.irready.organization.OrganizationScore;
import io.irready.organization.OrganizationScore.AccountScore;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.OrganizationGenerator;
import io.irready.sim.SimulatedAccount;
import io.irready.sim.SimulatedOrganization;
import io.irready.store.ReadinessScore;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code irready demo --accounts N}: the organization deployment on the simulator. An organization of N
 * accounts (the management account, where irready runs, and members with its audit role) is swept the way
 * the deployed state machine sweeps it: the plan function lists the accounts, then one sweep item per
 * account and region, ten at a time like the Distributed Map. Then an intruder stops the trail in member
 * {@code prod}; the event reaches the central event function, which enters {@code prod} through the audit
 * role and alerts, naming the account.
 */
public final class OrganizationDemo {
    static final String TABLE = "irready-org-findings";
    static final int PARALLEL = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the demo did, for its test. */
    public record Result(JsonNode plan, List<JsonNode> items, OrganizationScore before, OrganizationScore after,
                         List<Map<String, String>> stopLoggingAlerts, long assumeRoleCalls) {
    }

    private final PrintStream out;
    private final boolean verbose;
    private final int accounts;

    public OrganizationDemo(PrintStream out, boolean verbose, int accounts) {
        if (accounts < 2 || accounts > 200) {
            throw new IllegalArgumentException("--accounts must be between 2 and 200, got " + accounts);
        }
        this.out = out;
        this.verbose = verbose;
        this.accounts = accounts;
    }

    public Result run(Path root) throws Exception {
        Instant started = Instant.now();
        String region = AccountGenerator.DEMO_REGION;
        SimulatedOrganization org = OrganizationGenerator.organization(accounts, region);
        String prod = OrganizationGenerator.member(1);
        try (AwsSimulator sim = new AwsSimulator(org); LocalDynamo dynamo = LocalDynamo.start(root, TABLE)) {
            PrintStream logs = verbose ? out : new PrintStream(OutputStream.nullOutputStream());
            OrganizationAuditor auditor = new OrganizationAuditor(sim, dynamo.client(), dynamo.tableName(),
                    List.of(region), AccountScope.any(), List.of(), logs);
            out.printf("irready demo — a simulated AWS Organization of %d accounts on %s; irready runs in the "
                    + "management account %s, findings in a local DynamoDB (dynalite)%n", accounts, sim.endpoint(),
                    org.management.account);

            heading("1. The sweep plan (SweepPlanHandler: Organizations ListAccounts, ACTIVE accounts in scope)");
            JsonNode plan = invoke(out -> auditor.planHandler().handleRequest(in("{\"mode\":\"full\"}"), out, null));
            out.printf("mode %s, regions %s, %d accounts → %d sweep items%n", plan.path("mode").asText(),
                    plan.path("regions"), plan.path("accounts").size(),
                    plan.path("accounts").size() * plan.path("regions").size());

            heading("2. One sweep item per account and region (SweepHandler, " + PARALLEL
                    + " at a time like the Distributed Map)");
            List<JsonNode> items = sweepItems(auditor, plan);
            long unreachable = items.stream().filter(i -> !i.path("reachable").asBoolean()).count();
            out.printf("%d items swept, %d accounts unreachable, %d STS AssumeRole calls (one per member account), "
                    + "%d alerts published for what failed on the first sweep%n", items.size(), unreachable,
                    sim.calls().getOrDefault("sts:AssumeRole", 0L), sim.published().size());
            OrganizationScore before = score(auditor, org, region);
            printScores(before);

            heading("3. mallory stops the trail in member prod (StopLogging, delivered to the central event bus)");
            SimulatedAccount member = org.account(prod);
            Instant at = Instant.now().minusSeconds(60);
            member.stopLogging(AccountGenerator.TRAIL, at);
            int published = sim.published().size();
            invoke(o -> new EventHandler(auditor.engine()).handleRequest(in(DemoEvents.stopLogging(prod, region,
                    member.trailArn(member.trails.get(0)), at)), o, null));
            List<Map<String, String>> alerts = List.copyOf(sim.published().subList(published, sim.published().size()));
            for (Map<String, String> publish : alerts) {
                JsonNode message = JSON.readTree(publish.getOrDefault("Message", "{}"));
                out.println("── email (" + publish.getOrDefault("Subject", "") + ") ──");
                out.println(indent(message.path("email").asText()));
            }
            OrganizationScore after = score(auditor, org, region);
            out.printf("%nprod (%s) now scores %.1f/100; %s%n", prod, after.accounts().stream()
                    .filter(a -> a.account().equals(prod)).findFirst().orElseThrow().score().score(), after.summary());
            out.printf("%d AWS API calls served by the simulator, %d STS AssumeRole calls in all. Finished in %.1f s.%n",
                    sim.totalCalls(), sim.calls().getOrDefault("sts:AssumeRole", 0L),
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return new Result(plan, items, before, after, alerts, sim.calls().getOrDefault("sts:AssumeRole", 0L));
        }
    }

    /** The items the Distributed Map would run, {@value #PARALLEL} at a time, through the sweep function. */
    static List<JsonNode> sweepItems(OrganizationAuditor auditor, JsonNode plan) throws Exception {
        List<String> items = new ArrayList<>();
        for (JsonNode account : plan.path("accounts")) {
            for (JsonNode region : plan.path("regions")) {
                items.add(JSON.createObjectNode().put("mode", plan.path("mode").asText())
                        .put("account", account.path("account").asText()).put("region", region.asText())
                        .put("name", account.path("name").asText()).toString());
            }
        }
        List<JsonNode> outcomes = new ArrayList<>();
        try (ExecutorService map = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<JsonNode>> running = items.stream().map(item -> map.submit(() -> invoke(out -> auditor
                    .sweepHandler().handleRequest(in(item), out, null)))).toList();
            for (Future<JsonNode> f : running) {
                outcomes.add(f.get());
            }
        }
        return outcomes;
    }

    /** Each account's score from its stored findings, the organization's and each OU's. */
    static OrganizationScore score(OrganizationAuditor auditor, SimulatedOrganization org, String region) {
        List<AccountScore> scores = new ArrayList<>();
        for (String account : org.accounts.keySet()) {
            List<StoredFinding> findings = auditor.engine().store().queries().findings(account, region);
            scores.add(new AccountScore(account, org.name(account), ReadinessScore.of(findings)));
        }
        Map<String, Map.Entry<String, List<String>>> units = new LinkedHashMap<>();
        for (SimulatedOrganization.Ou ou : org.ous) {
            units.put(ou.id(), Map.entry(ou.name(), org.memberships.entrySet().stream()
                    .filter(e -> e.getValue().parent().equals(ou.id())).map(Map.Entry::getKey).toList()));
        }
        return OrganizationScore.of(scores, units);
    }

    private void printScores(OrganizationScore score) {
        out.printf("%n%-14s %-14s %7s %5s %5s %5s%n", "ACCOUNT", "NAME", "SCORE", "PASS", "FAIL", "ERROR");
        for (AccountScore a : score.accounts()) {
            ReadinessScore s = a.score();
            out.printf("%-14s %-14s %7.1f %5d %5d %5d%n", a.account(), a.name(), s.score(), s.pass(), s.fail(),
                    s.error());
        }
        for (OrganizationScore.UnitScore unit : score.units()) {
            out.printf("OU %-16s %5.1f/100 over %d accounts%n", unit.name(), unit.score(), unit.accounts());
        }
        out.println(score.summary());
    }

    private interface Invocation {
        void run(OutputStream out) throws Exception;
    }

    private static JsonNode invoke(Invocation invocation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invocation.run(out);
        return JSON.readTree(out.toByteArray());
    }

    private static ByteArrayInputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text);
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
