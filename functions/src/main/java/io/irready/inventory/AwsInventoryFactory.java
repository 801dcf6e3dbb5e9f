package io.irready.inventory;

import io.irready.core.Inventory;
import io.irready.inventory.ec2.Ec2Collector;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.ssm.SsmCollector;
import io.irready.inventory.ssm.SsmInventory;

/**
 * Wires one inventory per account and region from the SDK collectors. Every service inventory is
 * registered lazily: nothing is called until a check asks for it, and what is loaded is cached for
 * the rest of that evaluation (a new {@link Inventory} per evaluation).
 */
public final class AwsInventoryFactory {
    private final AwsClients clients;

    public AwsInventoryFactory(AwsClients clients) {
        this.clients = clients;
    }

    public AwsClients clients() {
        return clients;
    }

    /** A fresh inventory (empty caches) for one evaluation of {@code account} in {@code region}. */
    public Inventory create(String account, String region) {
        Inventory.Builder builder = Inventory.builder(account, region);
        // one line per service
        builder.lazily(LogsInventory.class, () -> LogsCollector.inventory(clients, region));
        builder.lazily(Ec2Inventory.class, () -> Ec2Collector.inventory(clients, region));
        builder.lazily(SsmInventory.class, () -> SsmCollector.inventory(clients, region));
        return builder.build();
    }
}
