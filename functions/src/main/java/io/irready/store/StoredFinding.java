package io.irready.store;

import io.irready.core.Severity;
import java.time.Instant;
import java.util.Optional;

/** The current state of one finding as the table holds it. */
public record StoredFinding(
        String account,
        String region,
        String checkId,
        String resourceId,
        FindingState status,
        Severity severity,
        String reason,
        Instant firstSeenAt,
        Instant statusChangedAt,
        Instant lastEvaluatedAt,
        Instant observedAt,
        long version,
        Optional<ChangedBy> changedBy,
        Optional<String> lastEventId) {
}
