package io.irready.store;

import io.irready.core.Severity;
import java.util.Collection;

/**
 * How ready an account and region is, from 0 to 100: the share of the severity weight of its
 * evaluated findings (NOT_APPLICABLE and closed ones left out) that is not FAIL or ERROR —
 * {@code 100 × (1 − Σweight(FAIL, ERROR) / Σweight(PASS, FAIL, ERROR))}. A blind check (ERROR)
 * counts against readiness like a failing one: nobody can vouch for that evidence. With nothing
 * evaluated (or only informational findings) the score is 100.
 */
public record ReadinessScore(double score, int pass, int fail, int error, int notApplicable) {

    public static ReadinessScore of(Collection<StoredFinding> findings) {
        long total = 0;
        long open = 0;
        int pass = 0;
        int fail = 0;
        int error = 0;
        int na = 0;
        for (StoredFinding f : findings) {
            switch (f.status()) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case ERROR -> error++;
                case NOT_APPLICABLE -> na++;
                case CLOSED -> { }
            }
            if (f.status() == FindingState.NOT_APPLICABLE || f.status() == FindingState.CLOSED) {
                continue;
            }
            int weight = weight(f.severity());
            total += weight;
            if (f.status().isOpen()) {
                open += weight;
            }
        }
        double score = total == 0 ? 100.0 : Math.round(1000.0 * (1.0 - (double) open / total)) / 10.0;
        return new ReadinessScore(score, pass, fail, error, na);
    }

    private static int weight(Severity severity) {
        return severity.weight();
    }
}
