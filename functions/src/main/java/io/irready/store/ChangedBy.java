package io.irready.store;

import java.util.Objects;

/**
 * Who changed a finding, from the CloudTrail event that triggered its evaluation. Every field
 * except the event id may be absent ({@code null}) in real events; all of them are
 * attacker-influenced strings and are escaped wherever they are displayed.
 */
public record ChangedBy(
        String eventName,
        String eventId,
        String principalArn,
        String sourceIp,
        String userAgent,
        String eventTime) {

    public ChangedBy {
        Objects.requireNonNull(eventId, "eventId");
    }
}
