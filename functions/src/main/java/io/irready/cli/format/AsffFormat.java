package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.securityhub.AsffFinding;
import io.irready.securityhub.SdkJson;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AWS Security Finding Format: {@code {"Findings": [...]}}, the body {@code aws securityhub
 * batch-import-findings --cli-input-json} takes, with every finding (PASS ones archived, so an
 * import also clears what a previous one raised). A CLI scan has no history: a finding's
 * {@code CreatedAt} and {@code UpdatedAt} are when it was observed.
 */
public final class AsffFormat implements ReportFormat {
    @Override
    public void write(ScanReport report, PrintWriter out) {
        out.println(Json.write(toJson(report)));
    }

    public static ObjectNode toJson(ScanReport report) {
        Map<String, CheckMetadata> checks = report.checks().stream()
                .collect(Collectors.toMap(CheckMetadata::id, Function.identity(), (a, b) -> a));
        ObjectNode root = Json.object();
        ArrayNode findings = root.putArray("Findings");
        for (Finding f : report.findings()) {
            CheckMetadata check = checks.get(f.checkId());
            if (check != null) {
                findings.add(SdkJson.toJson(AsffFinding.of(AsffFinding.Subject.of(f), check, f.observedAt(),
                        f.observedAt(), Optional.empty())));
            }
        }
        return root;
    }
}
