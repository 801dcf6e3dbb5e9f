package io.irready.store;

import java.util.List;
import java.util.Objects;

/**
 * A failed call on an evidence-disabling route (e.g. {@code StopLogging} denied with
 * {@code AccessDenied}): no state changed, but somebody tried. Stored once per event id.
 *
 * @param checkIds    the checks the route protects
 * @param resourceIds the resources the event named
 */
public record TamperAttempt(
        String eventId,
        String eventSource,
        String eventName,
        String errorCode,
        String errorMessage,
        String account,
        String region,
        ChangedBy changedBy,
        List<String> checkIds,
        List<String> resourceIds) implements OutboxMessage {

    public TamperAttempt {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(changedBy, "changedBy");
        checkIds = List.copyOf(checkIds);
        resourceIds = List.copyOf(resourceIds);
    }

    @Override
    public String messageId() {
        return "tamper-" + eventId;
    }
}
