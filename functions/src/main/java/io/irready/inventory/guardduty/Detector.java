package io.irready.inventory.guardduty;

import java.util.Map;
import java.util.Optional;

/**
 * A GuardDuty detector of one region.
 *
 * @param id       detector id
 * @param status   {@code ENABLED} or {@code DISABLED} (suspended)
 * @param features the protection plans the detector reports, by name ({@code S3_DATA_EVENTS},
 *                 {@code EKS_AUDIT_LOGS}, {@code RUNTIME_MONITORING}, {@code EBS_MALWARE_PROTECTION}, …),
 *                 each {@code ENABLED} or {@code DISABLED}; empty when it reports none
 */
public record Detector(String id, String status, Map<String, String> features) {
    public Detector {
        features = Map.copyOf(features);
    }

    /** A detector that reports no protection plans. */
    public Detector(String id, String status) {
        this(id, status, Map.of());
    }

    public boolean enabled() {
        return "ENABLED".equals(status);
    }

    /** The plan's status as reported, empty when the detector does not report it. */
    public Optional<String> feature(String name) {
        return Optional.ofNullable(features.get(name));
    }
}
