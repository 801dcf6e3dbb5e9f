package io.irready.inventory.config;

import java.util.Optional;

/**
 * An AWS Config configuration recorder and its status.
 *
 * @param name       recorder name
 * @param recording  whether it is recording now
 * @param lastStatus {@code Pending}, {@code Success} or {@code Failure}, when reported
 * @param lastError  the last error code, when the last recording failed
 */
public record ConfigRecorder(String name, boolean recording, Optional<String> lastStatus, Optional<String> lastError) {
}
