package io.irready.inventory;

import java.util.function.BiFunction;

/**
 * How one service's inventory is loaded: the inventory type the checks ask for
 * ({@code ctx.service(GuardDutyInventory.class)}) and the collector that reads it. The catalog
 * lists one per service; {@link AwsInventoryFactory} registers them all, lazily.
 *
 * @param type   the inventory type
 * @param loader reads it for one account and region (nothing is called before a check asks)
 */
public record ServiceCollector<T>(Class<T> type, Loader<T> loader) {
    /** Creates a service inventory for one evaluation. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(AwsClients clients, String account, String region);
    }

    /** A collector that needs the region only (most services). */
    public static <T> ServiceCollector<T> regional(Class<T> type, BiFunction<AwsClients, String, T> collector) {
        return new ServiceCollector<>(type, (clients, account, region) -> collector.apply(clients, region));
    }

    /** A collector that needs the account or neither (global services: IAM, CloudFront). */
    public static <T> ServiceCollector<T> of(Class<T> type, Loader<T> loader) {
        return new ServiceCollector<>(type, loader);
    }
}
