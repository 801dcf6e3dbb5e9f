package io.irready.checks.logs;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.logs.LogGroup;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.List;

/**
 * Forensic log groups keep their events at least {@code Config.retentionDays} (or never expire).
 * A log group is forensic when its name starts with one of {@code Config.forensicLogGroupPrefixes}
 * or when a trail, flow log, database, function, EKS cluster, web ACL or firewall delivers into it
 * (see {@link ForensicLogGroups}); other groups get no finding.
 */
public final class LogsRetention implements Check, Routed {
    public static final String ID = "logs-retention";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Forensic CloudWatch Logs log groups keep events for at least the retention threshold",
            Severity.MEDIUM,
            "logs",
            "AWS::Logs::LogGroup",
            Granularity.RESOURCE,
            "Intrusions are often found months after they start; a trail, flow-log, database or function log group "
                    + "that expires its events sooner than the investigation window deletes the evidence of how "
                    + "the attacker got in and what they touched.",
            new Remediation(
                    "CloudWatch console > Log groups > select the group > Actions > Edit retention setting > "
                            + "choose at least the threshold (default 365 days) or Never expire > Save.",
                    "aws logs put-retention-policy --log-group-name <name> --retention-in-days 365"),
            ForensicLogGroups.PERMISSIONS,
            new References(
                    List.of(),
                    List.of("CloudWatch.16"),
                    List.of(),
                    List.of("T1070", "T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.logs", "DeleteLogGroup", "PutRetentionPolicy").naming(Extractors.LOG_GROUP_NAME).disablesEvidence()
                    .because("a deleted group or a shorter retention loses forensic logs")
            .on("aws.logs", "DeleteRetentionPolicy", "CreateLogGroup").naming(Extractors.LOG_GROUP_NAME)
                    .because("a group that never expires passes; a new forensic group is judged")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        int threshold = ctx.config().retentionDays();
        List<Finding> findings = new ArrayList<>();
        for (ForensicLogGroups.Forensic forensic : ForensicLogGroups.inScope(ctx)) {
            LogGroup group = forensic.group();
            String why = forensic.subject();
            if (group.retentionDays().isEmpty()) {
                findings.add(ctx.pass(group.arn(), why + " and never expires its events."));
            } else if (group.retentionDays().get() >= threshold) {
                findings.add(ctx.pass(group.arn(), why + " and keeps events for " + group.retentionDays().get()
                        + " days (threshold " + threshold + ")."));
            } else {
                findings.add(ctx.fail(group.arn(), why + " but keeps events for only " + group.retentionDays().get()
                        + " days, less than the " + threshold + "-day threshold: set its retention to at least "
                        + threshold + " days or Never expire."));
            }
        }
        return findings;
    }
}
