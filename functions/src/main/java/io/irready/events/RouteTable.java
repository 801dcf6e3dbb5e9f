package io.irready.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches CloudTrail events against the routes the checks declare (DESIGN.md §4) and decides what
 * to re-evaluate, over which resources. It knows no check: the catalog hands it every check's
 * routes. The EventBridge rules are generated from the same routes ({@link EventBridgePatterns}),
 * and {@code irready route} prints what it decides.
 *
 * <p>Scope: where the event names a resource of a kind the check judges ({@link Route#judged()}),
 * that check is re-evaluated for those resources only; where it names another kind (a flow-log id,
 * a parameter group, a policy ARN), none, or the check is account+region level, the check is
 * re-evaluated over the region — one paginated describe.
 *
 * <p>Immutable and thread-safe: build it once, then {@link #withOwnResources} for a deployment.
 */
public final class RouteTable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    private final List<Route> routes;
    private final Set<String> ownResources;

    public RouteTable(List<Route> routes) {
        this(routes, Set.of());
    }

    private RouteTable(List<Route> routes, Set<String> ownResources) {
        this.routes = List.copyOf(routes);
        this.ownResources = Set.copyOf(ownResources);
    }

    /**
     * This table for a deployment whose own resources (function ARNs, key ARNs …, canonical ids)
     * are known, so routes that apply only to irready's own resources (UpdateFunctionConfiguration,
     * key changes → the integrity check) can match. Without them those routes never match.
     */
    public RouteTable withOwnResources(Set<String> canonicalIds) {
        return new RouteTable(routes, canonicalIds);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every check id the table routes to, sorted. */
    public Set<String> checkIds() {
        Set<String> ids = new TreeSet<>();
        routes.forEach(r -> ids.add(r.checkId()));
        return ids;
    }

    /** Read-only calls never route: {@code readOnly} when the record has it, else the name. */
    public static boolean readOnly(CloudTrailEvent event) {
        return event.readOnly().orElseGet(() -> {
            String n = event.eventName();
            return n.startsWith("Describe") || n.startsWith("Get") || n.startsWith("List") || n.startsWith("Lookup");
        });
    }

    /** What {@code event} re-evaluates. Never throws; an unknown event routes nowhere. */
    public RoutingDecision route(CloudTrailEvent event) {
        if (readOnly(event)) {
            LOG.debug("event {}: read-only call {} is not routed", event.eventId(), event.eventName());
            return RoutingDecision.ignored(event, "read-only call");
        }
        Map<String, Accumulated> byCheck = new TreeMap<>();
        SortedSet<String> unnamed = new TreeSet<>();
        boolean delayed = false;
        boolean tamper = false;
        boolean everyRegion = false;
        for (Route route : routes) {
            if (!route.matches(event)) {
                continue;
            }
            Map<ResourceKind, Set<String>> named = extract(route, event);
            if (route.ownResourcesOnly().isPresent()
                    && named.getOrDefault(route.ownResourcesOnly().get(), Set.of()).stream().noneMatch(ownResources::contains)) {
                continue;
            }
            if (route.onlyWhenNamed() && named.isEmpty()) {
                // nothing to re-evaluate, but a failed attempt to disable evidence is still one
                tamper |= route.disablesEvidence() && event.failed();
                unnamed.add(route.checkId());
                continue;
            }
            delayed |= route.delayedRecheck();
            everyRegion |= route.everyRegion();
            tamper |= route.disablesEvidence() && event.failed();
            Set<String> resources = new TreeSet<>();
            route.judged().forEach(kind -> resources.addAll(named.getOrDefault(kind, Set.of())));
            Set<String> roles = route.passesRoleNames() ? named.getOrDefault(ResourceKind.ROLE, Set.of()) : Set.of();
            byCheck.computeIfAbsent(route.checkId(), id -> new Accumulated()).add(resources, roles);
        }
        unnamed.removeAll(byCheck.keySet());
        if (!unnamed.isEmpty()) {
            LOG.debug("event {}: {} {} names no resource; {} left to the sweep", event.eventId(), event.eventSource(),
                    event.eventName(), unnamed);
        }
        if (byCheck.isEmpty()) {
            LOG.debug("event {}: no route for {} {}", event.eventId(), event.eventSource(), event.eventName());
            String why = unnamed.isEmpty() ? "no route for " + event.eventSource() + " " + event.eventName()
                    : event.eventSource() + " " + event.eventName() + " names no resource its routes re-evaluate; "
                    + "re-judging every one in the region is left to the sweep";
            return new RoutingDecision(event, List.of(), false, tamper, false, Optional.of(why), unnamed);
        }
        List<CheckTarget> targets = new ArrayList<>();
        byCheck.forEach((id, acc) -> targets.add(acc.target(id)));
        return new RoutingDecision(event, targets, delayed, tamper, everyRegion, Optional.empty(), unnamed);
    }

    private static Map<ResourceKind, Set<String>> extract(Route route, CloudTrailEvent event) {
        Map<ResourceKind, Set<String>> named = new HashMap<>();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("requestParameters", event.requestParameters());
        root.set("responseElements", event.responseElements());
        // a service event has no request: AWS names what it acted on in resources[] and serviceEventDetails
        root.set("resources", event.record().path("resources"));
        root.set("serviceEventDetails", event.record().path("serviceEventDetails"));
        for (Extractor extractor : route.extractors()) {
            for (String value : extractor.values(root)) {
                String id = extractor.kind().canonical(value, event.awsRegion(), event.account());
                if (id != null) {
                    named.computeIfAbsent(extractor.kind(), k -> new TreeSet<>()).add(id);
                }
            }
        }
        return named;
    }

    /**
     * Merges the routes of one check: any route without named resources widens it to the region, unless it
     * named roles the check resolves to the resources that use them ({@link CheckTarget#roleNames}).
     */
    private static final class Accumulated {
        private final Set<String> resources = new TreeSet<>();
        private final Set<String> roles = new LinkedHashSet<>();
        private boolean region;

        void add(Set<String> named, Set<String> roleNames) {
            if (!named.isEmpty()) {
                resources.addAll(named);
            } else if (!roleNames.isEmpty()) {
                roles.addAll(roleNames);
            } else {
                region = true;
            }
        }

        CheckTarget target(String checkId) {
            if (region) {
                return new CheckTarget(checkId, Scope.REGION, Set.of());
            }
            return new CheckTarget(checkId, Scope.of(resources), roles);
        }
    }
}
