package io.irready.cli.format;

import io.irready.core.Finding;
import io.irready.core.Status;
import java.io.PrintWriter;

/**
 * {@code irready scan --compliance cis|attack} as text: one section per control, headed by the
 * control id and its status, then the checks mapped to it and their findings (blocks as in
 * {@link TableFormat}, indented). Checks mapped to no control of the framework come last under
 * {@code unmapped}. An auditor reads it control by control; an engineer still gets every reason.
 */
public final class ComplianceTableFormat implements ReportFormat {
    private static final String MARGIN = "  ";

    private final Compliance.Framework framework;

    public ComplianceTableFormat(Compliance.Framework framework) {
        this.framework = framework;
    }

    @Override
    public void write(ScanReport report, PrintWriter out) {
        Compliance compliance = Compliance.of(report, framework);
        out.println("irready scan of account " + Text.clean(report.account()) + " in "
                + Text.clean(String.join(", ", report.regions())) + " at " + report.startedAt());
        out.println("Grouped by " + framework.title() + " " + framework.control() + ".");
        out.println("A " + framework.control() + " FAILs when any of its findings fails (then ERROR, PASS, N/A).");
        out.println();
        for (Compliance.Control control : compliance.controls()) {
            section(control, control.id(), out);
        }
        Compliance.Control unmapped = compliance.unmapped();
        if (!unmapped.checks().isEmpty()) {
            section(unmapped, Compliance.UNMAPPED + " (checks mapped to no " + framework.title() + " " + framework.control() + ")", out);
        }
        out.println(compliance.controls().size() + " " + framework.control() + "s: " + compliance.count(Status.FAIL) + " FAIL, "
                + compliance.count(Status.ERROR) + " ERROR, " + compliance.count(Status.NOT_APPLICABLE) + " N/A, "
                + compliance.count(Status.PASS) + " PASS");
        out.println(TableFormat.totals(report));
    }

    private static void section(Compliance.Control control, String heading, PrintWriter out) {
        String status = TableFormat.label(control.status());
        out.println(Text.pad(Text.clean(heading), TableFormat.WIDTH - status.length() - 1) + " " + status);
        for (String line : Text.wrap("checks: " + Text.clean(String.join(", ", control.checks())),
                TableFormat.WIDTH - MARGIN.length())) {
            out.println(MARGIN + line);
        }
        out.println();
        if (control.findings().isEmpty()) {
            out.println(MARGIN + "No findings.");
            out.println();
        }
        for (Finding f : control.findings()) {
            TableFormat.block(f, MARGIN, TableFormat.WIDTH, out);
        }
    }
}
