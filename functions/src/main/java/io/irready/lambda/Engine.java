package io.irready.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Inventory;
import io.irready.core.Memo;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.events.CheckTarget;
import io.irready.events.CloudTrailEvent;
import io.irready.events.EventParser;
import io.irready.events.MalformedEvent;
import io.irready.events.ParsedEvent;
import io.irready.events.RouteTable;
import io.irready.events.RoutingDecision;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.store.ChangedBy;
import io.irready.store.RecordResult;
import io.irready.store.ScorePoint;
import io.irready.store.Store;
import io.irready.store.TamperAttempt;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The pipeline every entry point shares — parse, route, evaluate, store, notify — with its clients
 * injected, so that the Lambda handlers, the CLI, the demo and the tests (WireMock + dynalite)
 * run the same code. Handlers are thin adapters over {@link #handleEvents} and {@link #sweep}.
 */
public final class Engine {
    /** Delay of the re-check for eventually consistent services (SQS allows at most 900 s). */
    public static final int RECHECK_DELAY_SECONDS = 120;

    /**
     * Reads a whole invocation (up to Lambda's 6 MB payload): an SQS batch may hold bodies near the
     * SQS limit; each event inside is then held to the parser's per-event limits.
     */
    private static final ObjectMapper INVOCATION = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(EventParser.MAX_DEPTH)
                    .maxStringLength(8 * 1024 * 1024).maxDocumentLength(8L * 1024 * 1024).build())
            .build());

    private final Config config;
    private final Enricher enricher;
    private final CheckRegistry registry;
    private final RouteTable routes;
    private final AwsInventoryFactory inventories;
    private final Store store;
    private final Notifier notifier;
    private final Optional<Recheck> recheck;
    private final Supplier<String> ownAccount;
    private final String homeRegion;
    private final Evaluator evaluator;
    private final EventParser parser = new EventParser();
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;

    /**
     * A hook that may rewrite an evaluation before it is recorded (e.g. the blind-window report on a
     * resolving logging gap). {@code failingSince} tells, for a finding, since when its stored state
     * has been FAIL (empty when it is not FAIL or not stored).
     */
    @FunctionalInterface
    public interface Enricher {
        Enricher NONE = (evaluation, inventory, failingSince) -> evaluation;

        Evaluation enrich(Evaluation evaluation, Inventory inventory,
                          java.util.function.Function<io.irready.core.Finding, Optional<java.time.Instant>> failingSince);
    }

    /** Where delayed re-checks go: an SQS queue (with its own delivery delay as a floor). */
    public record Recheck(SqsClient sqs, String queueUrl) {
    }

    /**
     * @param ownAccount the account the auditor runs in (sweeps evaluate it); called once, lazily
     * @param homeRegion the region to evaluate when the configuration lists none
     */
    public Engine(Config config, CheckRegistry registry, RouteTable routes, AwsInventoryFactory inventories,
                  Store store, Notifier notifier, Optional<Recheck> recheck, Supplier<String> ownAccount,
                  String homeRegion, Clock clock, JsonLog log, Metrics metrics) {
        this(config, registry, routes, inventories, store, notifier, recheck, ownAccount, homeRegion, clock, log,
                metrics, Enricher.NONE);
    }

    public Engine(Config config, CheckRegistry registry, RouteTable routes, AwsInventoryFactory inventories,
                  Store store, Notifier notifier, Optional<Recheck> recheck, Supplier<String> ownAccount,
                  String homeRegion, Clock clock, JsonLog log, Metrics metrics, Enricher enricher) {
        this.enricher = enricher;
        this.config = config;
        this.registry = registry;
        this.routes = routes;
        this.inventories = inventories;
        this.store = store;
        this.notifier = notifier;
        this.recheck = recheck;
        this.ownAccount = Memo.of(ownAccount::get);
        this.homeRegion = homeRegion;
        this.clock = clock;
        this.log = log;
        this.metrics = metrics;
        this.evaluator = new Evaluator(registry, config, clock);
    }

    /**
     * Wiring for Lambda from {@code IRREADY_*} variables (and the SDK's own {@code AWS_*}, including
     * {@code AWS_ENDPOINT_URL}): the table, topics and queue of the contract, the real catalog.
     */
    public static Engine fromEnvironment(Map<String, String> env, String function, PrintStream out) {
        String region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
        Config config = Config.fromEnvironment(env);
        AwsClients clients = AwsClients.standard();
        Clock clock = Clock.systemUTC();
        CheckRegistry registry = Catalog.registry();
        Store store = Store.open(clients.build(DynamoDbClient.builder(), region),
                required(env, "IRREADY_TABLE_NAME"), config, clock);
        Notifier notifier = new Notifier(clients.build(SnsClient.builder(), region), required(env, "IRREADY_TOPIC_ARN"),
                Optional.ofNullable(env.get("IRREADY_INTEGRITY_TOPIC_ARN")), store.outbox(), store.ledger(), registry);
        Optional<Recheck> recheck = Optional.ofNullable(env.get("IRREADY_RECHECK_QUEUE_URL")).filter(s -> !s.isBlank())
                .map(url -> new Recheck(clients.build(SqsClient.builder(), region), url));
        StsClient sts = clients.build(StsClient.builder(), region);
        return new Engine(config, registry, Catalog.routeTable().withOwnResources(ownResources(env)),
                Catalog.inventories(clients), store, notifier,
                recheck, () -> AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account(), region, clock,
                new JsonLog(function, out, clock), new Metrics(function, out, clock),
                new io.irready.alerts.BlindWindowEnricher(
                        io.irready.inventory.cloudtrail.LookupEventsCollector.standard(clients),
                        config.regions().isEmpty() ? List.of(region) : config.regions(), clock)::enrich);
    }

    /**
     * irready's own function and key ARNs (from the {@code IRREADY_AUDITOR_*} variables the deployment
     * sets), so that the routes that watch only irready itself (a changed function configuration, a
     * disabled key) match them and nothing else.
     */
    static java.util.Set<String> ownResources(Map<String, String> env) {
        java.util.Set<String> own = new java.util.TreeSet<>();
        String key = env.get("IRREADY_AUDITOR_KEY_ARN");
        if (key != null && !key.isBlank()) {
            own.add(key.strip());
        }
        String account = io.irready.core.ResourceIds.accountOf(env.getOrDefault("IRREADY_TOPIC_ARN", ""));
        if (account == null && key != null) {
            account = io.irready.core.ResourceIds.accountOf(key.strip());
        }
        String region = env.getOrDefault("IRREADY_AUDITOR_REGION", env.get("AWS_REGION"));
        String functions = env.get("IRREADY_AUDITOR_FUNCTION_NAMES");
        if (account != null && region != null && functions != null) {
            for (String name : functions.split(",")) {
                if (!name.isBlank()) {
                    own.add(io.irready.core.ResourceIds.arn("lambda", region, account, "function:" + name.strip()));
                }
            }
        }
        return own;
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set; the deployment (CDK) sets it on every irready function");
        }
        return value;
    }

    public Store store() {
        return store;
    }

    public Notifier notifier() {
        return notifier;
    }

    public Metrics metrics() {
        return metrics;
    }

    public JsonLog log() {
        return log;
    }

    public EventParser parser() {
        return parser;
    }

    public RouteTable routes() {
        return routes;
    }

    // ------------------------------------------------------------------ events

    /**
     * What one invocation did with its input.
     *
     * @param sqsBatch           the input was an SQS batch (the re-check queue)
     * @param failedMessageIds   SQS messages to redeliver (retryable failures only, never malformed input)
     * @param retryableFailure   a non-SQS input hit a failure worth retrying (e.g. DynamoDB unavailable)
     */
    public record EventOutcome(boolean sqsBatch, List<String> failedMessageIds, Optional<RuntimeException> retryableFailure) {
    }

    /**
     * Handles one invocation's input: an EventBridge envelope, raw CloudTrail records or log files,
     * JSON Lines, or an SQS batch of envelopes from the re-check queue. Malformed items are logged and
     * counted, never thrown; one bad item never costs the others.
     */
    public EventOutcome handleEvents(String input) {
        JsonNode root = null;
        try {
            root = INVOCATION.readTree(input);
        } catch (Exception notOneDocument) {
            // JSON Lines or garbage: the parser sorts it out item by item
        }
        if (root != null && isSqsBatch(root)) {
            List<String> failed = new ArrayList<>();
            for (JsonNode message : root.get("Records")) {
                String messageId = message.path("messageId").asText("");
                for (ParsedEvent item : parser.parse(message.path("body").asText(""))) {
                    try {
                        handle(item, true, "SQS message " + messageId);
                    } catch (RuntimeException e) {
                        failed.add(messageId);
                        break;
                    }
                }
            }
            return new EventOutcome(true, failed, Optional.empty());
        }
        List<ParsedEvent> items = root != null ? parser.parse(root) : parser.parse(input == null ? "" : input);
        RuntimeException first = null;
        for (ParsedEvent item : items) {
            try {
                handle(item, false, "");
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        return new EventOutcome(false, List.of(), Optional.ofNullable(first));
    }

    private static boolean isSqsBatch(JsonNode root) {
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode r : records) {
            if (!"aws:sqs".equals(r.path("eventSource").asText(null))) {
                return false;
            }
        }
        return true;
    }

    private void handle(ParsedEvent item, boolean isRecheck, String container) {
        switch (item) {
            case MalformedEvent bad -> {
                metrics.count(Metrics.EVENTS_MALFORMED);
                log.warn("malformed event acknowledged and dropped", "reason", bad.reason(),
                        "position", container.isEmpty() ? bad.position() : container + " " + bad.position());
            }
            case CloudTrailEvent event -> {
                try {
                    handle(event, isRecheck);
                } catch (RuntimeException e) {
                    metrics.count(Metrics.ERRORS);
                    log.error("event processing failed; it will be retried", "eventId", event.eventId(),
                            "eventName", event.eventName(), "error", String.valueOf(e));
                    throw e;
                }
            }
        }
    }

    /** Re-evaluates what one event routes to, stores the verdicts and announces the transitions. */
    public void handle(CloudTrailEvent event, boolean isRecheck) {
        metrics.count(Metrics.EVENTS_RECEIVED);
        // the re-check carries the same event id but must run: it has its own delivery key
        String deliveryKey = event.eventId() + (isRecheck ? "#recheck" : "");
        if (store.ledger().processed(deliveryKey)) {
            metrics.count(Metrics.EVENTS_DUPLICATE);
            log.info("event already processed; redelivery ignored", "eventId", event.eventId(),
                    "eventName", event.eventName(), "recheck", isRecheck);
            return;
        }
        RoutingDecision decision = routes.route(event);
        ChangedBy changedBy = changedBy(event);
        if (decision.tamperAttempt() && !isRecheck) {
            metrics.count(Metrics.TAMPER_ATTEMPTS);
            boolean announced = notifier.tamper(new TamperAttempt(event.eventId(), event.eventSource(),
                    event.eventName(), event.errorCode(), event.errorMessage(), event.account(), event.awsRegion(),
                    changedBy, List.copyOf(decision.checkIds()), List.copyOf(decision.resourceIds())));
            log.warn("tamper attempt: an evidence-disabling call failed", "eventId", event.eventId(),
                    "eventName", event.eventName(), "errorCode", event.errorCode(), "principal", event.principalArn(),
                    "sourceIp", event.sourceIpAddress(), "announced", announced);
        }
        if (!decision.routed()) {
            metrics.count(Metrics.EVENTS_IGNORED);
            log.info("event routes nowhere", "eventId", event.eventId(), "eventSource", event.eventSource(),
                    "eventName", event.eventName(), "why", decision.ignoredBecause().orElse("no route"));
            store.ledger().markProcessed(deliveryKey);
            return;
        }
        metrics.count(Metrics.EVENTS_ROUTED);
        List<String> regions = decision.everyRegion() ? regions() : List.of(event.awsRegion());
        int transitions = 0;
        for (String region : regions) {
            Inventory inventory = inventories.create(event.account(), region);
            for (Map.Entry<Scope, List<String>> group : byScope(decision.targets()).entrySet()) {
                Evaluation evaluation = enrich(evaluator.evaluate(inventory, group.getValue(), group.getKey()), inventory);
                metrics.count(Metrics.EVALUATIONS);
                transitions += storeAndNotify(evaluation, Optional.of(changedBy), false);
            }
        }
        if (decision.delayedRecheck() && !isRecheck) {
            scheduleRecheck(event);
        }
        store.ledger().markProcessed(deliveryKey);
        log.info("event processed", "eventId", event.eventId(), "eventName", event.eventName(),
                "checks", List.copyOf(decision.checkIds()), "resources", List.copyOf(decision.resourceIds()),
                "regions", regions, "transitions", transitions, "recheck", isRecheck);
    }

    /** Targets that share a scope are evaluated together, over one inventory (one set of AWS reads). */
    private static Map<Scope, List<String>> byScope(List<CheckTarget> targets) {
        Map<Scope, List<String>> groups = new LinkedHashMap<>();
        for (CheckTarget t : targets) {
            groups.computeIfAbsent(t.scope(), s -> new ArrayList<>()).add(t.checkId());
        }
        return groups;
    }

    private Evaluation enrich(Evaluation evaluation, Inventory inventory) {
        try {
            return enricher.enrich(evaluation, inventory, f -> store.queries().get(f.account(), f.region(), f.checkId(),
                    f.resourceId()).filter(s -> s.status() == io.irready.store.FindingState.FAIL)
                    .map(io.irready.store.StoredFinding::statusChangedAt));
        } catch (RuntimeException e) {
            // an enrichment must never cost the verdict itself
            metrics.count(Metrics.ERRORS);
            log.error("enriching an evaluation failed; recording it as evaluated", "error", String.valueOf(e));
            return evaluation;
        }
    }

    private int storeAndNotify(Evaluation evaluation, Optional<ChangedBy> changedBy, boolean sweep) {
        RecordResult result = store.findings().record(evaluation, changedBy);
        metrics.count(Metrics.TRANSITIONS, result.transitions().size());
        Notifier.Delivery delivery = notifier.publish(result.transitions(), sweep);
        metrics.count(Metrics.ALERTS_PUBLISHED, delivery.published());
        metrics.count(Metrics.ALERTS_FAILED, delivery.failed());
        return result.transitions().size();
    }

    private void scheduleRecheck(CloudTrailEvent event) {
        if (recheck.isEmpty()) {
            log.info("no re-check queue configured; the next sweep covers eventual consistency", "eventId", event.eventId());
            return;
        }
        try {
            String body = parser.mapper().writeValueAsString(event.toEnvelope());
            AwsCall.call("sqs:SendMessage", () -> recheck.get().sqs().sendMessage(b -> b
                    .queueUrl(recheck.get().queueUrl()).messageBody(body).delaySeconds(RECHECK_DELAY_SECONDS)));
            metrics.count(Metrics.RECHECKS_SCHEDULED);
        } catch (Exception e) {
            // the sweep re-evaluates everything within the hour: not worth failing the event over
            metrics.count(Metrics.ERRORS);
            log.error("could not schedule the delayed re-check", "eventId", event.eventId(), "error", String.valueOf(e));
        }
    }

    static ChangedBy changedBy(CloudTrailEvent e) {
        return new ChangedBy(e.eventName(), e.eventId(), e.principalArn(), e.sourceIpAddress(), e.userAgent(),
                e.eventTime().toString());
    }

    // ------------------------------------------------------------------ sweeps

    /** What to sweep: the critical checks (every few minutes) or all of them (hourly). */
    public enum SweepMode {
        CRITICAL, FULL;

        public static SweepMode parse(String text) {
            if (text == null) {
                return FULL;
            }
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "critical" -> CRITICAL;
                case "full", "" -> FULL;
                default -> throw new IllegalArgumentException("unknown sweep mode '" + text
                        + "'; expected \"critical\" or \"full\"");
            };
        }
    }

    /** One region's result of a sweep. */
    public record RegionSweep(String region, int transitions, int closed, double score) {
    }

    /** What a sweep did. */
    public record SweepOutcome(SweepMode mode, String account, List<RegionSweep> regions, int republished,
                               List<String> failedRegions) {
    }

    /**
     * Every enabled check (critical ones only in {@link SweepMode#CRITICAL}) over each configured
     * region: stores the verdicts (closing findings of vanished resources), announces transitions
     * (a digest when many open at once), stores a score point per region, then republishes whatever
     * the outbox still holds. A failing region does not stop the others.
     */
    public SweepOutcome sweep(SweepMode mode) {
        String account = ownAccount.get();
        List<String> checkIds = registry.enabled(config).stream()
                .filter(c -> mode == SweepMode.FULL || c.metadata().severity() == Severity.CRITICAL)
                .map(Check::id).toList();
        List<RegionSweep> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String region : regions()) {
            try {
                Inventory inventory = inventories.create(account, region);
                Evaluation evaluation = enrich(evaluator.evaluate(inventory, checkIds, Scope.REGION), inventory);
                metrics.count(Metrics.EVALUATIONS);
                RecordResult result = store.findings().record(evaluation, Optional.empty());
                metrics.count(Metrics.TRANSITIONS, result.transitions().size());
                Notifier.Delivery delivery = notifier.publish(result.transitions(), true);
                metrics.count(Metrics.ALERTS_PUBLISHED, delivery.published());
                metrics.count(Metrics.ALERTS_FAILED, delivery.failed());
                ScorePoint point = store.scores().recordScore(account, region);
                done.add(new RegionSweep(region, result.transitions().size(), result.closed(), point.score().score()));
                log.info("region swept", "mode", mode.name(), "account", account, "region", region,
                        "checks", checkIds.size(), "transitions", result.transitions().size(),
                        "closed", result.closed(), "score", point.score().score());
            } catch (RuntimeException e) {
                metrics.count(Metrics.ERRORS);
                failed.add(region);
                log.error("region sweep failed", "mode", mode.name(), "region", region, "error", String.valueOf(e));
            }
        }
        recordFailingBySeverity();
        Notifier.Delivery republished = notifier.republishUnsent();
        metrics.count(Metrics.ALERTS_PUBLISHED, republished.published());
        metrics.count(Metrics.ALERTS_FAILED, republished.failed());
        return new SweepOutcome(mode, account, done, republished.published(), failed);
    }

    /**
     * The dashboard's "failing findings by severity": the open-findings index counted per severity
     * (zeros included, so a cleared severity drops to zero instead of leaving a stale line).
     */
    private void recordFailingBySeverity() {
        try {
            Map<Severity, Long> open = new java.util.EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                open.put(s, 0L);
            }
            store.queries().openFindings().forEach(f -> open.merge(f.severity(), 1L, Long::sum));
            open.forEach((severity, n) -> metrics.gauge("FailingFindings", "Severity", severity.name(), n));
        } catch (RuntimeException e) {
            metrics.count(Metrics.ERRORS);
            log.error("could not count open findings for the dashboard", "error", String.valueOf(e));
        }
    }

    /** The regions a deployment covers: the configured list, else the home region. */
    public List<String> regions() {
        return config.regions().isEmpty() ? List.of(homeRegion) : config.regions();
    }

    public Clock clock() {
        return clock;
    }
}
