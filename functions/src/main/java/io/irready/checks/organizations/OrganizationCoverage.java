package io.irready.checks.organizations;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.organizations.OrganizationAccount;
import io.irready.inventory.organizations.OrganizationInventory;
import io.irready.inventory.organizations.OrganizationsCollector;
import java.util.List;
import java.util.Optional;

/**
 * {@code organization-coverage}: irready can assume its audit role in every ACTIVE account of the
 * organization in scope. An account it cannot reach is not "clean": its findings would simply never
 * exist, so each such account gets one ERROR (under its own account id) naming the failed AssumeRole.
 *
 * <p>The metadata lists the read-only Organizations actions only: {@code sts:AssumeRole} on the audit
 * roles belongs to the auditing principal (the deployment grants it), not to the read-only policy that
 * {@code irready policy} prints for every audited account.
 *
 * <p>Organizations is global, so the check runs once, from {@value #HOME_REGION}; evaluations of
 * other regions return no findings (as for CloudFront).
 */
public final class OrganizationCoverage implements Check, Routed, io.irready.core.UsEast1Check {
    public static final String ID = "organization-coverage";
    public static final String HOME_REGION = "us-east-1";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "irready can assume its audit role in every active account of the organization",
            Severity.HIGH,
            "organizations",
            "AWS::Organizations::Account",
            Granularity.ACCOUNT_REGION,
            "A member account irready cannot enter is a blind spot: no finding says its trail stopped or its "
                    + "GuardDuty was suspended, and attackers favour the account nobody watches. Accounts "
                    + "created or moved into the organization lack the role until someone deploys it.",
            new Remediation(
                    "In the member account: IAM → Roles → Create role → trust the irready account, attach the "
                            + "policy 'irready policy' prints, name it IrreadyAuditRole (or IRREADY_AUDIT_ROLE_NAME); "
                            + "or deploy it to every account with a CloudFormation StackSet.",
                    "irready policy > policy.json && aws iam create-role --role-name IrreadyAuditRole "
                            + "--assume-role-policy-document file://trust.json && aws iam put-role-policy "
                            + "--role-name IrreadyAuditRole --policy-name irready --policy-document file://policy.json"),
            List.of(OrganizationsCollector.LIST_ACCOUNTS, OrganizationsCollector.LIST_CHILDREN,
                    OrganizationsCollector.LIST_ACCOUNTS_FOR_PARENT, OrganizationsCollector.DESCRIBE_ORGANIZATION),
            References.NONE);

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.organizations", "CreateAccount", "InviteAccountToOrganization", "MoveAccount")
                    .because("a new or moved account is in scope and may lack the audit role")
            .on("aws.organizations", "RemoveAccountFromOrganization", "CloseAccount")
                    .because("an account that left the organization is no longer in scope")
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
        if (!HOME_REGION.equals(ctx.region())) {
            return List.of(); // global service: judged once, from us-east-1
        }
        OrganizationInventory organization = ctx.service(OrganizationInventory.class);
        if (!organization.inOrganization()) {
            return List.of(ctx.notApplicable(ctx.regionResourceId(), "Account " + ctx.account()
                    + " manages no AWS Organization (standalone, or an ordinary member): there are no other accounts to "
                    + "cover from here."));
        }
        return organization.accounts().stream().filter(OrganizationAccount::active)
                .map(account -> judge(ctx, organization, account)).toList();
    }

    private static Finding judge(CheckContext ctx, OrganizationInventory organization, OrganizationAccount account) {
        String resourceId = ResourceIds.accountRegion(account.id(), ctx.region());
        String named = account.name().isEmpty() ? account.id() : account.id() + " (" + account.name() + ")";
        Optional<String> blind = organization.cannotAudit(account.id());
        return blind.map(reason -> finding(ctx, account.id(), resourceId, Status.ERROR, "irready cannot audit account "
                        + named + ": " + reason + ". Create the audit role there, trusting irready's account."))
                .orElseGet(() -> finding(ctx, account.id(), resourceId, Status.PASS,
                        "irready can audit account " + named + "."));
    }

    /** A finding filed under the member account it is about, not the account irready runs in. */
    private static Finding finding(CheckContext ctx, String account, String resourceId, Status status, String reason) {
        return new Finding(ctx.check().id(), ctx.check().severity(), account, ctx.region(), resourceId, status,
                reason, ctx.observedAt());
    }
}
