package io.irready.store;

import io.irready.core.Finding;
import io.irready.core.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How ready an account and region is, from 0 to 100: the share of the severity weight of its
 * evaluated findings (NOT_APPLICABLE, closed and muted ones left out: an accepted risk is not counted against it) that is not FAIL or ERROR —
 * {@code 100 × (1 − Σweight(FAIL, ERROR) / Σweight(PASS, FAIL, ERROR))}, rounded to one decimal, with
 * {@link Severity#weight()} as weight (CRITICAL 10, HIGH 5, MEDIUM 3, LOW 1, INFORMATIONAL 0). A blind check
 * (ERROR) counts against readiness like a failing one: nobody can vouch for that evidence. 100 is reserved for
 * "nothing that counts is open": a tiny share that would round up to 100 shows 99.9. With nothing evaluated (or
 * only informational findings) the score is 100. The sweep stores one point per account and region (the trend);
 * {@code irready scan} prints it for the findings it just made.
 */
public record ReadinessScore(double score, int pass, int fail, int error, int notApplicable) {

    /** The score of the stored findings of one account and region. */
    public static ReadinessScore of(Collection<StoredFinding> findings) {
        return compute(findings.stream().filter(f -> !f.isMuted()).map(f -> Map.entry(f.status(), f.severity())).toList());
    }

    /** The score of freshly evaluated findings (one account and region), e.g. a CLI scan's. */
    public static ReadinessScore ofFindings(Collection<Finding> findings) {
        return compute(findings.stream().filter(f -> !f.isMuted())
                .map(f -> Map.entry(FindingState.of(f.status()), f.severity())).toList());
    }

    private static ReadinessScore compute(List<Map.Entry<FindingState, Severity>> findings) {
        long total = 0;
        long open = 0;
        int pass = 0;
        int fail = 0;
        int error = 0;
        int na = 0;
        for (Map.Entry<FindingState, Severity> f : findings) {
            FindingState status = f.getKey();
            switch (status) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case ERROR -> error++;
                case NOT_APPLICABLE -> na++;
                case CLOSED -> { }
            }
            if (status == FindingState.NOT_APPLICABLE || status == FindingState.CLOSED) {
                continue;
            }
            int weight = f.getValue().weight();
            total += weight;
            if (status.isOpen()) {
                open += weight;
            }
        }
        double score = total == 0 ? 100.0 : Math.round(1000.0 * (1.0 - (double) open / total)) / 10.0;
        if (open > 0 && score >= 100.0) {
            score = 99.9;
        }
        return new ReadinessScore(score, pass, fail, error, na);
    }

    /** {@code Readiness 57.9/100 for 123456789012 in eu-west-1 (2 passed, 1 failed, 1 error, 1 not applicable)}. */
    public String summary(String account, String region) {
        return "Readiness " + score + "/100 for " + account + " in " + region + " (" + pass + " passed, " + fail
                + " failed, " + error + (error == 1 ? " error, " : " errors, ") + notApplicable + " not applicable)";
    }
}
