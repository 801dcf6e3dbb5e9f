package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.Severity;
import io.irready.core.Status;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning dashboards. One rule per check that ran (title, rationale,
 * remediation, {@code security-severity}); one result per finding that needs attention:
 * <ul>
 *   <li>{@code FAIL}: level by severity (CRITICAL/HIGH → error, MEDIUM → warning, LOW/INFORMATIONAL → note);</li>
 *   <li>{@code ERROR} (irready could not evaluate): level warning and {@code properties.status = "ERROR"},
 *       kept as a failing result because a blind spot must show up on the dashboard, not vanish.</li>
 * </ul>
 * PASS and NOT_APPLICABLE are not results (dashboards would list them as alerts); the table and
 * JSON formats carry them. Cloud resources have no file: each result names its resource as a
 * logical location ({@code fullyQualifiedName} = the canonical resource id, {@code kind} = resource).
 */
public final class SarifFormat implements ReportFormat {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public void write(ScanReport report, PrintWriter out) {
        out.println(Json.write(toJson(report)));
    }

    public static ObjectNode toJson(ScanReport report) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "irready");
        driver.put("version", report.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (CheckMetadata check : report.checks()) {
            ruleIndex.put(check.id(), rules.size());
            rules.add(rule(check));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            if (f.status() == Status.FAIL || f.status() == Status.ERROR) {
                results.add(result(f, ruleIndex.get(f.checkId())));
            }
        }
        return root;
    }

    private static ObjectNode rule(CheckMetadata check) {
        ObjectNode rule = Json.object();
        rule.put("id", check.id());
        rule.putObject("shortDescription").put("text", check.title());
        rule.putObject("fullDescription").put("text", check.rationale());
        String help = check.remediation().console() + "\n\nCLI: " + check.remediation().cli();
        ObjectNode helpNode = rule.putObject("help");
        helpNode.put("text", help);
        helpNode.put("markdown", check.remediation().console() + "\n\n```sh\n" + check.remediation().cli() + "\n```");
        rule.putObject("defaultConfiguration").put("level", level(check.severity()));
        ObjectNode properties = rule.putObject("properties");
        properties.put("security-severity", securitySeverity(check.severity()));
        properties.set("tags", Json.strings(List.of("security", "incident-response", check.service())));
        properties.put("severity", check.severity().name());
        properties.put("resourceType", check.resourceType());
        return rule;
    }

    private static ObjectNode result(Finding f, Integer ruleIndex) {
        ObjectNode result = Json.object();
        result.put("ruleId", f.checkId());
        if (ruleIndex != null) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", f.status() == Status.ERROR ? "warning" : level(f.severity()));
        result.putObject("message").put("text", f.reason());
        ObjectNode location = result.putArray("locations").addObject();
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("fullyQualifiedName", f.resourceId());
        logical.put("kind", "resource");
        // stable across runs, so dashboards track one alert per check and resource
        result.putObject("partialFingerprints").put("irreadyFindingKey/v1", f.key());
        ObjectNode properties = result.putObject("properties");
        properties.put("status", f.status().name());
        properties.put("severity", f.severity().name());
        properties.put("account", f.account());
        properties.put("region", f.region());
        properties.put("observedAt", f.observedAt().toString());
        return result;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    /** GitHub's scale: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFORMATIONAL -> "0.0";
        };
    }
}
