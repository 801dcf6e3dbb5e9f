package io.irready.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.irready.checks.Catalog;
import io.irready.cli.format.HtmlReport;
import io.irready.cli.format.ReadinessPage;
import io.irready.core.Check;
import io.irready.core.Config;
import io.irready.core.EnvironmentNames;
import io.irready.core.Severity;
import io.irready.inventory.AwsClients;
import io.irready.store.FindingQueries;
import io.irready.store.FindingState;
import io.irready.store.ScoreHistory;
import io.irready.store.ScorePoint;
import io.irready.store.StoredFinding;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code irready findings}: what the deployed auditor has stored — every failing check, since
 * when, who changed it — read from its DynamoDB table with the caller's AWS credentials.
 */
@Command(name = "findings", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the findings the deployed auditor stored in its DynamoDB table.",
                "Default: every current finding except closed ones, open (FAIL, ERROR) first."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:the table could not be read"})
public final class FindingsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--table-name", paramLabel = "TABLE", defaultValue = "${env:" + EnvironmentNames.IRREADY_TABLE_NAME + "}",
            description = "The auditor's table (default: $IRREADY_TABLE_NAME; the stack output FindingsTableName).")
    String tableName;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Only these states: PASS, FAIL, ERROR, NOT_APPLICABLE, CLOSED (comma-separated).")
    List<FindingState> statuses = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "SEVERITY",
            description = "Only findings at or above this severity (CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL).")
    String severity;

    @Option(names = "--check", split = ",", paramLabel = "CHECK_ID", description = "Only these check ids (comma-separated).")
    List<String> checks = new ArrayList<>();

    @Option(names = "--account", split = ",", paramLabel = "ID",
            description = "Only findings of these accounts (comma-separated ids), when irready audits several.")
    List<String> accounts = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT", description = "table (default), json or html (a self-contained page with the score trend: "
                    + "irready findings --format html > readiness.html).")
    String format;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region of the table (default: the AWS SDK's region: $AWS_REGION, the profile).")
    String region;

    @Option(names = "--endpoint-url", hidden = true, description = "DynamoDB endpoint (tests, emulators).")
    URI endpointUrl;

    @Option(names = "--trend", description = "Print the readiness score series (one point per sweep) of every "
            + "account and region in the table instead of the findings.")
    boolean trend;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (tableName == null || tableName.isBlank()) {
            err.println("irready findings: no table: pass --table-name or set IRREADY_TABLE_NAME");
            return 1;
        }
        if (!List.of("table", "json", "html").contains(format.toLowerCase(Locale.ROOT))) {
            err.println("irready findings: unknown format '" + format + "' (expected table, json or html)");
            return 1;
        }
        Optional<Severity> minimum;
        try {
            minimum = Optional.ofNullable(severity).map(Severity::parse);
        } catch (IllegalArgumentException e) {
            err.println("irready findings: " + e.getMessage());
            return 1;
        }
        if (trend && format.equalsIgnoreCase("html")) {
            err.println("irready findings: --format html includes the trend; drop --trend");
            return 1;
        }
        if (trend) {
            try (DynamoDbClient ddb = client()) {
                Trend.print(new FindingQueries(ddb, tableName),
                        new ScoreHistory(ddb, tableName, Config.defaults(), Clock.systemUTC()), format, out);
            } catch (SdkException e) {
                err.println("irready findings: cannot read table " + tableName + ": " + e.getMessage());
                return 1;
            }
            out.flush();
            return 0;
        }
        List<StoredFinding> findings;
        List<ScorePoint> scores = List.of();
        try (DynamoDbClient ddb = client()) {
            FindingQueries queries = new FindingQueries(ddb, tableName);
            findings = select(queries, minimum);
            if (format.equalsIgnoreCase("html")) {
                scores = Trend.points(queries, new ScoreHistory(ddb, tableName, Config.defaults(), Clock.systemUTC()));
            }
        } catch (SdkException e) {
            err.println("irready findings: cannot read table " + tableName + ": " + e.getMessage());
            return 1;
        }
        if (format.equalsIgnoreCase("html")) {
            HtmlReport.write(ReadinessPage.ofStored(tableName, Clock.systemUTC().instant(),
                    Catalog.registry().all().stream().map(Check::metadata).toList(), findings, scores), out);
        } else if (format.equalsIgnoreCase("json")) {
            json(findings, out);
        } else {
            table(findings, out);
        }
        out.flush();
        return 0;
    }

    private DynamoDbClient client() {
        String r = region != null ? region : new DefaultAwsRegionProviderChain().getRegion().id();
        AwsClients clients = endpointUrl == null ? AwsClients.standard()
                : AwsClients.forEndpoint(endpointUrl, DefaultCredentialsProvider.builder().build(), 3);
        return clients.build(DynamoDbClient.builder(), r);
    }

    private List<StoredFinding> select(FindingQueries queries, Optional<Severity> minimum) {
        Set<FindingState> wanted = statuses.isEmpty() ? EnumSet.complementOf(EnumSet.of(FindingState.CLOSED))
                : EnumSet.copyOf(statuses);
        // only open states asked for: the sparse indexes have exactly those, no scan needed
        List<StoredFinding> candidates;
        if (!wanted.stream().allMatch(FindingState::isOpen)) {
            candidates = queries.allFindings();
        } else if (!accounts.isEmpty()) {
            candidates = accounts.stream().distinct().flatMap(a -> queries.openFindingsOf(a).stream()).toList();
        } else {
            candidates = wanted.stream().flatMap(s -> queries.openFindings(s).stream()).toList();
        }
        return candidates.stream()
                .filter(f -> wanted.contains(f.status()))
                .filter(f -> minimum.map(m -> f.severity().isAtLeast(m)).orElse(true))
                .filter(f -> checks.isEmpty() || checks.contains(f.checkId()))
                .filter(f -> accounts.isEmpty() || accounts.contains(f.account()))
                .sorted(Comparator.comparing((StoredFinding f) -> !f.status().isOpen())
                        .thenComparing(StoredFinding::severity)
                        .thenComparing(StoredFinding::statusChangedAt, Comparator.reverseOrder())
                        .thenComparing(StoredFinding::checkId).thenComparing(StoredFinding::resourceId))
                .toList();
    }

    private static void json(List<StoredFinding> findings, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StoredFinding f : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("checkId", f.checkId());
            row.put("status", f.status().name());
            row.put("severity", f.severity().name());
            row.put("account", f.account());
            row.put("region", f.region());
            row.put("resourceId", f.resourceId());
            row.put("reason", f.reason());
            f.muted().ifPresent(m -> {
                Map<String, Object> muted = new LinkedHashMap<>();
                muted.put("reason", m.reason());
                muted.put("expires", m.expires().map(Object::toString).orElse(null));
                row.put("muted", muted);
            });
            row.put("firstSeenAt", String.valueOf(f.firstSeenAt()));
            row.put("statusChangedAt", String.valueOf(f.statusChangedAt()));
            row.put("lastEvaluatedAt", String.valueOf(f.lastEvaluatedAt()));
            f.changedBy().ifPresent(c -> row.put("changedBy", c));
            rows.add(row);
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void table(List<StoredFinding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            out.println("No findings match.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STATUS", "SEVERITY", "CHECK", "ACCOUNT/REGION", "RESOURCE", "SINCE", "CHANGED BY", "REASON"});
        for (StoredFinding f : findings) {
            rows.add(new String[] {f.isMuted() ? "MUTED" : f.status().name(), f.severity().name(), f.checkId(),
                    f.account() + "/" + f.region(),
                    safe(f.resourceId(), 80), String.valueOf(f.statusChangedAt()),
                    f.changedBy().map(c -> safe(c.eventName(), 30) + " by " + safe(c.principalArn(), 60)).orElse("sweep"),
                    safe(f.muted().map(m -> "Accepted risk (" + f.status() + "): " + m.reason() + ". ").orElse("")
                            + f.reason(), 120)});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        Map<FindingState, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(StoredFinding::status, () -> new java.util.EnumMap<>(FindingState.class),
                        Collectors.counting()));
        out.println();
        out.println(findings.size() + " findings: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    }

    /**
     * Resource names and principals come from AWS and events: no control characters (terminal
     * escape sequences) or bidi overrides reach the terminal; long values are cut.
     */
    static String safe(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(cp == '\n' || cp == '\t' || cp == '\r' ? " " : "");
            } else {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString();
        return clean.codePointCount(0, clean.length()) <= max ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
    }
}
