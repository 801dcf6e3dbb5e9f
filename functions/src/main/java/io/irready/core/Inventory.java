package io.irready.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The AWS state one evaluation of one account and region reads. It holds one lazily created
 * inventory per service (e.g. {@code CloudTrailInventory}); each of those loads its data on
 * first use and caches it for the rest of the evaluation, so a check only pays for the calls
 * it needs. Core knows no concrete service: the wiring registers the factories.
 */
public final class Inventory {
    private final String account;
    private final String region;
    private final Map<Class<?>, Supplier<?>> services;

    private Inventory(String account, String region, Map<Class<?>, Supplier<?>> services) {
        this.account = account;
        this.region = region;
        this.services = Map.copyOf(services);
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** The inventory of one service; created on first use. */
    public <T> T service(Class<T> type) {
        Supplier<?> supplier = services.get(type);
        if (supplier == null) {
            throw new IllegalStateException("no " + type.getSimpleName() + " in this inventory");
        }
        return type.cast(supplier.get());
    }

    public static Builder builder(String account, String region) {
        return new Builder(account, region);
    }

    public static final class Builder {
        private final String account;
        private final String region;
        private final Map<Class<?>, Supplier<?>> services = new HashMap<>();

        private Builder(String account, String region) {
            this.account = Objects.requireNonNull(account, "account");
            this.region = Objects.requireNonNull(region, "region");
        }

        /** Registers a ready-made service inventory (tests build these by hand). */
        public <T> Builder with(Class<T> type, T inventory) {
            services.put(type, () -> inventory);
            return this;
        }

        /** Registers a service inventory created on first use (collectors need a client). */
        public <T> Builder lazily(Class<T> type, Supplier<? extends T> factory) {
            services.put(type, Memo.of(factory::get));
            return this;
        }

        public Inventory build() {
            return new Inventory(account, region, services);
        }
    }
}
