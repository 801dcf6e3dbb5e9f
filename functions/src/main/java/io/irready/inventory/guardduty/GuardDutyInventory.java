package io.irready.inventory.guardduty;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/** GuardDuty state of one region: its detectors (at most one per region in practice), loaded on first use. */
public final class GuardDutyInventory {
    private final Supplier<List<Detector>> detectors;

    public GuardDutyInventory(Supplier<List<Detector>> detectors) {
        this.detectors = Memo.of(detectors);
    }

    public static GuardDutyInventory of(List<Detector> detectors) {
        return new GuardDutyInventory(() -> List.copyOf(detectors));
    }

    /** Every detector with its status ({@code guardduty:ListDetectors}, {@code guardduty:GetDetector}). */
    public List<Detector> detectors() {
        return detectors.get();
    }
}
