package io.irready.inventory.organizations;

import io.irready.core.AwsCallFailedException;
import io.irready.core.EnvironmentNames;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ChildType;

/**
 * Reads the organization's accounts: all of them ({@code ListAccounts}), or those under one OU, walking
 * its child OUs ({@code ListChildren}, {@code ListAccountsForParent}). Works from the management account
 * or a delegated administrator.
 */
public final class OrganizationsCollector {
    public static final String LIST_ACCOUNTS = "organizations:ListAccounts";
    public static final String LIST_CHILDREN = "organizations:ListChildren";
    public static final String LIST_ACCOUNTS_FOR_PARENT = "organizations:ListAccountsForParent";
    public static final String DESCRIBE_ORGANIZATION = "organizations:DescribeOrganization";

    private OrganizationsCollector() {
    }

    /**
     * The inventory the {@code organization-coverage} check reads. Scope and role name come from the
     * environment ({@code IRREADY_ORGANIZATION_SCOPE}: empty or {@code *} for all, an {@code ou-…} id
     * for one OU; {@code IRREADY_AUDIT_ROLE_NAME}) because collectors see no configuration.
     */
    public static OrganizationInventory inventory(AwsClients clients, String account, String region) {
        Map<String, String> env = System.getenv();
        Optional<String> ou = Optional.ofNullable(env.get(EnvironmentNames.IRREADY_ORGANIZATION_SCOPE))
                .map(String::trim).filter(scope -> scope.startsWith("ou-"));
        String roleName = AuditRoles.roleName(env);
        AuditRoles roles;
        synchronized (ROLES) {
            roles = ROLES.computeIfAbsent(clients, c -> new HashMap<>()).computeIfAbsent(
                    account + "|" + region + "|" + roleName,
                    key -> new AuditRoles(clients, account, region, roleName, Clock.systemUTC()));
        }
        return inventory(clients, region, ou, roles);
    }

    /**
     * The role sessions of each set of clients (a Lambda container keeps one set for its life), so that the
     * coverage check assumes each member's role once per container rather than once per full sweep.
     */
    private static final Map<AwsClients, Map<String, AuditRoles>> ROLES = new WeakHashMap<>();

    public static OrganizationInventory inventory(AwsClients clients, String region, Optional<String> ou,
                                                  AuditRoles roles) {
        String account = roles.homeAccount();
        return new OrganizationInventory(() -> {
            try (OrganizationsClient organizations = clients.build(OrganizationsClient.builder(), region)) {
                return Optional.of(ou.isPresent() ? accountsUnder(organizations, ou.get()) : accounts(organizations));
            } catch (AwsCallFailedException e) {
                if (e.getCause() instanceof AwsOrganizationsNotInUseException) {
                    return Optional.empty();
                }
                if (e.kind() == AwsCallFailedException.Kind.ACCESS_DENIED && isMember(clients, region, account)) {
                    return Optional.empty(); // a member account cannot list the organization: nothing to cover from here
                }
                throw e;
            }
        }, member -> {
            try {
                roles.clientsFor(member);
                return Optional.empty();
            } catch (AwsCallFailedException e) {
                return Optional.of(roles.unavailable(member, e));
            }
        });
    }

    /** True when {@code account} is an ordinary member (DescribeOrganization names another management account). */
    private static boolean isMember(AwsClients clients, String region, String account) {
        try (OrganizationsClient organizations = clients.build(OrganizationsClient.builder(), region)) {
            String management = AwsCall.call(DESCRIBE_ORGANIZATION, organizations::describeOrganization)
                    .organization().masterAccountId();
            return management != null && !management.equals(account);
        } catch (AwsCallFailedException e) {
            return false; // unknown: the original denial stands
        }
    }

    /** Every account of the organization. */
    public static List<OrganizationAccount> accounts(OrganizationsClient organizations) {
        return AwsCall.call(LIST_ACCOUNTS, () -> organizations.listAccountsPaginator(r -> { }).stream()
                .flatMap(page -> page.accounts().stream())
                .map(OrganizationsCollector::account).toList());
    }

    /** Every account under {@code parent} (an OU or root id), at any depth. */
    public static List<OrganizationAccount> accountsUnder(OrganizationsClient organizations, String parent) {
        List<OrganizationAccount> found = new ArrayList<>();
        List<String> parents = new ArrayList<>(List.of(parent));
        while (!parents.isEmpty()) {
            String next = parents.remove(0);
            found.addAll(AwsCall.call(LIST_ACCOUNTS_FOR_PARENT, () -> organizations
                    .listAccountsForParentPaginator(r -> r.parentId(next)).stream()
                    .flatMap(page -> page.accounts().stream())
                    .map(OrganizationsCollector::account).toList()));
            parents.addAll(AwsCall.call(LIST_CHILDREN, () -> organizations
                    .listChildrenPaginator(r -> r.parentId(next).childType(ChildType.ORGANIZATIONAL_UNIT))
                    .stream().flatMap(page -> page.children().stream()).map(child -> child.id()).toList()));
        }
        return found;
    }

    @SuppressWarnings("deprecation") // Status is the older field; an answer without State still has it
    private static OrganizationAccount account(Account a) {
        String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
        return new OrganizationAccount(a.id(), a.name() == null ? "" : a.name(), state == null ? "" : state);
    }
}
