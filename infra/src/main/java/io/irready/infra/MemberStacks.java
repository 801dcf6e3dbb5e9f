package io.irready.infra;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudformation.CfnWaitConditionHandle;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * What every member account of the organization needs, as two env-agnostic stacks the StackSets deploy (and the
 * management account deploys itself, since StackSets never reach it):
 * <ul>
 *   <li>{@value #GLOBAL} (one region per account): the audit role, with exactly the read-only actions the enabled
 *       checks declare — the same list the central functions hold — assumable only by the central event and sweep
 *       functions' roles, and only while they belong to the organization;</li>
 *   <li>{@value #REGIONAL} (every watched region): the routing table's rules forwarding to the central account's
 *       home bus, with the role cross-account bus targets require and a dead-letter queue.</li>
 * </ul>
 * Everything is conditioned on "this is not the central account": the central account audits itself with its own
 * credentials and its own rules, and must not forward to itself.
 */
final class MemberStacks {
    static final String GLOBAL = "Irready-Member-Global";
    static final String REGIONAL = "Irready-Member-Regional";
    static final String CENTRAL_ACCOUNT_ID = "CentralAccountId";
    static final String ORGANIZATION_ID = "OrganizationId";
    static final String EVENT_FUNCTION_ROLE_ARN = "EventFunctionRoleArn";
    static final String SWEEP_FUNCTION_ROLE_ARN = "SweepFunctionRoleArn";
    static final String HOME_REGION = "HomeRegion";
    static final String NOT_CENTRAL = "NotTheCentralAccount";

    private MemberStacks() {
    }

    /** The audit role stack. */
    static Stack global(Construct scope, String id, StackProps stackProps, String roleName,
                        SortedSet<String> readOnlyActions) {
        Stack stack = new Stack(scope, id, stackProps);
        CfnParameter central = centralAccountParameter(stack);
        CfnParameter organization = CfnParameter.Builder.create(stack, ORGANIZATION_ID).type("String")
                .allowedPattern("^o-[a-z0-9]{10,32}$")
                .description("The organization (o-…) the central functions must belong to").build();
        CfnParameter eventRole = roleArnParameter(stack, EVENT_FUNCTION_ROLE_ARN, "event");
        CfnParameter sweepRole = roleArnParameter(stack, SWEEP_FUNCTION_ROLE_ARN, "sweep");
        Role role = Role.Builder.create(stack, "AuditRole")
                .roleName(roleName)
                .description("irready: read-only audit of this account by the central account's event and sweep "
                        + "functions (generated from the check registry)")
                .assumedBy(new CompositePrincipal(new ArnPrincipal(eventRole.getValueAsString()),
                        new ArnPrincipal(sweepRole.getValueAsString()))
                        .withConditions(Map.of("StringEquals",
                                Map.of("aws:PrincipalOrgID", organization.getValueAsString()))))
                .build();
        // the same read-only grants the central functions hold for their own account (AuditorFunctions)
        AuditorPermissions.grantAuditReads(role, readOnlyActions);
        NagSuppressionsForAuditor.memberAuditRole(role, readOnlyActions);
        onlyOutsideTheCentralAccount(stack, central);
        return stack;
    }

    /** The forwarding rules stack, one per watched region. */
    static Stack regional(Construct scope, String id, StackProps stackProps, List<Map<String, Object>> patterns) {
        Stack stack = new Stack(scope, id, stackProps);
        CfnParameter central = centralAccountParameter(stack);
        CfnParameter home = CfnParameter.Builder.create(stack, HOME_REGION).type("String")
                .allowedPattern("^[a-z]{2}(-gov)?-[a-z]+-\\d$")
                .description("The central account's home region, whose default event bus receives the events").build();
        String centralBus = Fn.join("", List.of("arn:", Aws.PARTITION, ":events:", home.getValueAsString(), ":",
                central.getValueAsString(), ":event-bus/default"));
        new EventForwarder(stack, "Forwarder", home.getValueAsString(), centralBus, patterns);
        onlyOutsideTheCentralAccount(stack, central);
        return stack;
    }

    private static CfnParameter centralAccountParameter(Stack stack) {
        return CfnParameter.Builder.create(stack, CENTRAL_ACCOUNT_ID).type("String")
                .allowedPattern("^\\d{12}$")
                .description("The central (security) account irready runs in; nothing is created there").build();
    }

    private static CfnParameter roleArnParameter(Stack stack, String id, String function) {
        return CfnParameter.Builder.create(stack, id).type("String")
                .allowedPattern("^arn:aws[a-z-]*:iam::\\d{12}:role/.+$")
                .description("ARN of the central irready " + function + " function's role").build();
    }

    /**
     * Conditions every resource on the account not being the central one. A stack whose every resource is
     * conditioned out is rejected by CloudFormation, so a no-op wait condition handle always remains.
     */
    private static void onlyOutsideTheCentralAccount(Stack stack, CfnParameter central) {
        CfnCondition notCentral = CfnCondition.Builder.create(stack, NOT_CENTRAL)
                .expression(Fn.conditionNot(Fn.conditionEquals(Aws.ACCOUNT_ID, central.getValueAsString())))
                .build();
        for (IConstruct child : stack.getNode().findAll()) {
            if (child instanceof CfnResource resource) {
                resource.getCfnOptions().setCondition(notCentral);
            }
        }
        new CfnWaitConditionHandle(stack, "AlwaysOneResource");
    }
}
