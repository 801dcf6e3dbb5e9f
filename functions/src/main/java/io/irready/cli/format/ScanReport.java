package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.Status;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one {@code irready scan} found, for the output formats.
 *
 * @param toolVersion irready's version
 * @param account     the scanned account
 * @param regions     the scanned regions
 * @param startedAt   when the scan started
 * @param checks      the checks that were run (SARIF rules, table legend)
 * @param findings    every finding, muted ones (accepted risks) included and marked
 * @param nothingInScope the checks that found nothing to judge in a region (no finding there at all)
 */
public record ScanReport(String toolVersion, String account, List<String> regions, Instant startedAt,
                         List<CheckMetadata> checks, List<Finding> findings, List<NothingInScope> nothingInScope) {

    /** Most urgent first: FAIL, ERROR, NOT_APPLICABLE, MUTED, PASS; then by severity, check, region, resource. */
    public static final Comparator<Finding> URGENCY = Comparator
            .comparingInt((Finding f) -> f.isMuted() ? 3 : statusRank(f.status()))
            .thenComparing(Finding::severity)
            .thenComparing(Finding::checkId)
            .thenComparing(Finding::region)
            .thenComparing(Finding::resourceId);

    public ScanReport {
        regions = List.copyOf(regions);
        checks = List.copyOf(checks);
        findings = findings.stream().sorted(URGENCY).toList();
        nothingInScope = nothingInScope.stream().sorted(NothingInScope.ORDER).toList();
    }

    /** A report without any word on checks that found nothing to judge. */
    public ScanReport(String toolVersion, String account, List<String> regions, Instant startedAt,
                      List<CheckMetadata> checks, List<Finding> findings) {
        this(toolVersion, account, regions, startedAt, checks, findings, List.of());
    }

    /**
     * {@code no RDS DB instances or clusters in scope in us-east-1}: what one check that found nothing to
     * judge found, in the words of its resource type.
     */
    public String sentence(NothingInScope nothing) {
        return checks.stream().filter(c -> c.id().equals(nothing.checkId())).findFirst()
                .map(nothing::sentence)
                .orElse("nothing in scope in " + nothing.region());
    }

    /** Findings with this status that are not muted (a muted one counts only as MUTED). */
    public long count(Status status) {
        return findings.stream().filter(f -> !f.isMuted() && f.status() == status).count();
    }

    public long countMuted() {
        return findings.stream().filter(Finding::isMuted).count();
    }

    private static int statusRank(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case ERROR -> 1;
            case NOT_APPLICABLE -> 2;
            case PASS -> 4;
        };
    }
}
