package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.Finding;
import java.io.PrintWriter;

/**
 * A JSON array of findings with stable field names (a public interface for scripts):
 * {@code checkId, severity, status, account, region, resourceId, reason, observedAt}, and for an accepted
 * risk {@code muted: {reason, expires}} ({@code status} stays the check's verdict).
 */
public final class JsonFormat implements ReportFormat {
    @Override
    public void write(ScanReport report, PrintWriter out) {
        ArrayNode array = Json.array();
        report.findings().forEach(f -> array.add(toJson(f)));
        out.println(Json.write(array));
    }

    public static ObjectNode toJson(Finding f) {
        ObjectNode node = Json.object();
        node.put("checkId", f.checkId());
        node.put("severity", f.severity().name());
        node.put("status", f.status().name());
        node.put("account", f.account());
        node.put("region", f.region());
        node.put("resourceId", f.resourceId());
        node.put("reason", f.reason());
        node.put("observedAt", f.observedAt().toString());
        f.muted().ifPresent(m -> {
            ObjectNode muted = node.putObject("muted");
            muted.put("reason", m.reason());
            m.expires().ifPresentOrElse(d -> muted.put("expires", d.toString()), () -> muted.putNull("expires"));
        });
        return node;
    }
}
