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

    /** Longest value kept per field (a user agent can be made arbitrarily long). */
    public static final int MAX_FIELD = 1024;

    public ChangedBy {
        Objects.requireNonNull(eventId, "eventId");
        eventName = bound(eventName);
        eventId = bound(eventId);
        principalArn = bound(principalArn);
        sourceIp = bound(sourceIp);
        userAgent = bound(userAgent);
        eventTime = bound(eventTime);
    }

    private static String bound(String value) {
        return value == null || value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD - 1) + "…";
    }
}
