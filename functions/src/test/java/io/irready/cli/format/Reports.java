package io.irready.cli.format;

import io.irready.core.CheckMetadata;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.TestChecks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

/** Hand-built reports for the format tests. */
final class Reports {
    static final Instant AT = Instant.parse("2026-11-27T05:00:00Z");
    static final CheckMetadata PRESENT = TestChecks.metadata("test-log-groups-present", Severity.HIGH,
            Granularity.ACCOUNT_REGION, List.of("logs:DescribeLogGroups"));
    static final CheckMetadata RETENTION = TestChecks.metadata("test-log-group-retention", Severity.MEDIUM,
            Granularity.RESOURCE, List.of("logs:DescribeLogGroups"));

    private Reports() {
    }

    static Finding finding(CheckMetadata check, String resourceId, Status status, String reason) {
        return new Finding(check.id(), check.severity(), "123456789012", "eu-west-1", resourceId, status, reason, AT);
    }

    static ScanReport report(Finding... findings) {
        return new ScanReport("1.2.3", "123456789012", List.of("eu-west-1"), AT, List.of(PRESENT, RETENTION),
                List.of(findings));
    }

    /** {@code findings}, and the retention check found no log group in eu-west-1 nor in us-east-1. */
    static ScanReport withNothingInScope(Finding... findings) {
        return new ScanReport("1.2.3", "123456789012", List.of("us-east-1", "eu-west-1"), AT,
                List.of(PRESENT, RETENTION), List.of(findings), List.of(
                        new NothingInScope(RETENTION.id(), "123456789012", "us-east-1"),
                        new NothingInScope(RETENTION.id(), "123456789012", "eu-west-1")));
    }

    /** One of each status, given in least-urgent order. */
    static ScanReport mixed() {
        return report(
                finding(RETENTION, "arn:aws:logs:eu-west-1:123456789012:log-group:ok", Status.PASS, "Fine."),
                finding(RETENTION, "arn:aws:logs:eu-west-1:123456789012:log-group:other", Status.NOT_APPLICABLE,
                        "Owned by another account."),
                finding(PRESENT, "123456789012/eu-west-1", Status.ERROR,
                        "Could not evaluate: access denied to logs:DescribeLogGroups."),
                finding(RETENTION, "arn:aws:logs:eu-west-1:123456789012:log-group:short", Status.FAIL,
                        "Log group short keeps events for only 7 days, \"too short\"; set its retention."));
    }

    static String write(ReportFormat format, ScanReport report) {
        StringWriter out = new StringWriter();
        format.write(report, new PrintWriter(out));
        return out.toString();
    }
}
