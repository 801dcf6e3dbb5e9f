package io.irready.engine;

import io.irready.alerts.Notifier;
import io.irready.core.AccountScope;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.events.CheckTarget;
import io.irready.events.CloudTrailEvent;
import io.irready.events.EventParser;
import io.irready.events.MalformedEvent;
import io.irready.events.ParsedEvent;
import io.irready.events.RouteTable;
import io.irready.events.RoutingDecision;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.logging.JsonLines;
import io.irready.store.ChangedBy;
import io.irready.store.Store;
import io.irready.store.TamperAttempt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.MDC;
import java.util.function.Supplier;

/**
 * The event path: a CloudTrail event is routed to the checks and resources it may have changed,
 * those are re-evaluated, stored and their transitions announced. Each event is handled once
 * (redeliveries are recognised by event id); an evidence-disabling call that failed is announced
 * as a tamper attempt; changes that AWS reports before they take effect get a delayed re-check.
 */
public final class EventPipeline {
    private final RouteTable routes;
    private final EventParser parser;
    private final AwsInventoryFactory inventories;
    private final Store store;
    private final Notifier notifier;
    private final Optional<Recheck> recheck;
    private final List<String> regions;
    private final JsonLog log;
    private final Metrics metrics;
    private final Verdicts verdicts;
    private final AccountScope accountScope;
    private final Supplier<String> ownAccount;
    private final CheckRegistry registry;
    private final Config config;
    private final Optional<Canary> canary;

    EventPipeline(Collaborators with, Verdicts verdicts, Optional<Canary> canary) {
        this.routes = with.routes();
        this.parser = with.parser();
        this.inventories = with.inventories();
        this.store = with.store();
        this.notifier = with.notifier();
        this.recheck = with.recheck();
        this.regions = with.regions();
        this.log = with.log();
        this.metrics = with.metrics();
        this.verdicts = verdicts;
        this.accountScope = with.config().accountScope();
        this.ownAccount = with.ownAccount();
        this.registry = with.registry();
        this.config = with.config();
        this.canary = canary;
    }

    /**
     * One item of an invocation's input: a malformed item is logged and counted, never thrown; a
     * failure processing an event is logged, counted and rethrown so that the caller retries it.
     *
     * @param container where the item came from, for the log (e.g. {@code "SQS message 1234"}), or empty
     */
    public void handle(ParsedEvent item, boolean isRecheck, String container) {
        switch (item) {
            case MalformedEvent bad -> {
                metrics.count(Metrics.EVENTS_MALFORMED);
                log.warn("malformed event acknowledged and dropped", "reason", bad.reason(),
                        "position", container.isEmpty() ? bad.position() : container + " " + bad.position());
            }
            case CloudTrailEvent event -> {
                // every line on this event's path, the libraries' SLF4J lines included, carries its id
                try (MDC.MDCCloseable id = MDC.putCloseable(JsonLines.EVENT_ID, event.eventId())) {
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
        if (!accountScope.includes(event.account(), ownAccount)) {
            // before the ledger and the routes: an account nobody asked to audit costs no read and no write
            metrics.count(Metrics.EVENTS_OUT_OF_SCOPE);
            log.warn("event from an account outside the configured scope dropped", "eventId", event.eventId(),
                    "account", event.account(), "eventName", event.eventName(), "scope", accountScope.toString());
            return;
        }
        // the re-check carries the same event id but must run: it has its own delivery key
        String deliveryKey = event.eventId() + (isRecheck ? "#recheck" : "");
        if (store.ledger().processed(deliveryKey)) {
            metrics.count(Metrics.EVENTS_DUPLICATE);
            log.info("event already processed; redelivery ignored", "eventId", event.eventId(),
                    "eventName", event.eventName(), "recheck", isRecheck);
            return;
        }
        // before routing: the canary's arrival is what auditor-integrity, routed below, then judges
        canary.ifPresent(c -> c.receive(event));
        RoutingDecision decision = routes.route(event);
        if (!decision.unnamed().isEmpty()) {
            metrics.count(Metrics.ROUTES_WITHOUT_RESOURCE, decision.unnamed().size());
            log.info("event names no resource for some checks; the sweep re-judges them", "eventId", event.eventId(),
                    "eventName", event.eventName(), "checks", List.copyOf(decision.unnamed()));
        }
        ChangedBy changedBy = changedBy(event);
        if (decision.tamperAttempt() && !isRecheck) {
            metrics.count(Metrics.TAMPER_ATTEMPTS);
            boolean announced = notifier.tamper(new TamperAttempt(event.eventId(), event.eventSource(),
                    event.eventName(), event.errorCode(), event.errorMessage(), event.account(), event.awsRegion(),
                    changedBy, tamperedChecks(decision), List.copyOf(decision.resourceIds())));
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
        List<String> regions = decision.everyRegion() ? this.regions : List.of(event.awsRegion());
        int transitions = 0;
        for (String region : regions) {
            Inventory inventory = inventories.create(event.account(), region);
            RoleTargets.Resolved resolved = RoleTargets.resolve(decision.targets(), registry, config, inventory);
            if (!resolved.unused().isEmpty()) {
                metrics.count(Metrics.ROLE_TARGETS_UNUSED, resolved.unused().size());
                log.info("the changed role is used by nothing these checks judge here; nothing to re-evaluate",
                        "eventId", event.eventId(), "region", region, "checks", resolved.unused());
            }
            for (Map.Entry<Scope, List<String>> group : byScope(resolved.targets()).entrySet()) {
                Evaluation evaluation = verdicts.evaluate(inventory, group.getValue(), group.getKey());
                transitions += verdicts.recordAndAnnounce(evaluation, Optional.of(changedBy), false)
                        .transitions().size();
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

    /** The checks a failed call aimed at, including those it named no resource of (RetireGrant by grant token). */
    private static List<String> tamperedChecks(RoutingDecision decision) {
        SortedSet<String> checks = new TreeSet<>(decision.checkIds());
        checks.addAll(decision.unnamed());
        return List.copyOf(checks);
    }

    /** Targets that share a scope are evaluated together, over one inventory (one set of AWS reads). */
    private static Map<Scope, List<String>> byScope(List<CheckTarget> targets) {
        Map<Scope, List<String>> groups = new LinkedHashMap<>();
        for (CheckTarget t : targets) {
            groups.computeIfAbsent(t.scope(), s -> new ArrayList<>()).add(t.checkId());
        }
        return groups;
    }

    private void scheduleRecheck(CloudTrailEvent event) {
        if (recheck.isEmpty()) {
            log.info("no re-check queue configured; the next sweep covers eventual consistency", "eventId", event.eventId());
            return;
        }
        try {
            String body = parser.mapper().writeValueAsString(event.toEnvelope());
            AwsCall.call("sqs:SendMessage", () -> recheck.get().sqs().sendMessage(b -> b
                    .queueUrl(recheck.get().queueUrl()).messageBody(body).delaySeconds(Recheck.DELAY_SECONDS)));
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
}
