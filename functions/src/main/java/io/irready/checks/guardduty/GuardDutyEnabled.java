package io.irready.checks.guardduty;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.guardduty.Detector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.guardduty.GuardDutyCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code guardduty-enabled}: an enabled GuardDuty detector in the region (a suspended one does not count)
 * whose S3 data event and EKS audit log protection plans are on (see {@link #judgePlans}).
 */
public final class GuardDutyEnabled implements Check, Routed {
    public static final String ID = "guardduty-enabled";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "A GuardDuty detector is enabled in the region, with S3 data event and EKS audit log monitoring",
            Severity.MEDIUM,
            "guardduty",
            "AWS::GuardDuty::Detector",
            Granularity.ACCOUNT_REGION,
            "GuardDuty analyses CloudTrail, VPC flow and DNS logs even where you keep none of them, and keeps "
                    + "its findings for 90 days: often the first and only record of credential misuse, crypto-mining "
                    + "or exfiltration. A suspended detector stops producing them; attackers suspend or delete it "
                    + "before they act. Its S3 data event and EKS audit log plans are the only record many accounts "
                    + "have of who read or deleted objects and who ran what against a cluster.",
            new Remediation(
                    "GuardDuty console → (region) → Get started → Enable GuardDuty; for a suspended detector: "
                            + "Settings → Resume GuardDuty; then Protection plans → S3 Protection and EKS Protection "
                            + "(EKS audit log monitoring) → Enable.",
                    "aws guardduty create-detector --enable --region <region>  # or, when suspended: "
                            + "aws guardduty update-detector --detector-id <id> --enable --region <region>; plans: "
                            + "aws guardduty update-detector --detector-id <id> --features "
                            + "Name=S3_DATA_EVENTS,Status=ENABLED Name=EKS_AUDIT_LOGS,Status=ENABLED"),
            List.of(GuardDutyCollector.LIST_DETECTORS, GuardDutyCollector.GET_DETECTOR),
            new References(
                    List.of(),
                    List.of("GuardDuty.1"),
                    List.of("aws.defense-evasion.guardduty-disable"),
                    List.of("T1562.001")));

    /** The plans whose absence leaves activity unrecorded, and what they watch. */
    private static final Map<String, String> EVIDENCE_PLANS = new LinkedHashMap<>();

    static {
        EVIDENCE_PLANS.put(GuardDutyCollector.S3_DATA_EVENTS, "S3 object reads, writes and deletions");
        EVIDENCE_PLANS.put(GuardDutyCollector.EKS_AUDIT_LOGS, "Kubernetes API activity on EKS clusters");
    }

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.guardduty", "DeleteDetector", "UpdateDetector").disablesEvidence()
                    .because("deleting or suspending the detector stops GuardDuty's findings; an update can turn "
                            + "its protection plans off")
            .on("aws.guardduty", "CreateDetector").because("a new detector produces findings again")
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
        List<Detector> detectors = ctx.service(GuardDutyInventory.class).detectors();
        String id = ctx.regionResourceId();
        if (detectors.isEmpty()) {
            return List.of(ctx.fail(id, "GuardDuty has no detector in " + ctx.region()
                    + ": nothing watches this region's CloudTrail, VPC flow and DNS activity. Enable GuardDuty "
                    + "(aws guardduty create-detector --enable)."));
        }
        List<Detector> enabled = detectors.stream().filter(Detector::enabled).toList();
        if (!enabled.isEmpty()) {
            return List.of(judgePlans(ctx, id, enabled.get(0)));
        }
        String suspended = detectors.stream().map(d -> d.id() + " (" + d.status() + ")")
                .collect(Collectors.joining(", "));
        return List.of(ctx.fail(id, "GuardDuty detector " + suspended + " in " + ctx.region()
                + " is suspended: it produces no findings. Resume it (aws guardduty update-detector "
                + "--detector-id " + detectors.get(0).id() + " --enable)."));
    }

    /**
     * An enabled detector still FAILs when a plan that records evidence GuardDuty would otherwise
     * never see is off: S3 data events (who read, wrote or deleted objects) and EKS audit logs (who
     * ran what against a cluster's API). Other plans that are off (runtime monitoring, malware
     * protection, RDS login events, Lambda network logs) add detections rather than a record, so
     * they are named in the reason without failing. A detector that reports no plans is judged on
     * its status alone.
     */
    private static Finding judgePlans(CheckContext ctx, String resourceId, Detector detector) {
        String enabled = "GuardDuty detector " + detector.id() + " is enabled in " + ctx.region();
        if (detector.features().isEmpty()) {
            return ctx.pass(resourceId, enabled + ".");
        }
        List<String> evidenceOff = EVIDENCE_PLANS.keySet().stream()
                .filter(plan -> detector.feature(plan).filter("DISABLED"::equals).isPresent()).toList();
        List<String> otherOff = detector.features().entrySet().stream()
                .filter(e -> "DISABLED".equals(e.getValue()) && !EVIDENCE_PLANS.containsKey(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
        String others = otherOff.isEmpty() ? "" : " Also off (detections, not a record): "
                + String.join(", ", otherOff) + ".";
        if (evidenceOff.isEmpty()) {
            return ctx.pass(resourceId, enabled + " and monitors S3 data events and EKS audit logs." + others);
        }
        String what = evidenceOff.stream().map(plan -> plan + " (" + EVIDENCE_PLANS.get(plan) + ")")
                .collect(Collectors.joining(" and "));
        String enable = evidenceOff.stream().map(plan -> "Name=" + plan + ",Status=ENABLED")
                .collect(Collectors.joining(" "));
        return ctx.fail(resourceId, enabled + " but " + what + (evidenceOff.size() > 1 ? " are" : " is")
                + " off: GuardDuty keeps no findings about that activity." + others
                + " Enable (aws guardduty update-detector --detector-id " + detector.id() + " --features "
                + enable + ").");
    }
}
