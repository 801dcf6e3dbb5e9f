package io.irready.checks.cloudtrail;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.List;

/**
 * {@code cloudtrail-log-file-validation}: one finding per trail, judged in one region only — its home
 * region, or the first configured region when those leave the home region out — so a multi-region
 * trail is not reported again from every region it shadows into. A region
 * without trails of its own yields no finding: cloudtrail-logging-all-regions reports the gap.
 * A trail owned by another account (organization trail seen from a member) is NOT_APPLICABLE.
 */
public final class CloudTrailLogFileValidationCheck implements Check, Routed {
    public static final String ID = "cloudtrail-log-file-validation";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "CloudTrail log file validation is enabled",
            Severity.MEDIUM,
            "cloudtrail",
            "AWS::CloudTrail::Trail",
            Granularity.RESOURCE,
            "Digest files let an investigator prove that log files were not modified or deleted after delivery "
                    + "(aws cloudtrail validate-logs); without them, logs from a bucket an attacker could write to "
                    + "are weaker evidence.",
            new Remediation(
                    "CloudTrail console → Trails → the trail → General details → Edit → enable 'Log file validation'.",
                    "aws cloudtrail update-trail --name <trail-arn> --enable-log-file-validation"),
            TrailChecks.permissions(),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.2", "CIS AWS Foundations v3.0.0 3.2"),
                    List.of("CloudTrail.4"),
                    List.of(),
                    List.of("T1070", "T1565.001")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "UpdateTrail", "DeleteTrail").naming(Extractors.TRAIL_NAME).disablesEvidence()
                    .everyRegion()
                    .because("UpdateTrail can turn log file validation off; a deleted trail's finding is closed")
            .on("aws.cloudtrail", "CreateTrail").naming(Extractors.TRAIL_NAME).everyRegion()
                    .because("a new trail is judged")
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
        return TrailChecks.judgeEachTrail(ctx, trail -> trail.logFileValidation()
                ? ctx.pass(trail.arn(), "Trail " + trail.label() + " writes digest files, so its log "
                        + "files can be proven unmodified with aws cloudtrail validate-logs.")
                : ctx.fail(trail.arn(), "Trail " + trail.label() + " has log file validation off, so "
                        + "tampering with its log files cannot be detected. Enable it: aws cloudtrail update-trail "
                        + "--name " + trail.arn() + " --enable-log-file-validation."));
    }
}
