package io.irready.inventory;

import io.irready.core.Inventory;
import java.time.Instant;
import java.util.List;

/**
 * Wires one inventory per account and region from the service collectors the catalog lists. Every
 * service inventory is registered lazily: nothing is called until a check asks for it, and what is
 * loaded is cached for the rest of that evaluation (a new {@link Inventory} per evaluation).
 */
public final class AwsInventoryFactory {
    private final AwsClients clients;
    private final List<ServiceCollector<?>> collectors;

    public AwsInventoryFactory(AwsClients clients, List<ServiceCollector<?>> collectors) {
        this.clients = clients;
        this.collectors = List.copyOf(collectors);
    }

    public AwsClients clients() {
        return clients;
    }

    /** A fresh inventory (empty caches) for one evaluation of {@code account} in {@code region}. */
    public Inventory create(String account, String region) {
        Inventory.Builder builder = Inventory.builder(account, region).readsStartedAt(Instant.now());
        collectors.forEach(collector -> register(builder, collector, account, region));
        return builder.build();
    }

    private <T> void register(Inventory.Builder builder, ServiceCollector<T> collector, String account, String region) {
        builder.lazily(collector.type(), () -> collector.loader().load(clients, account, region));
    }
}
