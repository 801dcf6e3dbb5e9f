package io.irready.core;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How ready one account and region is for an investigation, 0–100, from its current findings.
 *
 * <p>Weighting (documented in the README): every finding weighs its check's {@link Severity#weight()}
 * (CRITICAL 10, HIGH 5, MEDIUM 3, LOW 1, INFORMATIONAL 0). PASS findings earn their weight; FAIL and ERROR
 * findings earn nothing (an auditor that cannot see is not a ready one); NOT_APPLICABLE findings and
 * suppressed findings (absent from the list) count neither way. The score is
 * {@code floor(100 × earned / possible)}, so it is 100 only when nothing that counts is failing, and 100
 * when nothing counts at all (an empty region).
 *
 * @param account       AWS account id
 * @param region        region
 * @param score         0–100
 * @param earned        the weight of the PASS findings
 * @param possible      the weight of the PASS, FAIL and ERROR findings
 * @param passed        number of PASS findings
 * @param failed        number of FAIL findings
 * @param errored       number of ERROR findings
 * @param notApplicable number of NOT_APPLICABLE findings
 */
public record ReadinessScore(String account, String region, int score, int earned, int possible, int passed,
                             int failed, int errored, int notApplicable) {

    public ReadinessScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0–100, got " + score);
        }
    }

    /** The score of {@code findings} (all of one account and region). */
    public static ReadinessScore of(String account, String region, Collection<Finding> findings) {
        int earned = 0;
        int possible = 0;
        int passed = 0;
        int failed = 0;
        int errored = 0;
        int notApplicable = 0;
        for (Finding f : findings) {
            int weight = f.severity().weight();
            switch (f.status()) {
                case PASS -> {
                    passed++;
                    earned += weight;
                    possible += weight;
                }
                case FAIL -> {
                    failed++;
                    possible += weight;
                }
                case ERROR -> {
                    errored++;
                    possible += weight;
                }
                case NOT_APPLICABLE -> notApplicable++;
            }
        }
        int score = possible == 0 ? 100 : (int) Math.floor(100.0 * earned / possible);
        return new ReadinessScore(account, region, score, earned, possible, passed, failed, errored, notApplicable);
    }

    /** One score per account and region present in {@code findings}, sorted by account then region. */
    public static List<ReadinessScore> perAccountRegion(Collection<Finding> findings) {
        Map<List<String>, List<Finding>> groups = findings.stream().collect(Collectors.groupingBy(
                f -> List.of(f.account(), f.region()), LinkedHashMap::new, Collectors.toList()));
        return groups.entrySet().stream()
                .map(e -> of(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(ReadinessScore::account).thenComparing(ReadinessScore::region))
                .toList();
    }

    /** {@code Readiness 72/100 for 123456789012 in eu-west-1 (10 passed, 3 failed, 1 error, 2 not applicable)}. */
    public String summary() {
        return "Readiness " + score + "/100 for " + account + " in " + region + " (" + passed + " passed, " + failed
                + " failed, " + errored + (errored == 1 ? " error, " : " errors, ") + notApplicable
                + " not applicable)";
    }
}
