package io.irready.inventory.s3;

import java.time.Instant;
import java.util.Optional;

/**
 * The parts of an S3 lifecycle rule that decide whether it deletes current log files.
 *
 * @param id             rule id (may be empty)
 * @param enabled        status {@code Enabled}
 * @param prefix         key prefix the rule is limited to (filter prefix, And prefix or the legacy rule prefix)
 * @param tagFiltered    the rule only applies to objects carrying given tags
 * @param expirationDays current objects expire this many days after creation
 * @param expirationDate current objects expire on this date
 */
public record LifecycleRule(String id, boolean enabled, Optional<String> prefix, boolean tagFiltered,
                            Optional<Integer> expirationDays, Optional<Instant> expirationDate) {

    /**
     * True when this rule can expire objects under {@code keyPrefix}. CloudTrail writes its log files
     * without tags, so a tag-filtered rule never applies; object-size filters are ignored (a rule
     * limited by size still deletes small log files, so it is counted).
     */
    public boolean appliesUnder(String keyPrefix) {
        if (!enabled || tagFiltered) {
            return false;
        }
        String p = prefix.orElse("");
        return p.isEmpty() || p.startsWith(keyPrefix) || keyPrefix.startsWith(p);
    }

    public boolean expiresCurrentObjects() {
        return expirationDays.isPresent() || expirationDate.isPresent();
    }
}
