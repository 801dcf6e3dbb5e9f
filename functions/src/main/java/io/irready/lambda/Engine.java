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
import io.irready.store.FindingStore;
import io.irready.store.RecordResult;
import io.irready.store.ScorePoint;
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
    private final CheckRegistry registry;
    private final RouteTable routes;
    private final AwsInventoryFactory inventories;
    private final FindingStore store;
    private final Notifier notifier;
    private final Optional<Recheck> recheck;
    private final Supplier<String> ownAccount;
    private final String homeRegion;
    private final Evaluator evaluator;
    private final EventParser parser = new EventParser();
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;

    /** Where delayed re-checks go: an SQS queue (with its own delivery delay as a floor). */
    public record Recheck(SqsClient sqs, String queueUrl) {
    }

    /**
     * @param ownAccount the account the auditor runs in (sweeps evaluate it); called once, lazily
     * @param homeRegion the region to evaluate when the configuration lists none
     */
    public Engine(Config config, CheckRegistry registry, RouteTable routes, AwsInventoryFactory inventories,
                  FindingStore store, Notifier notifier, Optional<Recheck> recheck, Supplier<String> ownAccount,
                  String homeRegion, Clock clock, JsonLog log, Metrics metrics) {
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
        FindingStore store = new FindingStore(clients.build(DynamoDbClient.builder(), region),
                required(env, "IRREADY_TABLE_NAME"), config, clock);
        Notifier notifier = new Notifier(clients.build(SnsClient.builder(), region), required(env, "IRREADY_TOPIC_ARN"),
                Optional.ofNullable(env.get("IRREADY_INTEGRITY_TOPIC_ARN")), store, registry);
        Optional<Recheck> recheck = Optional.ofNullable(env.get("IRREADY_RECHECK_QUEUE_URL")).filter(s -> !s.isBlank())
                .map(url -> new Recheck(clients.build(SqsClient.builder(), region), url));
        StsClient sts = clients.build(StsClient.builder(), region);
        return new Engine(config, registry, RouteTable.standard(), new AwsInventoryFactory(clients), store, notifier,
                recheck, () -> AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account(), region, clock,
                new JsonLog(function, out, clock), new Metrics(function, out, clock));
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set; the deployment (CDK) sets it on every irready function");
        }
        return value;
    }

    public FindingStore store() {
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
        if (store.processed(deliveryKey)) {
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
            store.markProcessed(deliveryKey);
            return;
        }
        metrics.count(Metrics.EVENTS_ROUTED);
        List<String> regions = decision.everyRegion() ? regions() : List.of(event.awsRegion());
        int transitions = 0;
        for (String region : regions) {
            Inventory inventory = inventories.create(event.account(), region);
            for (Map.Entry<Scope, List<String>> group : byScope(decision.targets()).entrySet()) {
                Evaluation evaluation = evaluator.evaluate(inventory, group.getValue(), group.getKey());
                metrics.count(Metrics.EVALUATIONS);
                transitions += storeAndNotify(evaluation, Optional.of(changedBy), false);
            }
        }
        if (decision.delayedRecheck() && !isRecheck) {
            scheduleRecheck(event);
        }
        store.markProcessed(deliveryKey);
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

    private int storeAndNotify(Evaluation evaluation, Optional<ChangedBy> changedBy, boolean sweep) {
        RecordResult result = store.record(evaluation, changedBy);
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
                Evaluation evaluation = evaluator.evaluate(inventories.create(account, region), checkIds, Scope.REGION);
                metrics.count(Metrics.EVALUATIONS);
                RecordResult result = store.record(evaluation, Optional.empty());
                metrics.count(Metrics.TRANSITIONS, result.transitions().size());
                Notifier.Delivery delivery = notifier.publish(result.transitions(), true);
                metrics.count(Metrics.ALERTS_PUBLISHED, delivery.published());
                metrics.count(Metrics.ALERTS_FAILED, delivery.failed());
                ScorePoint point = store.recordScore(account, region);
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
        Notifier.Delivery republished = notifier.republishUnsent();
        metrics.count(Metrics.ALERTS_PUBLISHED, republished.published());
        metrics.count(Metrics.ALERTS_FAILED, republished.failed());
        return new SweepOutcome(mode, account, done, republished.published(), failed);
    }

    /** The regions a deployment covers: the configured list, else the home region. */
    public List<String> regions() {
        return config.regions().isEmpty() ? List.of(homeRegion) : config.regions();
    }

    public Clock clock() {
        return clock;
    }
}
