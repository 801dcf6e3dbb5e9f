package io.irready.checks.networkfirewall;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.networkfirewall.Firewall;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkFirewallLoggingTest {
    private static final String ARN = "arn:aws:network-firewall:eu-west-1:123456789012:firewall/egress";
    private final CheckHarness check = CheckHarness.of(new NetworkFirewallLogging());

    private Finding only(Firewall firewall) {
        Finding f = CheckHarness.only(check.findings(inventory().with(NetworkFirewallInventory.class,
                NetworkFirewallInventory.of(List.of(firewall))).build()));
        assertThat(f.resourceId()).isEqualTo(ARN);
        return f;
    }

    @Test
    void alertAndFlowLogsPass() {
        Finding f = only(new Firewall("egress", ARN, true, Map.of("FLOW", "S3", "ALERT", "CloudWatchLogs")));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Network Firewall egress logs ALERT to CloudWatchLogs, FLOW to S3.");
    }

    @Test
    void alertsOnlyFailsNamingTheFlowLog() {
        Finding f = only(new Firewall("egress", ARN, true, Map.of("ALERT", "S3")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Network Firewall egress does not log FLOW (it logs ALERT to S3): the rules "
                + "it matched and the connections it passed leave no record. Add a destination for each "
                + "(aws network-firewall update-logging-configuration --firewall-arn " + ARN + ").");
    }

    @Test
    void noLoggingAtAllFailsNamingBoth() {
        Finding f = only(new Firewall("egress", ARN, true, Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("Network Firewall egress does not log ALERT or FLOW: the rules");
    }

    @Test
    void aFirewallDeletedMeanwhileIsNotApplicable() {
        Finding f = only(Firewall.deleted("egress", ARN));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Network Firewall egress was deleted while it was being judged.");
    }

    @Test
    void deniedListingIsAnErrorNamingTheAction() {
        Finding f = CheckHarness.only(check.findings(inventory().with(NetworkFirewallInventory.class,
                new NetworkFirewallInventory(() -> {
                    throw denied("network-firewall:ListFirewalls");
                })).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to network-firewall:ListFirewalls");
    }
}
