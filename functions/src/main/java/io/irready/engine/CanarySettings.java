package io.irready.engine;

import static io.irready.core.EnvironmentNames.IRREADY_CANARY_MAX_DELAY_MINUTES;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline canary's one setting: how long a watched region may go without a canary event before irready
 * counts itself blind there ({@code IRREADY_CANARY_MAX_DELAY_MINUTES}; the deployment sets it, and its presence
 * switches the canary on). CloudTrail delivers most events to EventBridge within minutes, but AWS publishes no
 * latency for this best-effort delivery, so the wait must cover the canary interval plus a slow delivery.
 */
public record CanarySettings(Duration maxDelay) {
    public CanarySettings {
        if (maxDelay == null || maxDelay.isZero() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("the canary's maximum delay must be positive, got " + maxDelay);
        }
    }

    /** From the function environment; empty when the canary is not deployed. */
    public static Optional<CanarySettings> fromEnvironment(Map<String, String> env) {
        String minutes = env.get(IRREADY_CANARY_MAX_DELAY_MINUTES);
        if (minutes == null || minutes.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CanarySettings(Duration.ofMinutes(Long.parseLong(minutes.strip()))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(IRREADY_CANARY_MAX_DELAY_MINUTES + " must be a number of minutes, got '"
                    + minutes + "'", e);
        }
    }
}
