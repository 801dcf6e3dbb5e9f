package io.irready.bench;

import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.events.CheckTarget;
import io.irready.events.CloudTrailEvent;
import io.irready.events.EventParser;
import io.irready.events.ParsedEvent;
import io.irready.events.RouteTable;
import io.irready.events.RoutingDecision;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The event path the Lambda handler runs — parse, route, evaluate the routed checks per scope over
 * one fresh inventory — wired to a simulated account. One instance per process, reused like the
 * handler's: the parser, route table, evaluator and SDK clients are built once.
 */
public final class AuditorPath {
    private final EventParser parser = new EventParser();
    private final RouteTable routes = Catalog.routeTable();
    private final Evaluator evaluator;
    private final AwsInventoryFactory inventories;

    public AuditorPath(URI awsEndpoint) {
        this(awsEndpoint, true);
    }

    /** @param parallel checks side by side, as deployed; false: one after the other (a benchmark baseline) */
    public AuditorPath(URI awsEndpoint, boolean parallel) {
        Evaluator deployed = new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC());
        this.evaluator = parallel ? deployed : deployed.sequential();
        this.inventories = Catalog.inventories(AwsClients.forEndpoint(awsEndpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")), 1));
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public AwsInventoryFactory inventories() {
        return inventories;
    }

    /** What one input did: events routed and findings produced. */
    public record Outcome(int events, int routed, int findings) {
    }

    /** Handles one input (envelope, record, …) as the event handler does. */
    public Outcome handle(String input) {
        int events = 0;
        int routed = 0;
        int findings = 0;
        for (ParsedEvent item : parser.parse(input)) {
            if (!(item instanceof CloudTrailEvent event)) {
                continue;
            }
            events++;
            RoutingDecision decision = routes.route(event);
            if (!decision.routed()) {
                continue;
            }
            routed++;
            Inventory inventory = inventories.create(event.account(), event.awsRegion());
            for (Map.Entry<Scope, List<String>> group : byScope(decision.targets()).entrySet()) {
                Evaluation evaluation = evaluator.evaluate(inventory, group.getValue(), group.getKey());
                findings += evaluation.findings().size();
            }
        }
        return new Outcome(events, routed, findings);
    }

    /** The routing decision alone (for reports). */
    public List<RoutingDecision> route(String input) {
        List<RoutingDecision> out = new ArrayList<>();
        for (ParsedEvent item : parser.parse(input)) {
            if (item instanceof CloudTrailEvent event) {
                out.add(routes.route(event));
            }
        }
        return out;
    }

    /** The priming path (SnapStart's beforeCheckpoint): parse and route, no AWS call. */
    public int prime(String input) {
        return route(input).stream().mapToInt(d -> d.targets().size()).sum();
    }

    /** A full-region sweep of every enabled check. */
    public Evaluation sweep(String account, String region) {
        return evaluator.evaluateAll(inventories.create(account, region));
    }

    /** The critical sweep: the enabled checks of severity CRITICAL over the region. */
    public Evaluation sweepCritical(String account, String region) {
        List<String> ids = evaluator.registry().enabled(evaluator.config()).stream()
                .filter(c -> c.metadata().severity() == Severity.CRITICAL).map(Check::id).toList();
        return evaluator.evaluate(inventories.create(account, region), ids, Scope.REGION);
    }

    /** Targets that share a scope are evaluated together over one inventory, as the handler does. */
    private static Map<Scope, List<String>> byScope(List<CheckTarget> targets) {
        Map<Scope, List<String>> groups = new LinkedHashMap<>();
        for (CheckTarget t : targets) {
            groups.computeIfAbsent(t.scope(), s -> new ArrayList<>()).add(t.checkId());
        }
        return groups;
    }
}
