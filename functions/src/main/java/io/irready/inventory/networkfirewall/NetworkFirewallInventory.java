package io.irready.inventory.networkfirewall;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/** Network Firewall state of one region: its firewalls with their logging, loaded on first use. */
public final class NetworkFirewallInventory {
    private final Supplier<List<Firewall>> firewalls;

    public NetworkFirewallInventory(Supplier<List<Firewall>> firewalls) {
        this.firewalls = Memo.of(firewalls);
    }

    public static NetworkFirewallInventory of(List<Firewall> firewalls) {
        return new NetworkFirewallInventory(() -> List.copyOf(firewalls));
    }

    /**
     * Every firewall with its log destinations ({@code network-firewall:ListFirewalls},
     * {@code network-firewall:DescribeLoggingConfiguration}).
     */
    public List<Firewall> firewalls() {
        return firewalls.get();
    }
}
