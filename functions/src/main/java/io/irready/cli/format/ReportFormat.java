package io.irready.cli.format;

import java.io.PrintWriter;

/** One way to print a scan's findings ({@code irready scan --format …}). */
public interface ReportFormat {
    void write(ScanReport report, PrintWriter out);

    /** The format for a {@code --format} value. */
    static ReportFormat of(Kind kind) {
        return switch (kind) {
            case TABLE -> new TableFormat();
            case JSON -> new JsonFormat();
            case CSV -> new CsvFormat();
            case SARIF -> new SarifFormat();
            case HTML -> new HtmlReport();
            case ASFF -> new AsffFormat();
            case OCSF -> new OcsfFormat();
        };
    }

    /** The {@code --format} values. */
    enum Kind { TABLE, JSON, CSV, SARIF, HTML, ASFF, OCSF }
}
