package io.irready.inventory.logs;

import io.irready.core.Memo;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * CloudWatch Logs vended-log deliveries of one region (CloudFront standard logging v2 among
 * them): sources and deliveries, each one paginated listing, loaded on first use.
 */
public final class DeliveryInventory {
    private final Supplier<List<DeliverySource>> sources;
    private final Supplier<List<Delivery>> deliveries;

    public DeliveryInventory(Supplier<List<DeliverySource>> sources, Supplier<List<Delivery>> deliveries) {
        this.sources = Memo.of(sources);
        this.deliveries = Memo.of(deliveries);
    }

    public static DeliveryInventory of(List<DeliverySource> sources, List<Delivery> deliveries) {
        return new DeliveryInventory(() -> List.copyOf(sources), () -> List.copyOf(deliveries));
    }

    /** Every delivery source ({@code logs:DescribeDeliverySources}, all pages). */
    public List<DeliverySource> sources() {
        return sources.get();
    }

    /** Every delivery ({@code logs:DescribeDeliveries}, all pages). */
    public List<Delivery> deliveries() {
        return deliveries.get();
    }

    /**
     * The deliveries carrying {@code logType} of {@code resourceArn}: a source alone delivers
     * nothing, so only sources with at least one delivery count. Deliveries are read only when a
     * matching source exists.
     */
    public List<Delivery> deliveriesOf(String resourceArn, String logType) {
        Set<String> sourceNames = sources().stream()
                .filter(s -> logType.equals(s.logType()) && s.resourceArns().contains(resourceArn))
                .map(DeliverySource::name)
                .collect(Collectors.toSet());
        if (sourceNames.isEmpty()) {
            return List.of();
        }
        return deliveries().stream().filter(d -> sourceNames.contains(d.sourceName())).toList();
    }
}
