package io.irready.organization;

import io.irready.core.AwsCallFailedException;
import io.irready.core.EnvironmentNames;
import io.irready.inventory.AwsClients;
import io.irready.inventory.organizations.OrganizationAccount;
import io.irready.inventory.organizations.OrganizationMembers;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

/**
 * The organization's ACTIVE accounts as a deployment reads them for its sweep plan: every account, or those
 * under the OUs {@code IRREADY_ORGANIZATION_UNITS} names. An account in no organization at all is an
 * organization of one (the planner adds the home account); any other failure propagates.
 */
public final class OrganizationSource {
    private static final Pattern PARENT_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}");

    private OrganizationSource() {
    }

    /**
     * The OU or root ids of {@code IRREADY_ORGANIZATION_UNITS} (else an {@code ou-} id in
     * {@code IRREADY_ORGANIZATION_SCOPE}, which the coverage check reads); empty for the whole organization.
     *
     * @throws IllegalArgumentException naming an id that is not an OU or root id
     */
    public static List<String> units(Map<String, String> env) {
        String units = Optional.ofNullable(env.get(EnvironmentNames.IRREADY_ORGANIZATION_UNITS)).map(String::trim)
                .filter(s -> !s.isEmpty() && !s.equals("*"))
                .orElseGet(() -> Optional.ofNullable(env.get(EnvironmentNames.IRREADY_ORGANIZATION_SCOPE))
                        .map(String::trim).filter(s -> s.startsWith("ou-")).orElse(""));
        List<String> ids = Arrays.stream(units.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String id : ids) {
            if (!PARENT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(EnvironmentNames.IRREADY_ORGANIZATION_UNITS + ": '" + id
                        + "' is not an organizational unit id (ou-…) or root id (r-…)");
            }
        }
        return ids;
    }

    /**
     * Reads the ACTIVE accounts under {@code units} (all when empty) with {@code clients}' credentials.
     *
     * @throws AwsCallFailedException when Organizations cannot be read
     */
    public static List<OrganizationAccount> activeMembers(AwsClients clients, String region, List<String> units) {
        try (OrganizationsClient organizations = clients.build(OrganizationsClient.builder(), region)) {
            return OrganizationMembers.active(organizations, units);
        } catch (AwsCallFailedException e) {
            if (e.getCause() instanceof AwsOrganizationsNotInUseException) {
                return List.of(); // a standalone account: its own organization of one
            }
            throw e;
        }
    }
}
