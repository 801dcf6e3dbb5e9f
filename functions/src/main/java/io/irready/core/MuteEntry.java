package io.irready.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One accepted risk of the mute list: findings of the checks matching {@code check} (an id or a glob)
 * whose resource id matches {@code resource} (a glob), optionally only in one account and region, are
 * muted until {@code expires} (inclusive, UTC) — or for good without it. {@code *} matches any run of
 * characters.
 *
 * @param index the entry's position in its file (0-based), so errors and audits can name it
 */
public record MuteEntry(int index, String check, String resource, Optional<String> account, Optional<String> region,
                        String reason, Optional<LocalDate> expires) {

    /** The reason a {@code suppressions} entry (which has none) is muted with. */
    public static final String SUPPRESSION_REASON = "suppressed by configuration";

    public MuteEntry {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    /** Today's {@code suppressions} form: the same matching, no expiry, no reason of its own. */
    public static MuteEntry of(Suppression suppression) {
        return new MuteEntry(-1, suppression.checkId(), suppression.resourcePattern(), Optional.empty(),
                Optional.empty(), SUPPRESSION_REASON, Optional.empty());
    }

    /** Whether the entry still holds on {@code today} (the expiry day itself included). */
    public boolean holdsOn(LocalDate today) {
        return expires.map(last -> !today.isAfter(last)).orElse(true);
    }

    /** Whether this entry mutes {@code finding} on {@code today}. */
    public boolean mutes(Finding finding, LocalDate today) {
        return holdsOn(today)
                && glob(check).matcher(finding.checkId()).matches()
                && glob(resource).matcher(finding.resourceId()).matches()
                && account.map(a -> a.equals(finding.account())).orElse(true)
                && region.map(r -> r.equals(finding.region())).orElse(true);
    }

    public Muted marker() {
        String rule = check + ":" + resource;
        return new Muted(reason, expires, index < 0 ? "suppression " + rule : "mute list entry " + index + " (" + rule + ")");
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
