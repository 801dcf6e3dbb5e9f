package io.irready.engine;

import io.irready.securityhub.SecurityHubImport;
import io.irready.store.StoredFinding;
import io.irready.store.Transition;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's side of the optional Security Hub import: imports after the store has recorded
 * (the table stays the source of truth), and logs and counts what Security Hub refused, so a
 * failing import shows on the dashboard without ever failing an event or a sweep.
 */
final class SecurityHubExport {
    static final String IMPORTED = "SecurityHubImported";
    static final String FAILED = "SecurityHubImportFailed";

    private final Optional<SecurityHubImport> securityHub;
    private final JsonLog log;
    private final Metrics metrics;

    SecurityHubExport(Optional<SecurityHubImport> securityHub, JsonLog log, Metrics metrics) {
        this.securityHub = securityHub;
        this.log = log;
        this.metrics = metrics;
    }

    void transitions(List<Transition> transitions) {
        if (securityHub.isPresent() && !transitions.isEmpty()) {
            account("transitions", () -> securityHub.get().importTransitions(transitions));
        }
    }

    void reconcile(Supplier<List<StoredFinding>> open) {
        if (securityHub.isPresent()) {
            account("reconciliation", () -> securityHub.get().reconcile(open.get()));
        }
    }

    private void account(String what, Supplier<SecurityHubImport.Outcome> run) {
        try {
            SecurityHubImport.Outcome outcome = run.get();
            metrics.count(IMPORTED, outcome.imported());
            if (outcome.failed() > 0) {
                metrics.count(FAILED, outcome.failed());
                log.error("Security Hub refused findings after a retry", "what", what, "failed", outcome.failed(),
                        "errors", outcome.failures());
            }
        } catch (RuntimeException e) {
            metrics.count(FAILED);
            log.error("Security Hub import failed", "what", what, "error", String.valueOf(e));
        }
    }
}
