package io.irready.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.MuteList;
import io.irready.events.RouteTable;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.engine.Engine;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.engine.Recheck;
import io.irready.engine.SweepMode;
import io.irready.engine.Sweeper;
import io.irready.lambda.EventHandler;
import io.irready.alerts.BlindWindowEnricher;
import io.irready.alerts.FindingEventBus;
import io.irready.alerts.Notifier;
import io.irready.securityhub.SecurityHubImport;
import io.irready.logging.JsonLoggerProvider;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.store.Store;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code irready demo}: the whole loop on a simulated account, no AWS needed. A loopback AWS
 * simulator (real wire formats) and a local DynamoDB-compatible store (dynalite) stand in for the
 * account; everything else is the code the Lambda functions run: a sweep, then real-shaped
 * CloudTrail events through the same {@link EventHandler}, the alerts exactly as SNS received them,
 * and the findings as they sit in the table.
 */
public final class Demo {
    static final String TABLE = "irready-findings";
    /** The legacy VPC has no flow log; its team accepted that until it is decommissioned. */
    static final String LEGACY_VPC = "vpc-0a1b2c3d4e5f60003";
    static final String LEGACY_REASON = "legacy VPC, no workloads left; decommissioned by NET-412";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the demo did, for its test. */
    public record Result(List<Map<String, String>> published, List<StoredFinding> findings, double initialScore,
                         double finalScore, List<JsonNode> securityHubImports, List<JsonNode> putEvents) {
    }

    private final PrintStream out;
    private final boolean verbose;

