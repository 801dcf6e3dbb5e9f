package io.irready.infra;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What {@code -c organization=true} adds to the app: in the central stack the bus policy and the member
 * StackSets (the sweep fan-out is part of the {@link ReadinessAuditor}); with {@code -c memberStacksOnly=true},
 * instead of everything else, the member stacks themselves, for the management account StackSets never reach.
 */
final class OrganizationDeployment {
    static final String MEMBER_REGIONAL_PREFIX = MemberStacks.REGIONAL + "-";

    private OrganizationDeployment() {
    }

    /** Every region a member forwards from: the swept ones and us-east-1 (IAM, CloudFront, Organizations). */
    static List<String> watchedRegions(ReadinessAuditorProps props, String home) {
        LinkedHashSet<String> regions = new LinkedHashSet<>(props.sweepRegions(home));
        regions.addAll(props.forwarderRegions(home));
        return List.copyOf(regions);
    }

    /** Adds the organization's parts to the central (home) stack; returns the member stacks the StackSets deploy. */
    static Map<String, Stack> central(Stack home, ReadinessAuditor auditor, ReadinessAuditorProps props,
                                      OrganizationSettings org, List<Map<String, Object>> patterns) {
        CentralBusPolicy.attach(home, "OrganizationBusPolicy", org.organizationId());
        OrganizationMembers members = new OrganizationMembers(home, "OrganizationMembers", org, auditor,
                props.effectiveAuditRoleName(), ReadinessAuditor.readOnlyActions(props), patterns,
                watchedRegions(props, home.getRegion()));
        // what the management account's own member stacks take as parameters (README "Organization deployment")
        CfnOutput.Builder.create(home, "EventFunctionRoleArn").value(auditor.eventFunction().getRole().getRoleArn())
                .description("Parameter " + MemberStacks.EVENT_FUNCTION_ROLE_ARN + " of the member stacks").build();
        CfnOutput.Builder.create(home, "SweepFunctionRoleArn").value(auditor.sweepFunction().getRole().getRoleArn())
                .description("Parameter " + MemberStacks.SWEEP_FUNCTION_ROLE_ARN + " of the member stacks").build();
        return members.memberStacks();
    }

    /**
     * The member stacks as deployable stacks of this app, for {@code cdk deploy} in the management account:
     * the global one in the home region, a regional one in every watched region. Same constructs as the
     * StackSets' templates; bootstrapless, so the management account needs no CDK bootstrap.
     */
    static Map<String, Stack> memberStacksOnly(Construct app, ReadinessAuditorProps props, String home,
                                               String account, List<Map<String, Object>> patterns) {
        Map<String, Stack> stacks = new LinkedHashMap<>();
        stacks.put(MemberStacks.GLOBAL, MemberStacks.global(app, MemberStacks.GLOBAL,
                props(account, home, MemberStacks.GLOBAL, "irready member (management account): read-only audit role for the central "
                        + "account"),
                props.effectiveAuditRoleName(), ReadinessAuditor.readOnlyActions(props)));
        for (String region : watchedRegions(props, home)) {
            String id = MEMBER_REGIONAL_PREFIX + region;
            // one stack name in every region, as the StackSet's instances have one template: the rule names
            // (derived from it) stay within 64 characters, and --parameters Irready-Member-Regional:… fits all
            stacks.put(id, MemberStacks.regional(app, id, props(account, region, MemberStacks.REGIONAL,
                    "irready member (management account): forwards " + region + " CloudTrail events to the central "
                            + "account"), patterns));
        }
        return stacks;
    }

    private static StackProps props(String account, String region, String stackName, String description) {
        StackProps base = OrganizationMembers.memberProps(description);
        return StackProps.builder()
                .stackName(stackName)
                .synthesizer(base.getSynthesizer())
                .analyticsReporting(false)
                .description(description)
                .env(Environment.builder().account(account).region(region).build())
                .build();
    }
}
