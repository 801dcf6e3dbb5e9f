package io.irready.inventory.guardduty;

/**
 * A GuardDuty detector of one region.
 *
 * @param id     detector id
 * @param status {@code ENABLED} or {@code DISABLED} (suspended)
 */
public record Detector(String id, String status) {
    public boolean enabled() {
        return "ENABLED".equals(status);
    }
}