    public Demo(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        if (!verbose) {
            // the functions log to stderr in Lambda; here the demo's own output tells the story
            System.setProperty(JsonLoggerProvider.LEVEL_PROPERTY, "warn");
        }
        if (List.of(args).contains("--help")) {
            System.out.println("Usage: irready demo [--verbose] [--accounts N]\n\nRuns irready end to end on a simulated "
                    + "AWS account (loopback) with a local DynamoDB-compatible store (dynalite, from npm). No AWS account "
                    + "needed.\n"
                    + "  --verbose     also print the functions' JSON log lines and EMF metrics\n"
                    + "  --accounts N  an organization of N accounts instead (2-200): the organization sweep, "
                    + "per-account and organization scores, an alert from a member account");
            return;
        }
        int accounts = List.of(args).indexOf("--accounts");
        try {
            if (accounts >= 0) {
                if (accounts + 1 >= args.length || !args[accounts + 1].matches("\\d{1,4}")) {
                    throw new IllegalStateException("--accounts needs a number of accounts, e.g. --accounts 5");
                }
                new OrganizationDemo(System.out, verbose, Integer.parseInt(args[accounts + 1])).run(repositoryRoot());
                return;
            }
            new Demo(System.out, verbose).run(repositoryRoot());
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("irready demo: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("irready demo failed: " + e);
            System.exit(1);
        }
    }

    /** Finds the checkout (the folder with package.json) from the working directory up. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("package.json")) && Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("run the demo from the irready checkout (no package.json found above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public Result run(Path root) throws Exception {
        Instant started = Instant.now();
        SimulatedAccount account = AccountGenerator.demo();
        String region = account.region;
        try (AwsSimulator sim = new AwsSimulator(account); LocalDynamo dynamo = LocalDynamo.start(root, TABLE)) {
            String mutes = muteList();
            Engine engine = engine(sim, dynamo, mutes);
            out.printf("irready demo — simulated AWS account %s (%s) on %s, findings in a local DynamoDB (dynalite)%n",
                    account.account, region, sim.endpoint());
            out.println("Mute list (accepted risks, as IRREADY_MUTELIST_FILE or --mutelist reads it):");
            out.println(indent(mutes));

            heading("1. Sweep: every check over the account (the hourly SweepHandler)");
            Sweeper.SweepOutcome sweep = engine.sweeper().sweep(SweepMode.FULL);
            List<StoredFinding> findings = engine.store().queries().findings(account.account, region);
            printTable(findings);
            double initialScore = sweep.regions().get(0).score();
            out.printf("%nReadiness score: %.0f/100 — %d alerts published for what failed on the first sweep%n",
                    initialScore, sim.published().size());

            EventHandler handler = new EventHandler(engine);
            String trailArn = account.trailArn(account.trails.get(0));
            // the story happened over the last ten minutes: the trail was off from now-10 min until now
            Instant now = Instant.now().minusSeconds(600);

            heading("2. mallory stops the trail (StopLogging)");
            account.stopLogging(AccountGenerator.TRAIL, now);
            deliver(sim, handler, DemoEvents.stopLogging(account.account, region, trailArn, now));

            // what CloudTrail Event History still records while the trail is off
            blindActivity(account, now);

            heading("3. mallory deletes the production VPC's flow log (DeleteFlowLogs)");
            account.deleteFlowLog(AccountGenerator.PROD_FLOW_LOG);
            deliver(sim, handler, DemoEvents.deleteFlowLogs(account.account, region, AccountGenerator.PROD_FLOW_LOG,
                    now.plusSeconds(40)));

            heading("4. mallory turns off the orders database's audit log export (ModifyDBInstance)");
            account.disableDbLogExports(AccountGenerator.ORDERS_DB, List.of("audit"));
            deliver(sim, handler, DemoEvents.disableDbLogExports(account.account, region, AccountGenerator.ORDERS_DB,
                    now.plusSeconds(75)));

            heading("5. alice turns the trail back on (StartLogging)");
            account.startLogging(AccountGenerator.TRAIL);
            deliver(sim, handler, DemoEvents.startLogging(account.account, region, AccountGenerator.TRAIL,
                    Instant.now()));

            heading("6. alice turns on the ml-training EKS cluster's audit and authenticator logs (UpdateClusterConfig)");
            account.enableEksLogs(AccountGenerator.ML_CLUSTER, List.of("audit", "authenticator"));
            deliver(sim, handler, DemoEvents.enableEksAuditLogs(account.account, region, AccountGenerator.ML_CLUSTER,
                    Instant.now()));

            heading("7. The findings table, as the DynamoDB console shows it (index open-findings)");
            List<StoredFinding> open = engine.store().queries().openFindings().stream()
                    .sorted(Comparator.comparing(StoredFinding::statusChangedAt).reversed()).toList();
            printTable(open);
            heading("8. Where security teams triage: Security Hub (ASFF) and the default event bus");
            printSecurityHub(sim);
            double finalScore = engine.store().scores().recordScore(account.account, region).score().score();
            out.printf("%nReadiness score now: %.0f/100 (was %.0f). %d SNS messages in all; %d AWS API calls "
                    + "served by the simulator. Finished in %.1f s.%n", finalScore, initialScore, sim.published().size(),
                    sim.totalCalls(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
            return new Result(sim.published(), engine.store().queries().allFindings(), initialScore, finalScore,
                    sim.securityHubImports(), sim.putEvents());
        }
    }

    /** One accepted risk, expiring in 90 days so that the demo shows it muted whenever it runs. */
    static String muteList() {
        return """
                {"mutes": [{"check": "vpc-flow-logs-enabled", "resource": "arn:aws:ec2:*:vpc/%s",
                            "reason": "%s", "expires": "%s"}]}""".formatted(LEGACY_VPC, LEGACY_REASON,
                LocalDate.now(ZoneOffset.UTC).plusDays(90));
    }

    private Engine engine(AwsSimulator sim, LocalDynamo dynamo, String mutes) {
        SimulatedAccount account = sim.account();
        AwsClients clients = AwsClients.forEndpoint(sim.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 2);
        Config config = Config.builder().regions(List.of(account.region))
                .responderRoleArn(AccountGenerator.RESPONDER_ROLE.formatted(account.account))
                .securityHubImport(true)
                .mutes(MuteList.parse(mutes, "demo mute list")).build();
        CheckRegistry registry = Catalog.registry();
        Clock clock = Clock.systemUTC();
        Store store = Store.open(dynamo.client(), dynamo.tableName(), config, clock);
        String topic = "arn:aws:sns:" + account.region + ":" + account.account + ":irready-alerts";
        Notifier notifier = new Notifier(clients.build(SnsClient.builder(), account.region), topic, Optional.empty(),
                store.outbox(), store.ledger(), registry);
        Recheck recheck = new Recheck(clients.build(SqsClient.builder(), account.region),
                sim.endpoint() + "/" + account.account + "/irready-recheck");
        PrintStream logs = verbose ? out : new PrintStream(OutputStream.nullOutputStream());
        return Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable())
                .inventories(Catalog.inventories(clients))
                .store(store)
                .notifier(notifier)
                .recheck(recheck)
                .ownAccount(() -> account.account)
                .homeRegion(account.region)
                .clock(clock)
                .log(new JsonLog("irready-demo", logs, clock))
                .metrics(new Metrics("irready-demo", logs, clock))
                // as in Lambda: a resolved trail alert lists what CloudTrail Event History saw while it was off
                .enricher(new BlindWindowEnricher(LookupEventsCollector.standard(clients), config.regions(), clock)::enrich)
                // as a deployment with -c securityHub=true: each transition updates its ASFF finding
                .securityHub(Optional.of(new SecurityHubImport(r -> clients.build(SecurityHubClient.builder(), r),
                        registry, t -> store.queries().get(t.account(), t.region(), t.checkId(), t.resourceId())
                                .map(StoredFinding::firstSeenAt))))
                .findingEvents(Optional.of(new FindingEventBus(clients.build(EventBridgeClient.builder(),
                        account.region))))
                .build();
    }

