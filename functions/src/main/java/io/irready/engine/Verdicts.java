package io.irready.engine;

import io.irready.alerts.Notifier;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.Store;
import io.irready.store.RecordResult;
import io.irready.store.StoredFinding;
import java.util.List;
import java.util.Optional;

/**
 * What the event path and the sweep do alike with checks over one inventory: evaluate, enrich
 * (never at the cost of the verdict), store, announce the transitions, counting each step.
 */
final class Verdicts {
    private final Evaluator evaluator;
    private final Enricher enricher;
    private final Store store;
    private final Notifier notifier;
    private final JsonLog log;
    private final Metrics metrics;
    private final SecurityHubExport securityHub;
    private final FindingEventExport findingEvents;

    Verdicts(Collaborators with) {
        this.evaluator = new Evaluator(with.registry(), with.config(), with.clock());
        this.enricher = with.enricher();
        this.store = with.store();
        this.notifier = with.notifier();
        this.log = with.log();
        this.metrics = with.metrics();
        this.securityHub = new SecurityHubExport(with.securityHub(), with.log(), with.metrics());
        this.findingEvents = new FindingEventExport(with.findingEvents(), with.log(), with.metrics());
    }

    Evaluation evaluate(Inventory inventory, List<String> checkIds, Scope scope) {
        Evaluation evaluation = enrich(evaluator.evaluate(inventory, checkIds, scope), inventory);
        metrics.count(Metrics.EVALUATIONS);
        return evaluation;
    }

    /** The sweep's reconciliation of what irready holds open with Security Hub (when the import is on). */
    void reconcileSecurityHub() {
        securityHub.reconcile(() -> store.queries().openFindings());
    }

    private Evaluation enrich(Evaluation evaluation, Inventory inventory) {
        try {
            return enricher.enrich(evaluation, inventory, f -> store.queries().get(f.account(), f.region(), f.checkId(),
                    f.resourceId()).filter(s -> s.status() == FindingState.FAIL)
                    .map(StoredFinding::statusChangedAt));
        } catch (RuntimeException e) {
            // an enrichment must never cost the verdict itself
            metrics.count(Metrics.ERRORS);
            log.error("enriching an evaluation failed; recording it as evaluated", "error", String.valueOf(e));
            return evaluation;
        }
    }

    /** Stores the verdicts and publishes their transitions ({@code sweep}: a digest when many open at once). */
    RecordResult recordAndAnnounce(Evaluation evaluation, Optional<ChangedBy> changedBy, boolean sweep) {
        RecordResult result = store.findings().record(evaluation, changedBy);
        metrics.count(Metrics.TRANSITIONS, result.transitions().size());
        Notifier.Delivery delivery = notifier.publish(result.transitions(), sweep);
        metrics.count(Metrics.ALERTS_PUBLISHED, delivery.published());
        metrics.count(Metrics.ALERTS_FAILED, delivery.failed());
        findingEvents.transitions(result.transitions());
        securityHub.transitions(result.transitions());
        return result;
    }
}
