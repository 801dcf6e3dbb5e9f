package io.irready.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.sim.AccountGenerator;
import io.irready.sim.SimulatedAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression guard on sweep calls (counts, never time): a sweep pages through lists, so its calls
 * grow with pages, not resources — apart from the documented per-resource operations
 * ({@link SweepScaling#PER_RESOURCE}: one IAM simulation per distinct execution role, one
 * GetDistributionConfig per CloudFront distribution, and one logging read per load balancer, EKS
 * cluster, web ACL, firewall and API, whose list entries do not carry their logging settings).
 */
class SweepScalingGuardTest {
    /** The smallest page the collectors get from any list the sweep reads (CloudWatch Logs, SSM, Lambda: 50). */
    private static final int SMALLEST_PAGE = 50;

    private static long pages(int items) {
        return Math.max(1, (items + SMALLEST_PAGE - 1) / SMALLEST_PAGE);
    }

    /**
     * An upper bound on the paged calls of a sweep: one call per operation, plus one per page of
     * every list that grows with the account (instances are listed by EC2 and twice by SSM).
     */
    private static long pageBound(SimulatedAccount a, SweepScaling.Point p) {
        long operations = p.calls().size();
        return operations + pages(a.logGroups.size()) + pages(a.vpcs.size()) + pages(a.subnets.size())
                + pages(a.flowLogs.size()) + 3 * pages(a.instances.size()) + pages(a.dbInstances.size())
                + pages(a.dbClusters.size()) + pages(a.distributions.size()) + pages(a.functions.size())
                + 2 * pages(a.loadBalancers.size()) + pages(a.eksClusters.size()) + pages(a.webAcls.size())
                + pages(a.networkFirewalls.size()) + 2 * pages(a.apiStages.size());
    }

    @Test
    void callsGrowWithPagesNotResources() {
        for (int size : List.of(100, 3000)) {
            SimulatedAccount account = AccountGenerator.scaled(size);
            SweepScaling.Point p = SweepScaling.measure(size, 0);
            long paged = p.totalCalls() - p.perResourceCalls();

            assertThat(paged).as("paged calls for %d resources: %s", p.resources(), p.calls())
                    .isLessThanOrEqualTo(pageBound(account, p));
            long roles = account.functions.stream().map(SimulatedAccount.Function::roleArn).distinct().count();
            assertThat(p.perResourceCalls()).as("per-resource calls: %s", p.calls())
                    .isLessThanOrEqualTo(roles + account.distributions.size() + account.loadBalancers.size()
                            + account.eksClusters.size() + account.webAcls.size() + account.networkFirewalls.size()
                            + account.apiStages.size());
        }
    }

    @Test
    void tenfoldTheResourcesIsFarLessThanTenfoldThePagedCalls() {
        SweepScaling.Point small = SweepScaling.measure(300, 0);
        SweepScaling.Point big = SweepScaling.measure(3000, 0);

        long smallPaged = small.totalCalls() - small.perResourceCalls();
        long bigPaged = big.totalCalls() - big.perResourceCalls();
        assertThat(big.resources()).isGreaterThan(9 * small.resources());
        assertThat(bigPaged).as("paged calls %d → %d", smallPaged, bigPaged).isLessThan(4 * smallPaged);
        assertThat(bigPaged).isLessThan(big.resources() / 20);
    }
}