    /** Hands one EventBridge envelope to the Lambda handler and prints the alerts it published. */
    private void deliver(AwsSimulator sim, EventHandler handler, String envelope) throws Exception {
        int before = sim.published().size();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)), response, null);
        List<Map<String, String>> alerts = sim.published().subList(before, sim.published().size());
        if (alerts.isEmpty()) {
            out.println("(no alert: nothing changed state)");
        }
        for (Map<String, String> publish : alerts) {
            printAlert(publish);
        }
    }

    private void printAlert(Map<String, String> publish) throws Exception {
        JsonNode message = JSON.readTree(publish.getOrDefault("Message", "{}"));
        out.println("── email (" + publish.getOrDefault("Subject", "") + ") ──");
        out.println(indent(message.path("email").asText(message.path("default").asText())));
        JsonNode card = JSON.readTree(message.path("https").asText("{}"));
        out.println("── Slack (AWS Chatbot custom notification) ──");
        out.println(indent("*" + card.path("content").path("title").asText() + "*\n"
                + card.path("content").path("description").asText()));
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    /** What the simulator recorded of the Security Hub imports and the finding events. */
    private void printSecurityHub(AwsSimulator sim) {
        List<JsonNode> imported = new ArrayList<>();
        sim.securityHubImports().forEach(body -> body.path("Findings").forEach(imported::add));
        int events = sim.putEvents().stream().mapToInt(b -> b.path("Entries").size()).sum();
        out.printf("%d BatchImportFindings requests imported %d ASFF findings; %d \"Readiness Finding Changed\" "
                + "events went to the default bus.%n", sim.securityHubImports().size(), imported.size(), events);
        out.println("The trail's finding in Security Hub, import by import (one Id, updated in place):");
        for (JsonNode f : imported) {
            if ("cloudtrail-logging-all-regions".equals(f.path("GeneratorId").asText())) {
                out.printf("  %s  %-7s %-8s UpdatedAt %s%n", f.path("Id").asText(),
                        f.path("Compliance").path("Status").asText(), f.path("RecordState").asText(),
                        f.path("UpdatedAt").asText());
            }
        }
    }

    private void heading(String text) {
        out.println();
        out.println("== " + text);
    }

    private void printTable(List<StoredFinding> findings) {
        out.printf("%-6s %-8s %-30s %s%n", "STATUS", "SEVERITY", "CHECK", "RESOURCE");
        List<StoredFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing((StoredFinding f) -> f.isMuted() ? "MUTED" : f.status().name()).thenComparing(StoredFinding::checkId)
                .thenComparing(StoredFinding::resourceId));
        for (StoredFinding f : sorted) {
            out.printf("%-6s %-8s %-30s %s%n", f.isMuted() ? "MUTED" : f.status().name().replace("NOT_APPLICABLE", "N/A"),
                    f.severity(), f.checkId(), shortId(f.resourceId()));
            if (f.isMuted()) {
                out.println("       ↳ accepted risk (" + f.status() + "): " + f.muted().get().reason()
                        + f.muted().get().expires().map(d -> ", until " + d).orElse(""));
            } else if (f.status().name().equals("FAIL") || f.status().name().equals("ERROR")) {
                out.println("       ↳ " + (f.reason().length() > 150 ? f.reason().substring(0, 149) + "…" : f.reason()));
            }
        }
    }

    /** The readable tail of an ARN: {@code vpc/vpc-0a1b…} rather than the whole ARN. */
    static String shortId(String id) {
        if (!id.startsWith("arn:")) {
            return id;
        }
        String[] parts = id.split(":", 6);
        return parts.length == 6 ? parts[5] : id;
    }

    private static void blindActivity(SimulatedAccount account, Instant stoppedAt) {
        String mallory = DemoEvents.ATTACKER.formatted(account.account);
        String[][] activity = {{"iam.amazonaws.com", "CreateUser"}, {"iam.amazonaws.com", "CreateAccessKey"},
            {"iam.amazonaws.com", "AttachUserPolicy"}, {"ec2.amazonaws.com", "AuthorizeSecurityGroupIngress"},
            {"s3.amazonaws.com", "PutBucketPolicy"}};
        for (int i = 0; i < activity.length; i++) {
            account.eventHistory.add(0, Map.of("eventId", "blind-" + i, "eventName", activity[i][1],
                    "eventSource", activity[i][0], "sourceIp", DemoEvents.ATTACKER_IP, "principal", mallory,
                    "eventTime", stoppedAt.plusSeconds(60L * (i + 1)).toString()));
        }
    }
}
