package io.irready.checks.logs;

import io.irready.core.Inventory;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.wafv2.WafInventory;
import java.util.List;
import java.util.Map;

/** The services that deliver into log groups, empty: a test adds (replaces) the ones it needs. */
final class ForensicSources {
    private ForensicSources() {
    }

    static Inventory.Builder none(Inventory.Builder builder) {
        return builder
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(), Map.of(), Map.of()))
                .with(Ec2Inventory.class, Ec2Inventory.of(List.of(), List.of(), List.of(), Map.of(), List.of()))
                .with(RdsInventory.class, RdsInventory.of(List.of(), List.of()))
                .with(LambdaInventory.class, LambdaInventory.of(List.of()))
                .with(EksInventory.class, EksInventory.of(List.of()))
                .with(WafInventory.class, WafInventory.of(List.of()))
                .with(NetworkFirewallInventory.class, NetworkFirewallInventory.of(List.of()));
    }
}
