package io.irready.inventory.irready;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What irready's table remembers of the pipeline canary in one account and region: when the canary write was
 * first attempted (the wait starts there, so a fresh deployment is not called blind), the last write that
 * succeeded or failed, and the last canary event that came back through CloudTrail and EventBridge.
 *
 * @param firstSentAt      the first attempt (successful or not)
 * @param lastSentAt       the last successful canary write
 * @param lastSendFailedAt the last failed canary write, with {@code lastSendFailure} saying why
 * @param lastArrivedAt    when the last canary event reached the event function
 * @param lastEventTime    that event's CloudTrail {@code eventTime}
 * @param lastDelay        eventTime → receipt of that event
 */
public record CanaryRecord(String account, String region, Instant firstSentAt, Optional<Instant> lastSentAt,
                           Optional<Instant> lastSendFailedAt, Optional<String> lastSendFailure,
                           Optional<Instant> lastArrivedAt, Optional<Instant> lastEventTime,
                           Optional<Duration> lastDelay) {
    public CanaryRecord {
        Objects.requireNonNull(firstSentAt, "firstSentAt");
        Objects.requireNonNull(lastSentAt, "lastSentAt");
        Objects.requireNonNull(lastSendFailedAt, "lastSendFailedAt");
        Objects.requireNonNull(lastSendFailure, "lastSendFailure");
        Objects.requireNonNull(lastArrivedAt, "lastArrivedAt");
        Objects.requireNonNull(lastEventTime, "lastEventTime");
        Objects.requireNonNull(lastDelay, "lastDelay");
    }

    /** True when the last write attempt failed (no successful write since). */
    public boolean sendFailing() {
        return lastSendFailedAt.isPresent() && lastSentAt.map(sent -> sent.isBefore(lastSendFailedAt.get())).orElse(true);
    }
}
