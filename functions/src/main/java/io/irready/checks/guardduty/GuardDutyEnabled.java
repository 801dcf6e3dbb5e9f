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
import java.util.List;
import java.util.stream.Collectors;

/** {@code guardduty-enabled}: an enabled GuardDuty detector in the region (a suspended one does not count). */
public final class GuardDutyEnabled implements Check, Routed {
    public static final String ID = "guardduty-enabled";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "A GuardDuty detector is enabled in the region",
            Severity.MEDIUM,
            "guardduty",
            "AWS::GuardDuty::Detector",
            Granularity.ACCOUNT_REGION,
            "GuardDuty analyses CloudTrail, VPC flow and DNS logs even where you keep none of them, and keeps "
                    + "its findings for 90 days: often the first and only record of credential misuse, crypto-mining "
                    + "or exfiltration. A suspended detector stops producing them; attackers suspend or delete it "
                    + "before they act.",
            new Remediation(
                    "GuardDuty console → (region) → Get started → Enable GuardDuty; for a suspended detector: "
                            + "Settings → Resume GuardDuty.",
                    "aws guardduty create-detector --enable --region <region>  # or, when suspended: "
                            + "aws guardduty update-detector --detector-id <id> --enable --region <region>"),
            List.of(GuardDutyCollector.LIST_DETECTORS, GuardDutyCollector.GET_DETECTOR),
            new References(
                    List.of(),
                    List.of("GuardDuty.1"),
                    List.of("aws.defense-evasion.guardduty-disable"),
                    List.of("T1562.001")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.guardduty", "DeleteDetector", "UpdateDetector").disablesEvidence()
                    .because("deleting or suspending the detector stops GuardDuty's findings")
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
            return List.of(ctx.pass(id, "GuardDuty detector " + enabled.get(0).id() + " is enabled in "
                    + ctx.region() + "."));
        }
        String suspended = detectors.stream().map(d -> d.id() + " (" + d.status() + ")")
                .collect(Collectors.joining(", "));
        return List.of(ctx.fail(id, "GuardDuty detector " + suspended + " in " + ctx.region()
                + " is suspended: it produces no findings. Resume it (aws guardduty update-detector "
                + "--detector-id " + detectors.get(0).id() + " --enable)."));
    }
}
