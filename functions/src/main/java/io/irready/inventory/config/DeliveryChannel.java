package io.irready.inventory.config;

import java.util.Optional;

/**
 * An AWS Config delivery channel and how its last deliveries to S3 went.
 *
 * @param name            channel name
 * @param historyStatus   last configuration-history delivery: {@code Success}, {@code Failure} or
 *                        {@code Not_Applicable}, when reported
 * @param snapshotStatus  last configuration-snapshot delivery, likewise
 * @param lastError       error code and message of a failed delivery, when reported
 */
public record DeliveryChannel(String name, Optional<String> historyStatus, Optional<String> snapshotStatus,
                              Optional<String> lastError) {

    /** Its last history or snapshot delivery failed: configuration history is not reaching the bucket. */
    public boolean failing() {
        return historyStatus.filter("Failure"::equalsIgnoreCase).isPresent()
                || snapshotStatus.filter("Failure"::equalsIgnoreCase).isPresent();
    }
}
