package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.FindingState;
import io.irready.store.ReadinessScore;
import io.irready.store.ScorePoint;
import io.irready.store.StoredFinding;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the HTML report shows, whether it comes from a fresh {@code irready scan} or from the findings the deployed
 * auditor stored ({@code irready findings}, which adds when a state began, who changed it and the score trend).
 *
 * @param subtitle    what was read: the account and regions of a scan, or the table
 * @param generatedAt when the report was made
 * @param checks      the checks that ran, by id (why each matters and how to fix it)
 * @param rows        one per finding, most urgent first
 * @param trend       the stored score points, oldest first per account and region; empty for a scan
 */
public record ReadinessPage(String subtitle, Instant generatedAt, Map<String, CheckMetadata> checks, List<Row> rows,
                            List<ScorePoint> trend) {

    private static final Comparator<Row> URGENCY = Comparator
            .comparingInt((Row r) -> rank(r.status()))
            .thenComparing(Row::severity)
            .thenComparing(Row::checkId)
            .thenComparing(Row::account)
            .thenComparing(Row::region)
            .thenComparing(Row::resourceId);

    public ReadinessPage {
        checks = Map.copyOf(checks);
        rows = rows.stream().sorted(URGENCY).toList();
        trend = List.copyOf(trend);
    }

    /**
     * One finding as the report lists it.
     *
     * @param since     when the finding entered its status (stored findings only)
     * @param changedBy the API call that changed it, as {@code EventName by principal} (stored findings only)
     */
    public record Row(FindingState status, Severity severity, String checkId, String service, String account,
                      String region, String resourceId, String reason, Optional<Instant> since,
                      Optional<String> changedBy) {

        /** The finding the score counts; empty for a closed one (the score leaves those out). */
        Optional<Finding> asFinding() {
            return status == FindingState.CLOSED ? Optional.empty()
                    : Optional.of(new Finding(checkId, severity, account, region, resourceId,
                            Status.valueOf(status.name()), reason, Instant.EPOCH));
        }
    }

    /** The report of a scan: its findings and the checks that ran. */
    public static ReadinessPage of(ScanReport report) {
        Map<String, CheckMetadata> checks = byId(report.checks());
        String subtitle = "Scan of account " + report.account() + " in " + String.join(", ", report.regions())
                + " (irready " + report.toolVersion() + ")";
        List<Row> rows = report.findings().stream().map(f -> new Row(FindingState.of(f.status()), f.severity(),
                f.checkId(), service(checks, f.checkId()), f.account(), f.region(), f.resourceId(), f.reason(),
                Optional.empty(), Optional.empty())).toList();
        return new ReadinessPage(subtitle, report.startedAt(), checks, rows, List.of());
    }

    /** The report of the auditor's table: its stored findings and score points. */
    public static ReadinessPage ofStored(String table, Instant now, Collection<CheckMetadata> catalog,
                                         List<StoredFinding> findings, List<ScorePoint> trend) {
        Map<String, CheckMetadata> checks = byId(catalog);
        List<Row> rows = findings.stream().map(f -> new Row(f.status(), f.severity(), f.checkId(),
                service(checks, f.checkId()), f.account(), f.region(), f.resourceId(), f.reason(),
                Optional.ofNullable(f.statusChangedAt()),
                f.changedBy().map(c -> c.eventName() + " by " + c.principalArn()))).toList();
        return new ReadinessPage("Findings stored in table " + table, now, checks, rows, trend);
    }

    /** The readiness score of every row (all accounts and regions in the report). */
    public ReadinessScore score() {
        return score(rows);
    }

    /** The rows per service, services in name order, each with its own score. */
    public Map<String, List<Row>> byService() {
        return rows.stream().collect(Collectors.groupingBy(Row::service, TreeMap::new, Collectors.toList()));
    }

    /** The rows per check, in catalog order of severity then id, including checks that produced nothing. */
    public Map<String, List<Row>> byCheck() {
        Map<String, List<Row>> byCheck = new LinkedHashMap<>();
        checks.values().stream().sorted(Comparator.comparing(CheckMetadata::severity).thenComparing(CheckMetadata::id))
                .forEach(c -> byCheck.put(c.id(), new java.util.ArrayList<>()));
        rows.forEach(r -> byCheck.computeIfAbsent(r.checkId(), k -> new java.util.ArrayList<>()).add(r));
        return byCheck;
    }

    public Optional<CheckMetadata> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public static ReadinessScore score(Collection<Row> rows) {
        return ReadinessScore.ofFindings(rows.stream().flatMap(r -> r.asFinding().stream()).toList());
    }

    private static Map<String, CheckMetadata> byId(Collection<CheckMetadata> checks) {
        return checks.stream().collect(Collectors.toMap(CheckMetadata::id, Function.identity(), (a, b) -> a));
    }

    /** The check's service; for a check this build does not know (an older or newer auditor), its id's first word. */
    private static String service(Map<String, CheckMetadata> checks, String checkId) {
        CheckMetadata check = checks.get(checkId);
        return check != null ? check.service() : checkId.split("-", 2)[0];
    }

    private static int rank(FindingState status) {
        return switch (status) {
            case FAIL -> 0;
            case ERROR -> 1;
            case NOT_APPLICABLE -> 2;
            case PASS -> 3;
            case CLOSED -> 4;
        };
    }
}
