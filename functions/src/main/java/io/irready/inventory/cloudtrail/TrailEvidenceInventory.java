package io.irready.inventory.cloudtrail;

import io.irready.core.Memo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The trails visible in one region (shadow trails included) as far as evidence custody goes: their bucket,
 * their KMS key and when they last stopped logging. Loaded on first use, cached for the evaluation.
 */
public final class TrailEvidenceInventory {
    private final Supplier<List<TrailEvidence>> trails;
    private final Function<String, Optional<Instant>> stopLoggingTime;

    /**
     * @param trails          every trail ({@code cloudtrail:DescribeTrails} with shadow trails)
     * @param stopLoggingTime trail ARN → when it last stopped logging ({@code cloudtrail:GetTrailStatus})
     */
    public TrailEvidenceInventory(Supplier<List<TrailEvidence>> trails,
                                  Function<String, Optional<Instant>> stopLoggingTime) {
        this.trails = Memo.of(trails);
        this.stopLoggingTime = Memo.byKey(stopLoggingTime);
    }

    public static TrailEvidenceInventory of(List<TrailEvidence> trails) {
        return of(trails, Map.of());
    }

    public static TrailEvidenceInventory of(List<TrailEvidence> trails, Map<String, Instant> stopped) {
        return new TrailEvidenceInventory(() -> List.copyOf(trails), arn -> Optional.ofNullable(stopped.get(arn)));
    }

    public List<TrailEvidence> trails() {
        return trails.get();
    }

    public Optional<Instant> stopLoggingTime(String trailArn) {
        return stopLoggingTime.apply(trailArn);
    }
}
