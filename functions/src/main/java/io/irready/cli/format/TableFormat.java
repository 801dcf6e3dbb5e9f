package io.irready.cli.format;

import io.irready.core.Finding;
import io.irready.core.Status;
import java.io.PrintWriter;
import java.util.List;

/**
 * A human report that reads in an 80-column terminal. One block per finding, most urgent first:
 * <pre>
 * FAIL   CRITICAL  cloudtrail-logging-all-regions
 *        123456789012/eu-west-1
 *        No multi-region trail is logging: …
 * </pre>
 * Long ARNs wrap after a {@code :} or {@code /} rather than being truncated, because the engineer
 * needs the whole id to act on it.
 */
public final class TableFormat implements ReportFormat {
    public static final int WIDTH = 80;
    private static final int INDENT = 7;

    @Override
    public void write(ScanReport report, PrintWriter out) {
        out.println("irready scan of account " + Text.clean(report.account()) + " in "
                + Text.clean(String.join(", ", report.regions())) + " at " + report.startedAt());
        out.println();
        if (report.findings().isEmpty()) {
            out.println("No findings.");
        }
        for (Finding f : report.findings()) {
            block(f, "", WIDTH, out);
        }
        if (!report.nothingInScope().isEmpty()) {
            nothingInScope(report, "", WIDTH, out);
        }
        out.println(totals(report));
    }

    /** One finding's block, each line after {@code margin}, wrapped to {@code width} columns. */
    static void block(Finding f, String margin, int width, PrintWriter out) {
        out.println(margin + Text.pad(f.isMuted() ? "MUTED" : label(f.status()), INDENT) + Text.pad(f.severity().name(), 10)
                + Text.clean(f.checkId()));
        String indent = margin + " ".repeat(INDENT);
        int room = width - indent.length();
        for (String line : Text.wrap(Text.clean(f.resourceId()), room)) {
            out.println(indent + line);
        }
        for (String line : Text.wrap(Text.clean(f.reason()), room)) {
            out.println(indent + line);
        }
        if (f.muted().isPresent()) {
            for (String line : Text.wrap(Text.clean(mutedLine(f)), room)) {
                out.println(indent + line);
            }
        }
        out.println();
    }

    /**
     * One line per check that found nothing to judge in a region, so that silence never looks like a
     * check that did not run: {@code rds-log-exports: no RDS DB instances or clusters in scope in us-east-1}.
     */
    static void nothingInScope(ScanReport report, String margin, int width, PrintWriter out) {
        for (NothingInScope nothing : report.nothingInScope()) {
            String line = Text.clean(nothing.checkId() + ": " + report.sentence(nothing));
            List<String> lines = margin.length() + line.length() <= width ? List.of(line)
                    : Text.wrap(line, width - margin.length() - INDENT);
            out.println(margin + lines.getFirst());
            lines.stream().skip(1).forEach(more -> out.println(margin + " ".repeat(INDENT) + more));
        }
        out.println();
    }

    static String totals(ScanReport report) {
        return report.findings().size() + " findings: " + report.count(Status.FAIL) + " FAIL, "
                + report.count(Status.ERROR) + " ERROR, " + report.count(Status.NOT_APPLICABLE) + " N/A (not applicable), "
                + report.count(Status.PASS) + " PASS" + (report.countMuted() > 0 ? ", " + report.countMuted() + " MUTED" : "");
    }

    /** {@code Accepted risk (FAIL): sandbox VPC, until 2027-06-30} — the verdict stays visible. */
    static String mutedLine(Finding f) {
        var m = f.muted().orElseThrow();
        return "Accepted risk (" + f.status().name() + "): " + m.reason()
                + m.expires().map(d -> ", until " + d).orElse("");
    }

    /** The status as the table shows it ({@code NOT_APPLICABLE} is too wide for the column). */
    static String label(Status status) {
        return status == Status.NOT_APPLICABLE ? "N/A" : status.name();
    }
}
