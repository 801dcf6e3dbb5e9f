package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.demo.LocalDynamo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Guards the organization benchmark's counts (never its times): an item's AWS calls depend on its own
 * account-region only, not on the size of the organization, and STS is asked once per member per container.
 */
class OrganizationSweepGuardTest {
    @Test
    void callsPerAccountRegionStayConstantAsTheOrganizationGrowsAndStsIsAskedOncePerMember() throws Exception {
        try (LocalDynamo dynamo = LocalDynamo.start(Path.of("..").toAbsolutePath().normalize(), "irready-org-guard")) {
            OrganizationSweep.Figures small = OrganizationSweep.run(dynamo.client(), dynamo.tableName(), 4, "critical", 4);
            OrganizationSweep.Figures larger = OrganizationSweep.run(dynamo.client(), dynamo.tableName(), 12, "critical", 4);

            assertThat(small.items()).isEqualTo(4 * OrganizationSweep.REGIONS.size());
            assertThat(larger.items()).isEqualTo(12 * OrganizationSweep.REGIONS.size());
            assertThat(small.minCallsPerMemberItem()).isPositive().isEqualTo(small.maxCallsPerMemberItem());
            assertThat(larger.minCallsPerMemberItem()).isEqualTo(larger.maxCallsPerMemberItem())
                    .isEqualTo(small.maxCallsPerMemberItem());
            assertThat(small.assumeRoleCalls()).isEqualTo(3);
            assertThat(larger.assumeRoleCalls()).isEqualTo(11);
            // one ListAccounts page (20 accounts a page); the plan's names spare DescribeAccount
            assertThat(larger.organizationsCalls()).isEqualTo(1);
        }
    }
}
