package io.irready.engine;

import io.irready.alerts.FindingEventBus;
import io.irready.store.Transition;
import java.util.List;
import java.util.Optional;

/**
 * The engine's side of the finding events: after the store has recorded and the alerts went out,
 * puts the alertable transitions on the event bus, logging and counting what the bus refused.
 */
final class FindingEventExport {
    static final String PUT = "FindingEventsPut";
    static final String FAILED = "FindingEventsFailed";

    private final Optional<FindingEventBus> bus;
    private final JsonLog log;
    private final Metrics metrics;

    FindingEventExport(Optional<FindingEventBus> bus, JsonLog log, Metrics metrics) {
        this.bus = bus;
        this.log = log;
        this.metrics = metrics;
    }

    void transitions(List<Transition> transitions) {
        if (bus.isEmpty() || transitions.stream().noneMatch(Transition::alert)) {
            return;
        }
        try {
            FindingEventBus.Outcome outcome = bus.get().publish(transitions);
            metrics.count(PUT, outcome.put());
            if (outcome.failed() > 0) {
                metrics.count(FAILED, outcome.failed());
                log.error("the event bus refused finding events after a retry", "failed", outcome.failed(),
                        "errors", outcome.failures());
            }
        } catch (RuntimeException e) {
            metrics.count(FAILED);
            log.error("putting finding events failed", "error", String.valueOf(e));
        }
    }
}
