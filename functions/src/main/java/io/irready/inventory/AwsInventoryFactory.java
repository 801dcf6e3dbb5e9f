package io.irready.inventory;

import io.irready.core.Inventory;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Wires one inventory per account and region from the service collectors the catalog lists. Every
 * service inventory is registered lazily: nothing is called until a check asks for it, and what is
 * loaded is cached for the rest of that evaluation (a new {@link Inventory} per evaluation).
 */
public final class AwsInventoryFactory {
    private final AwsClients clients;
    private final List<ServiceCollector<?>> collectors;
    private final Function<String, AwsClients> clientsByAccount;

    public AwsInventoryFactory(AwsClients clients, List<ServiceCollector<?>> collectors) {
        this(clients, collectors, account -> clients);
    }

    private AwsInventoryFactory(AwsClients clients, List<ServiceCollector<?>> collectors,
                                Function<String, AwsClients> clientsByAccount) {
        this.clients = clients;
        this.collectors = List.copyOf(collectors);
        this.clientsByAccount = clientsByAccount;
    }

    /**
     * The same collectors, each account read with its own clients (e.g. {@link AuditRoles#clientsFor}).
     * They are asked for on the first read, so a role that cannot be assumed fails that read: the checks
     * that needed it report ERROR naming {@code sts:AssumeRole}.
     */
    public AwsInventoryFactory acrossAccounts(Function<String, AwsClients> clientsFor) {
        return new AwsInventoryFactory(clients, collectors, clientsFor);
    }

    /** These collectors plus {@code extra}, e.g. irready's own records, which only a deployment has. */
    public AwsInventoryFactory with(ServiceCollector<?> extra) {
        List<ServiceCollector<?>> all = new java.util.ArrayList<>(collectors);
        all.add(extra);
        return new AwsInventoryFactory(clients, all, clientsByAccount);
    }

    public AwsClients clients() {
        return clients;
    }

    /**
     * The clients that read {@code account} (assuming its audit role now, when that is how it is read), so
     * that a caller can tell "cannot enter the account" apart from the checks' own failures.
     *
     * @throws io.irready.core.AwsCallFailedException for {@code sts:AssumeRole} when the role cannot be assumed
     */
    public AwsClients clientsFor(String account) {
        return clientsByAccount.apply(account);
    }

    /** A fresh inventory (empty caches) for one evaluation of {@code account} in {@code region}. */
    public Inventory create(String account, String region) {
        Inventory.Builder builder = Inventory.builder(account, region).readsStartedAt(Instant.now());
        collectors.forEach(collector -> register(builder, collector, account, region));
        return builder.build();
    }

    private <T> void register(Inventory.Builder builder, ServiceCollector<T> collector, String account, String region) {
        builder.lazily(collector.type(), () -> collector.loader().load(clientsByAccount.apply(account), account, region));
    }
}
