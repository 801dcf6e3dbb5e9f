package io.irready.store;

import io.irready.core.Muted;
import io.irready.core.Severity;
import java.time.Instant;
import java.util.Optional;

/** The current state of one finding as the table holds it; {@code muted} when an accepted risk (shown MUTED). */
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
        Optional<String> lastEventId,
        Optional<Muted> muted) {

    public StoredFinding(String account, String region, String checkId, String resourceId, FindingState status,
                         Severity severity, String reason, Instant firstSeenAt, Instant statusChangedAt,
                         Instant lastEvaluatedAt, Instant observedAt, long version, Optional<ChangedBy> changedBy,
                         Optional<String> lastEventId) {
        this(account, region, checkId, resourceId, status, severity, reason, firstSeenAt, statusChangedAt,
                lastEvaluatedAt, observedAt, version, changedBy, lastEventId, Optional.empty());
    }

    public boolean isMuted() {
        return muted.isPresent();
    }
}
