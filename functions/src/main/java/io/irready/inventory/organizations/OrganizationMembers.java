package io.irready.inventory.organizations;

import io.irready.core.AwsCallFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The ACTIVE accounts of an organization, or of some of its OUs: what {@code irready scan --organization}
 * scans and what a deployment's sweep plan fans out over. Suspended and closing accounts are left out
 * (their role cannot be assumed and nobody runs workloads there). An account under two of the listed
 * parents (an OU and its own parent) is listed once. Sorted by account id, so that the same organization
 * always gives the same list.
 */
public final class OrganizationMembers {
    private OrganizationMembers() {
    }

    /**
     * @param parents OU or root ids whose accounts (at any depth) are wanted; empty for the whole organization
     * @throws AwsCallFailedException when Organizations cannot be read (not the management account or a
     *                                delegated administrator, or throttled past retries)
     */
    public static List<OrganizationAccount> active(OrganizationsClient organizations, List<String> parents) {
        List<OrganizationAccount> listed = new ArrayList<>();
        if (parents.isEmpty()) {
            listed.addAll(OrganizationsCollector.accounts(organizations));
        } else {
            for (String parent : parents) {
                listed.addAll(OrganizationsCollector.accountsUnder(organizations, parent));
            }
        }
        Map<String, OrganizationAccount> byId = new LinkedHashMap<>();
        listed.stream().filter(OrganizationAccount::active).forEach(a -> byId.putIfAbsent(a.id(), a));
        return byId.values().stream().sorted(Comparator.comparing(OrganizationAccount::id)).toList();
    }
}
