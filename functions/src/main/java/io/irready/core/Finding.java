package io.irready.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of one check on one resource at one moment.
 *
 * @param checkId    the check's stable id
 * @param severity   the check's severity
 * @param account    AWS account id
 * @param region     region the finding belongs to
 * @param resourceId canonical id: the resource's ARN, or {@link ResourceIds#accountRegion} for region-level checks
 * @param status     the verdict
 * @param reason     a sentence an engineer can act on
 * @param observedAt when the reads behind this verdict started (orders concurrent evaluations)
 * @param muted      set when a mute list entry (or a suppression) accepts the risk: the status stays the
 *                   check's verdict, but the finding is shown as MUTED, never alerted and not scored
 */
public record Finding(
        String checkId,
        Severity severity,
        String account,
        String region,
        String resourceId,
        Status status,
        String reason,
        Instant observedAt,
        Optional<Muted> muted) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(muted, "muted");
    }

    /** A finding as a check makes it: not muted (only the evaluator mutes, in one place). */
    public Finding(String checkId, Severity severity, String account, String region, String resourceId,
                   Status status, String reason, Instant observedAt) {
        this(checkId, severity, account, region, resourceId, status, reason, observedAt, Optional.empty());
    }

    public Finding muted(Muted marker) {
        return new Finding(checkId, severity, account, region, resourceId, status, reason, observedAt,
                Optional.of(marker));
    }

    public boolean isMuted() {
        return muted.isPresent();
    }

    /** The key a finding is stored and compared under: one current finding per key. */
    public String key() {
        return account + "|" + region + "|" + checkId + "|" + resourceId;
    }
}
