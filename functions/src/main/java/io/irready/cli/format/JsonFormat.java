package io.irready.cli.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.Finding;
import java.io.PrintWriter;

/**
 * A JSON array of findings with stable field names (a public interface for scripts):
 * {@code checkId, severity, status, account, region, resourceId, reason, observedAt}, and for an accepted
 * risk {@code muted: {reason, expires}} ({@code status} stays the check's verdict). After the findings, one
 * entry with {@code "inScope": 0} per check and region where the check found nothing to judge.
 */
public final class JsonFormat implements ReportFormat {
    @Override
    public void write(ScanReport report, PrintWriter out) {
        ArrayNode array = Json.array();
        report.findings().forEach(f -> array.add(toJson(f)));
        report.nothingInScope().forEach(n -> array.add(toJson(n, report)));
        out.println(Json.write(array));
    }

    /**
     * A check that found nothing to judge in a region: after the findings, one entry with
     * {@code "inScope": 0} and no {@code status} or {@code resourceId} (it is not a finding), e.g.
     * {@code {"checkId":"rds-log-exports","severity":"MEDIUM","account":"…","region":"us-east-1","inScope":0,
     * "reason":"no RDS DB instances or clusters in scope in us-east-1"}}.
     */
    static ObjectNode toJson(NothingInScope nothing, ScanReport report) {
        ObjectNode node = Json.object();
        node.put("checkId", nothing.checkId());
        report.checks().stream().filter(c -> c.id().equals(nothing.checkId())).findFirst()
                .ifPresent(c -> node.put("severity", c.severity().name()));
        node.put("account", nothing.account());
        node.put("region", nothing.region());
        node.put("inScope", 0);
        node.put("reason", report.sentence(nothing));
        return node;
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
