package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * {@code irready scan --compliance cis|attack --format json}: an object
 * {@code {"framework", "controls": [{"control", "status", "checks", "findings"}], "unmapped": {"status",
 * "checks", "findings"}}}; findings have the fields of {@link JsonFormat}.
 */
public final class ComplianceJsonFormat implements ReportFormat {
    private final Compliance.Framework framework;

    public ComplianceJsonFormat(Compliance.Framework framework) {
        this.framework = framework;
    }

    @Override
    public void write(ScanReport report, PrintWriter out) {
        Compliance compliance = Compliance.of(report, framework);
        ObjectNode root = Json.object();
        root.put("framework", framework.key());
        ArrayNode controls = root.putArray("controls");
        for (Compliance.Control control : compliance.controls()) {
            ObjectNode node = controls.addObject();
            node.put("control", control.id());
            fill(node, control);
        }
        fill(root.putObject(Compliance.UNMAPPED), compliance.unmapped());
        out.println(Json.write(root));
    }

    private static void fill(ObjectNode node, Compliance.Control control) {
        node.put("status", control.status().name());
        node.set("checks", Json.strings(control.checks()));
        ArrayNode findings = node.putArray("findings");
        control.findings().forEach(f -> findings.add(JsonFormat.toJson(f)));
    }
}
