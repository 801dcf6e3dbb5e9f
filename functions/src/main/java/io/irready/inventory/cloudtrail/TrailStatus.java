package io.irready.inventory.cloudtrail;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code GetTrailStatus} reports about a trail's delivery.
 *
 * @param logging                           the trail is recording (StopLogging turns this off)
 * @param latestDeliveryError               the last S3 delivery error, e.g. {@code AccessDenied}
 * @param latestDeliveryTime                last successful S3 delivery
 * @param latestCloudWatchLogsDeliveryTime  last successful CloudWatch Logs delivery
 * @param latestCloudWatchLogsDeliveryError the last CloudWatch Logs delivery error
 * @param startLoggingTime                  when logging last started
 * @param stopLoggingTime                   when logging last stopped
 */
public record TrailStatus(
        boolean logging,
        Optional<String> latestDeliveryError,
        Optional<Instant> latestDeliveryTime,
        Optional<Instant> latestCloudWatchLogsDeliveryTime,
        Optional<String> latestCloudWatchLogsDeliveryError,
        Optional<Instant> startLoggingTime,
        Optional<Instant> stopLoggingTime) {

    /** A logging trail with no delivery history (tests and hand-built inventories start from it). */
    public static TrailStatus loggingWithoutErrors() {
        return new TrailStatus(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
