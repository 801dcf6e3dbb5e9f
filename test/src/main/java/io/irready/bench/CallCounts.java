package io.irready.bench;

import io.irready.core.CheckRegistry;
import io.irready.events.RoutingDecision;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS API calls per routed event, one fixture per event name, against the calls of a full-region
 * sweep of the same account — counted by the simulator, so no estimate is involved.
 */
public final class CallCounts {
    private CallCounts() {
    }

    /**
     * @param fixture   the fixture file
     * @param checks    the checks the event routes to (sorted)
     * @param resources the resources it names (canonical ids); empty = the whole region
     * @param calls     the AWS calls its evaluation made, per {@code service:Operation}
     */
    public record EventCalls(String fixture, List<String> checks, List<String> resources, Map<String, Long> calls) {
        public long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The services called (SigV4 signing names, e.g. {@code cloudtrail}, {@code s3}). */
        public Set<String> services() {
            Set<String> s = new TreeSet<>();
            calls.keySet().forEach(k -> s.add(k.substring(0, k.indexOf(':'))));
            return s;
        }
    }

    /** The calls of a full sweep of {@code account}, per operation. */
    public static Map<String, Long> sweep(AwsSimulator sim, AuditorPath path, SimulatedAccount account) {
        sim.resetCalls();
        path.sweep(account.account, account.region);
        return sim.calls();
    }

    /** For each fixture that routes somewhere: its route and the calls its evaluation made. */
    public static List<EventCalls> perEvent(AwsSimulator sim, AuditorPath path, Fixtures fixtures) {
        List<EventCalls> out = new ArrayList<>();
        for (String name : fixtures.singleEvents()) {
            String event = fixtures.forDemoAccount(name);
            List<RoutingDecision> decisions = path.route(event);
            if (decisions.size() != 1 || !decisions.get(0).routed()) {
                continue;
            }
            RoutingDecision decision = decisions.get(0);
            sim.resetCalls();
            path.handle(event);
            out.add(new EventCalls(name, List.copyOf(decision.checkIds()), List.copyOf(decision.resourceIds()),
                    sim.calls()));
        }
        return out;
    }

    /**
     * The IAM service prefixes of the permissions the given checks declare — the services an event
     * routed to them may call.
     */
    public static Set<String> declaredServices(CheckRegistry registry, List<String> checkIds) {
        Set<String> services = new TreeSet<>();
        for (String id : checkIds) {
            registry.find(id).ifPresent(c -> c.metadata().permissions()
                    .forEach(p -> services.add(p.substring(0, p.indexOf(':')))));
        }
        return services;
    }
}
