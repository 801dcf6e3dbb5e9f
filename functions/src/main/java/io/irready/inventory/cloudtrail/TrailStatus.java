package io.irready.inventory.cloudtrail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What {@code GetTrailStatus} reports about a trail's delivery.
 *
 * <p>{@code LatestDeliveryError} carries no time, and CloudTrail keeps showing it after deliveries
 * resume. What orders it is the pair of attempt fields GetTrailStatus still returns (the API reference
 * calls them "no longer in use", but the service fills them as ISO-8601 strings, to the second):
 * {@code LatestDeliveryAttemptTime} is the latest S3 delivery attempt and
 * {@code LatestDeliveryAttemptSucceeded} the latest successful one; so is {@code LatestDeliveryTime}.
 * When the latest attempt is also the latest success, the error belongs to an earlier attempt: history.
 * CloudWatch Logs delivery has no attempt fields, so its error can never be ordered and is taken as current.
 *
 * @param logging                           the trail is recording (StopLogging turns this off)
 * @param latestDeliveryError               the last S3 delivery error, e.g. {@code AccessDenied}
 * @param latestDeliveryTime                last successful S3 delivery
 * @param latestCloudWatchLogsDeliveryTime  last successful CloudWatch Logs delivery
 * @param latestCloudWatchLogsDeliveryError the last CloudWatch Logs delivery error
 * @param startLoggingTime                  when logging last started
 * @param stopLoggingTime                   when logging last stopped
 * @param latestDeliveryAttemptTime         {@code LatestDeliveryAttemptTime}: the latest S3 delivery attempt
 * @param latestDeliveryAttemptSucceeded    {@code LatestDeliveryAttemptSucceeded}: the latest successful one
 */
public record TrailStatus(
        boolean logging,
        Optional<String> latestDeliveryError,
        Optional<Instant> latestDeliveryTime,
        Optional<Instant> latestCloudWatchLogsDeliveryTime,
        Optional<String> latestCloudWatchLogsDeliveryError,
        Optional<Instant> startLoggingTime,
        Optional<Instant> stopLoggingTime,
        Optional<Instant> latestDeliveryAttemptTime,
        Optional<Instant> latestDeliveryAttemptSucceeded) {

    /** A status without the attempt fields (older answers, hand-built inventories). */
    public TrailStatus(boolean logging, Optional<String> latestDeliveryError, Optional<Instant> latestDeliveryTime,
                       Optional<Instant> latestCloudWatchLogsDeliveryTime,
                       Optional<String> latestCloudWatchLogsDeliveryError, Optional<Instant> startLoggingTime,
                       Optional<Instant> stopLoggingTime) {
        this(logging, latestDeliveryError, latestDeliveryTime, latestCloudWatchLogsDeliveryTime,
                latestCloudWatchLogsDeliveryError, startLoggingTime, stopLoggingTime, Optional.empty(),
                Optional.empty());
    }

    /** A logging trail with no delivery history (tests and hand-built inventories start from it). */
    public static TrailStatus loggingWithoutErrors() {
        return new TrailStatus(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /**
     * The S3 delivery error while it is current: empty when there is none, or when the latest delivery
     * attempt succeeded (the error is then history from an earlier attempt).
     */
    public Optional<String> currentDeliveryError() {
        return latestDeliveryError.filter(e -> !deliveryErrorIsHistory());
    }

    /** True when an S3 delivery error is reported but a later attempt delivered. */
    public boolean deliveryErrorIsHistory() {
        if (latestDeliveryError.isEmpty() || latestDeliveryAttemptTime.isEmpty()) {
            return false;
        }
        Instant attempt = seconds(latestDeliveryAttemptTime.get());
        boolean attemptSucceeded = latestDeliveryAttemptSucceeded.map(TrailStatus::seconds)
                .map(s -> !s.isBefore(attempt)).orElse(false);
        boolean deliveredSince = latestDeliveryTime.map(TrailStatus::seconds).map(d -> !d.isBefore(attempt))
                .orElse(false);
        return attemptSucceeded || deliveredSince;
    }

    /**
     * The CloudWatch Logs delivery error: always current when reported, because GetTrailStatus gives no
     * attempt time that could show a later success.
     */
    public Optional<String> currentCloudWatchLogsDeliveryError() {
        return latestCloudWatchLogsDeliveryError;
    }

    /** The attempt fields are reported to the second; LatestDeliveryTime to the millisecond. */
    private static Instant seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
