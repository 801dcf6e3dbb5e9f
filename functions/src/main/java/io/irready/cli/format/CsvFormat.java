package io.irready.cli.format;

import io.irready.core.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break), one
 * row per finding, same columns as the JSON format. Cells are neutralised against CSV formula
 * injection: a resource named {@code =HYPERLINK(…)} must not run as a formula when the report
 * is opened in a spreadsheet, so cells starting with {@code = + - @} get a leading {@code '}.
 */
public final class CsvFormat implements ReportFormat {
    static final List<String> HEADER = List.of("checkId", "severity", "status", "account", "region", "resourceId",
            "reason", "observedAt");

    @Override
    public void write(ScanReport report, PrintWriter out) {
        out.print(row(HEADER));
        for (Finding f : report.findings()) {
            out.print(row(List.of(f.checkId(), f.severity().name(), f.status().name(), f.account(), f.region(),
                    f.resourceId(), f.reason(), f.observedAt().toString())));
        }
        out.flush();
    }

    static String row(List<String> cells) {
        return cells.stream().map(CsvFormat::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One cell: control characters made visible, formulas defused, quoted when needed. */
    static String cell(String value) {
        String text = Text.clean(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
