package io.irready.core;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of evaluating some checks over one account and region.
 *
 * @param account         AWS account id
 * @param region          region
 * @param observedAt      when the reads started; a store never lets this replace a later observation
 * @param scope           what was covered
 * @param completeChecks  the checks whose findings cover the whole scope: a stored finding of one of
 *                        these, within the scope, that is absent from {@code findings} belongs to a
 *                        resource that no longer exists and is closed. A check
 *                        that failed wholesale (could not list its resources) is not complete: its
 *                        stored per-resource findings must stay as they are
 * @param findings        the findings of every evaluated check, accepted risks marked {@link Finding#muted}
 */
public record Evaluation(
        String account,
        String region,
        Instant observedAt,
        Scope scope,
        List<String> completeChecks,
        List<Finding> findings) {

    public Evaluation {
        completeChecks = List.copyOf(completeChecks);
        findings = List.copyOf(findings);
    }

    /**
     * The checks that found nothing to judge: evaluated over the whole region, complete, and without a
     * single finding (a resource-level check with no resource of its kind in scope here; a check that
     * could not list its resources has an ERROR instead, so it is never among these). In the order the
     * checks were evaluated.
     */
    public List<String> checksWithNothingInScope() {
        if (!scope.isRegion()) {
            return List.of();
        }
        return completeChecks.stream()
                .filter(id -> findings.stream().noneMatch(f -> f.checkId().equals(id)))
                .toList();
    }
}
