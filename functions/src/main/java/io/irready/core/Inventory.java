package io.irready.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final Optional<Instant> readsStartedAt;

    private Inventory(String account, String region, Map<Class<?>, Supplier<?>> services,
                      Optional<Instant> readsStartedAt) {
        this.account = account;
        this.region = region;
        this.services = Map.copyOf(services);
        this.readsStartedAt = readsStartedAt;
    }

    /**
     * When this inventory was created, before any of its reads: every evaluation over it is stamped
     * with this time, however late it runs, because it may reuse data read since then (empty for
     * hand-built inventories, whose evaluations take the evaluator's clock).
     */
    public Optional<Instant> readsStartedAt() {
        return readsStartedAt;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    /** True when this inventory has {@code type} (irready's own records exist only where it is deployed). */
    public boolean has(Class<?> type) {
        return services.containsKey(type);
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
        private Optional<Instant> readsStartedAt = Optional.empty();

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

        /** Stamps the time before the first read (collectors' inventories; see {@link Inventory#readsStartedAt}). */
        public Builder readsStartedAt(Instant at) {
            readsStartedAt = Optional.of(at);
            return this;
        }

        public Inventory build() {
            return new Inventory(account, region, services, readsStartedAt);
        }
    }
}
