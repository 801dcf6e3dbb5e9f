package io.irready.inventory.cloudtrail;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CloudTrail state seen from one region, loaded on first use and cached for the evaluation:
 * the trails (own, shadow copies of multi-region trails homed elsewhere, organization trails),
 * and per trail ARN its status and event selectors — each loaded only when a check asks.
 * {@link CloudTrailCollector} builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class CloudTrailInventory {
    private final Supplier<List<Trail>> trails;
    private final Function<String, TrailStatus> status;
    private final Function<String, TrailSelectors> selectors;

    public CloudTrailInventory(Supplier<List<Trail>> trails, Function<String, TrailStatus> status,
                               Function<String, TrailSelectors> selectors) {
        this.trails = Memo.of(trails);
        this.status = Memo.byKey(status);
        this.selectors = Memo.byKey(selectors);
    }

    /** A hand-built inventory; asking for the status or selectors of a trail not in the maps is a test bug. */
    public static CloudTrailInventory of(List<Trail> trails, Map<String, TrailStatus> statuses,
                                         Map<String, TrailSelectors> selectors) {
        return new CloudTrailInventory(() -> List.copyOf(trails),
                arn -> required(statuses, arn, "status"), arn -> required(selectors, arn, "selectors"));
    }

    private static <T> T required(Map<String, T> map, String arn, String what) {
        return Optional.ofNullable(map.get(arn))
                .orElseThrow(() -> new IllegalStateException("no " + what + " for " + arn + " in this inventory"));
    }

    /** Every trail visible in the region, shadow and organization trails included. */
    public List<Trail> trails() {
        return trails.get();
    }

    /** {@code GetTrailStatus} of the trail with this ARN (the full ARN: shadow and organization trails need it). */
    public TrailStatus status(String trailArn) {
        return status.apply(trailArn);
    }

    /** {@code GetEventSelectors} of the trail with this ARN. */
    public TrailSelectors selectors(String trailArn) {
        return selectors.apply(trailArn);
    }
}
