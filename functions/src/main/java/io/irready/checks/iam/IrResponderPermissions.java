package io.irready.checks.iam;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.iam.ResponderSimulation;
import io.irready.inventory.iam.SimulatedDecision;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.inventory.iam.ResponderSimulationCollector;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ir-responder-permissions}: the configured incident-response role may perform what acquiring evidence
 * needs ({@link io.irready.core.Config#responderActions()}): {@code s3:*} actions are simulated on the trail
 * buckets' objects ({@code arn:aws:s3:::<bucket>/*}), the others on {@code *}. Judged by the IAM policy
 * simulator, which honours the role's permissions boundary; bucket policies and conditions are not evaluated.
 * Without a configured role there is nothing to judge and no finding.
 */
public final class IrResponderPermissions implements Check, Routed {
    public static final String ID = "ir-responder-permissions";
    static final String SIMPLIFICATION = "Judged by IAM policy simulation (the role's policies and permissions "
            + "boundary; bucket policies and policy conditions were not evaluated).";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "The incident-response role can acquire evidence",
            Severity.HIGH,
            "iam",
            "AWS::IAM::Role",
            Granularity.RESOURCE,
            "In an incident the responder must snapshot volumes, run collection commands, query logs and read the "
                    + "trail's log files at once. Discovering a missing permission — or a permissions boundary that "
                    + "silently blocks it — during the incident costs hours while evidence on running instances "
                    + "changes or disappears.",
            new Remediation(
                    "IAM console → Roles → (responder role) → Permissions: add a policy allowing the missing "
                            + "actions; Permissions boundary: make sure it allows them too.",
                    "aws iam put-role-policy --role-name <role> --policy-name irready-responder "
                            + "--policy-document file://responder-policy.json"),
            List.of(ResponderSimulationCollector.SIMULATE, CloudTrailCollector.LIST_TRAILS,
                    CloudTrailCollector.DESCRIBE_TRAILS),
            References.NONE);

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.iam", RoleChanges.CALLS)
                    .naming(Extractors.ROLE_NAME).delayedRecheck().everyRegion()
                    .because("the responder role's policies or boundary can lose a permission evidence acquisition "
                            + "needs; IAM is global and eventually consistent")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    static final String NO_ROLE = "No incident-response role is configured, so nobody's access to evidence was checked: "
            + "set the role your responders assume (--responder-role-arn, IRREADY_RESPONDER_ROLE_ARN or the CDK "
            + "context responderRoleArn).";

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Optional<String> configured = ctx.config().responderRoleArn();
        if (configured.isEmpty()) {
            // nothing to judge, but say so once per region: a scan should show that this question went unasked
            return ctx.scope().isRegion() ? List.of(ctx.notApplicable(ctx.regionResourceId(), NO_ROLE)) : List.of();
        }
        String role = configured.get();
        if (!ctx.scope().includes(role)) {
            return List.of();
        }
        List<String> actions = ctx.config().responderActions();
        List<String> s3Actions = actions.stream().filter(a -> a.startsWith("s3:")).toList();
        List<String> otherActions = actions.stream().filter(a -> !a.startsWith("s3:")).toList();
        ResponderSimulation simulation = ctx.service(ResponderSimulation.class);
        List<SimulatedDecision> decisions = new ArrayList<>();
        List<String> buckets = List.of();
        try {
            if (!otherActions.isEmpty()) {
                decisions.addAll(simulation.simulate(role, otherActions, List.of()));
            }
            if (!s3Actions.isEmpty()) {
                buckets = trailBucketObjects(ctx);
                decisions.addAll(simulation.simulate(role, s3Actions, buckets));
            }
        } catch (AwsCallFailedException e) {
            if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                return List.of(ctx.fail(role, "Responder role " + role + " does not exist (" + e.errorCode()
                        + "): nobody is ready to acquire evidence. Create it or fix IRREADY_RESPONDER_ROLE_ARN."));
            }
            throw e;
        }
        Map<String, List<SimulatedDecision>> byAction = new LinkedHashMap<>();
        actions.forEach(a -> byAction.put(a, new ArrayList<>()));
        for (SimulatedDecision d : decisions) {
            byAction.computeIfAbsent(actions.stream().filter(a -> a.equalsIgnoreCase(d.action())).findFirst()
                    .orElse(d.action()), k -> new ArrayList<>()).add(d);
        }
        List<String> missing = new ArrayList<>();
        for (var entry : byAction.entrySet()) {
            List<SimulatedDecision> denied = entry.getValue().stream().filter(d -> !d.allowed()).toList();
            if (entry.getValue().isEmpty()) {
                missing.add(entry.getKey() + " (the simulator returned no decision)");
            } else if (!denied.isEmpty()) {
                SimulatedDecision first = denied.get(0);
                missing.add(entry.getKey() + ("*".equals(first.resource()) ? "" : " on " + first.resource())
                        + " (" + first.decision() + ": " + first.why() + ")");
            }
        }
        String onBuckets = s3Actions.isEmpty() ? "" : " (" + String.join(", ", s3Actions) + " on "
                + (buckets.isEmpty() ? "*, no trail bucket is known" : String.join(", ", buckets)) + ")";
        if (missing.isEmpty()) {
            return List.of(ctx.pass(role, "Responder role " + role + " may perform all " + actions.size()
                    + " evidence-acquisition actions" + onBuckets + ". " + SIMPLIFICATION));
        }
        return List.of(ctx.fail(role, "Responder role " + role + " cannot perform " + missing.size() + " of "
                + actions.size() + " evidence-acquisition actions: " + String.join("; ", missing)
                + ". Allow them in the role's policies (and its permissions boundary) before an incident needs them. "
                + SIMPLIFICATION));
    }

    /** {@code arn:aws:s3:::<bucket>/*} of every trail bucket visible here; empty means simulate on {@code *}. */
    private static List<String> trailBucketObjects(CheckContext ctx) {
        String partition = ResourceIds.partition(ctx.region());
        return ctx.service(CloudTrailInventory.class).trails().stream().map(Trail::s3BucketName)
                .filter(b -> b != null && !b.isEmpty()).distinct().sorted()
                .map(b -> "arn:" + partition + ":s3:::" + b + "/*").toList();
    }
}
