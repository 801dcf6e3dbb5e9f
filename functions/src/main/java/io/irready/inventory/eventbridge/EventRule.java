package io.irready.inventory.eventbridge;

/**
 * An EventBridge rule.
 *
 * @param name  rule name
 * @param arn   rule ARN
 * @param state {@code ENABLED}, {@code DISABLED} or {@code ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS}
 */
public record EventRule(String name, String arn, String state) {
    public boolean enabled() {
        return state != null && state.startsWith("ENABLED");
    }
}
