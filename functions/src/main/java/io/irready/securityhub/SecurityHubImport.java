package io.irready.securityhub;

import io.irready.core.AwsCallFailedException;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckRegistry;
import io.irready.core.Check;
import io.irready.inventory.AwsCall;
import io.irready.store.StoredFinding;
import io.irready.store.Transition;
import io.irready.store.TransitionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

/**
 * Keeps Security Hub's view of irready's findings current, in the account's default product
 * (an account may import findings only for its own {@code AwsAccountId} there; another account's
 * findings would have to go through that account's role).
 * <ul>
 *   <li>Every transition that opens or resolves a finding updates the one ASFF finding of its key.
 *       Silent ones (first seen passing, PASS↔NOT_APPLICABLE) are not imported: Security Hub bills
 *       every ingested finding and is a queue to triage, not an inventory.</li>
 *   <li>{@code UpdatedAt} is the transition's time, so importing the same transition again (a
 *       retried event, the sweep's reconciliation) changes nothing.</li>
 *   <li>Findings Security Hub reports as failed are retried once, then reported to the caller to
 *       log and count. Nothing here throws: an import must never cost the verdict.</li>
 * </ul>
 */
public final class SecurityHubImport {
    private final Function<String, SecurityHubClient> securityHub;
    private final CheckRegistry registry;
    private final Function<Transition, Optional<Instant>> firstSeen;

    /**
     * @param securityHub the client for a region (a finding is imported in its own region)
     * @param firstSeen when a transition's finding was first seen (ASFF's {@code CreatedAt}); empty
     *                  falls back to the transition's own time
     */
    public SecurityHubImport(Function<String, SecurityHubClient> securityHub, CheckRegistry registry,
                             Function<Transition, Optional<Instant>> firstSeen) {
        this.securityHub = securityHub;
        this.registry = registry;
        this.firstSeen = firstSeen;
    }

    /** What an import did: findings accepted, findings that failed (after the retry), and why. */
    public record Outcome(int imported, int failed, List<String> failures) {
        public static final Outcome NONE = new Outcome(0, 0, List.of());

        Outcome plus(Outcome other) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(other.failures);
            return new Outcome(imported + other.imported, failed + other.failed, all);
        }
    }

    public Outcome importTransitions(List<Transition> transitions) {
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (Transition t : transitions) {
            if (t.kind() == TransitionKind.SILENT) {
                continue;
            }
            metadata(t.checkId()).ifPresent(check -> findings.add(AsffFinding.of(
                    new AsffFinding.Subject(t.account(), t.region(), t.checkId(), t.resourceId(), t.severity(),
                            t.to(), t.reason()),
                    check, safeFirstSeen(t).orElse(t.at()), t.at(), t.changedBy())));
        }
        return send(findings);
    }

    /**
     * The sweep's reconciliation: every finding irready holds open is imported as it stands, with
     * the time its state last changed, so one Security Hub missed (an import that failed twice, a
     * deployment that switched the option on later) is opened and the others are left as they are.
     */
    public Outcome reconcile(List<StoredFinding> open) {
        List<AwsSecurityFinding> findings = new ArrayList<>();
        for (StoredFinding f : open) {
            if (!f.status().isOpen()) {
                continue;
            }
            metadata(f.checkId()).ifPresent(check -> findings.add(AsffFinding.of(
                    new AsffFinding.Subject(f.account(), f.region(), f.checkId(), f.resourceId(), f.severity(),
                            f.status(), f.reason()),
                    check, f.firstSeenAt(), f.statusChangedAt(), f.changedBy())));
        }
        return send(findings);
    }

    private Outcome send(List<AwsSecurityFinding> findings) {
        Map<String, List<AwsSecurityFinding>> byRegion = new LinkedHashMap<>();
        findings.forEach(f -> byRegion.computeIfAbsent(f.resources().get(0).region(), r -> new ArrayList<>()).add(f));
        Outcome outcome = Outcome.NONE;
        for (Map.Entry<String, List<AwsSecurityFinding>> region : byRegion.entrySet()) {
            for (List<AwsSecurityFinding> batch : AsffBatches.split(region.getValue())) {
                outcome = outcome.plus(sendWithOneRetry(securityHub.apply(region.getKey()), batch));
            }
        }
        return outcome;
    }

    private static Outcome sendWithOneRetry(SecurityHubClient securityHub, List<AwsSecurityFinding> batch) {
        Map<String, AwsSecurityFinding> pending = new LinkedHashMap<>();
        batch.forEach(f -> pending.put(f.id(), f));
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= 2 && !pending.isEmpty(); attempt++) {
            failures.clear();
            try {
                BatchImportFindingsResponse response = AwsCall.call("securityhub:BatchImportFindings",
                        () -> securityHub.batchImportFindings(r -> r.findings(List.copyOf(pending.values()))));
                Map<String, AwsSecurityFinding> failed = new LinkedHashMap<>();
                for (ImportFindingsError error : response.failedFindings()) {
                    Optional.ofNullable(pending.get(error.id())).ifPresent(f -> failed.put(f.id(), f));
                    failures.add(error.id() + ": " + error.errorCode() + " " + error.errorMessage());
                }
                pending.keySet().retainAll(failed.keySet());
            } catch (AwsCallFailedException e) {
                failures.add(pending.size() + " findings: " + e.getMessage());
            }
        }
        return new Outcome(batch.size() - pending.size(), pending.size(),
                pending.isEmpty() ? List.of() : List.copyOf(failures));
    }

    private Optional<CheckMetadata> metadata(String checkId) {
        return registry.find(checkId).map(Check::metadata);
    }

    private Optional<Instant> safeFirstSeen(Transition t) {
        try {
            return firstSeen.apply(t);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
