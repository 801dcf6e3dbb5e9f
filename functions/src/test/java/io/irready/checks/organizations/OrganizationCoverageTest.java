package io.irready.checks.organizations;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.organizations.OrganizationAccount;
import io.irready.inventory.organizations.OrganizationInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationCoverageTest {
    private static final String MANAGEMENT = CheckHarness.ACCOUNT;
    private static final String AUDITED = "111111111111";
    private static final String BLIND = "222222222222";
    private final CheckHarness check = CheckHarness.of(new OrganizationCoverage());

    private List<Finding> findings(OrganizationInventory organization) {
        return check.findings(inventory("us-east-1").with(OrganizationInventory.class, organization).build());
    }

    @Test
    void anAccountWhoseRoleCannotBeAssumedIsOneErrorUnderItsOwnId() {
        List<Finding> findings = findings(OrganizationInventory.of(List.of(
                        new OrganizationAccount(MANAGEMENT, "management", "ACTIVE"),
                        new OrganizationAccount(AUDITED, "prod", "ACTIVE"),
                        new OrganizationAccount(BLIND, "sandbox", "ACTIVE")),
                Map.of(BLIND, "cannot assume IrreadyAuditRole in 222222222222: access denied to sts:AssumeRole "
                        + "(AccessDenied): grant sts:AssumeRole to irready's role")));

        assertThat(findings).extracting(Finding::account).containsExactly(MANAGEMENT, AUDITED, BLIND);
        Finding blind = findings.get(2);
        assertThat(blind.status()).isEqualTo(Status.ERROR);
        assertThat(blind.resourceId()).isEqualTo("222222222222/us-east-1");
        assertThat(blind.reason()).isEqualTo("irready cannot audit account 222222222222 (sandbox): cannot assume "
                + "IrreadyAuditRole in 222222222222: access denied to sts:AssumeRole (AccessDenied): grant "
                + "sts:AssumeRole to irready's role. Create the audit role there, trusting irready's account.");
        assertThat(findings.get(1).status()).isEqualTo(Status.PASS);
        assertThat(findings.get(1).reason()).isEqualTo("irready can audit account 111111111111 (prod).");
    }

    @Test
    void suspendedAccountsAreOutOfScope() {
        List<Finding> findings = findings(OrganizationInventory.of(List.of(
                new OrganizationAccount(MANAGEMENT, "management", "ACTIVE"),
                new OrganizationAccount(BLIND, "closed", "SUSPENDED")), Map.of(BLIND, "cannot assume")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.account()).isEqualTo(MANAGEMENT);
            assertThat(f.status()).isEqualTo(Status.PASS);
        });
    }

    @Test
    void anAccountOutsideAnyOrganizationHasNothingToCover() {
        Finding f = CheckHarness.only(findings(OrganizationInventory.none()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.resourceId()).isEqualTo("123456789012/us-east-1");
        assertThat(f.reason()).startsWith("Account 123456789012 manages no AWS Organization");
    }

    @Test
    void anUnreadableOrganizationIsAnErrorNamingTheAction() {
        Finding f = CheckHarness.only(findings(new OrganizationInventory(() -> {
            throw denied("organizations:ListAccounts");
        }, account -> Optional.empty())));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to organizations:ListAccounts");
    }

    @Test
    void judgedOnceFromUsEast1() {
        assertThat(check.findings(inventory("eu-west-1").with(OrganizationInventory.class,
                OrganizationInventory.none()).build())).isEmpty();
    }
}
