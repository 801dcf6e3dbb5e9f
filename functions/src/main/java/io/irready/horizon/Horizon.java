package io.irready.horizon;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * How far back one evidence source reaches today, and why.
 *
 * @param source   what kind of evidence it is
 * @param resource the bucket, log group, trail, VPC … it is about
 * @param days     days back an investigator can read; empty means unlimited (nothing expires it)
 * @param read     false when irready could not or does not read this source's retention: then
 *                 {@code days} means nothing and the source takes no part in any answer
 * @param reason   the configuration that decides it, in a sentence
 */
public record Horizon(Source source, String resource, Optional<Integer> days, boolean read, String reason) {

    /** Shorter first; unlimited after every number; sources not read last of all. */
    public static final Comparator<Horizon> BY_REACH = Comparator.comparingLong(Horizon::reachDays);

    public Horizon {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(reason, "reason");
    }

    public static Horizon days(Source source, String resource, int days, String reason) {
        return new Horizon(source, resource, Optional.of(Math.max(0, days)), true, reason);
    }

    public static Horizon unlimited(Source source, String resource, String reason) {
        return new Horizon(source, resource, Optional.empty(), true, reason);
    }

    public static Horizon notRead(Source source, String resource, String reason) {
        return new Horizon(source, resource, Optional.empty(), false, reason);
    }

    /** The same reach about another source and resource, the reason prefixed (a trail's data events live in its bucket). */
    public Horizon as(Source otherSource, String otherResource, String reasonPrefix) {
        return new Horizon(otherSource, otherResource, days, read, reasonPrefix + reason);
    }

    public boolean unlimited() {
        return read && days.isEmpty();
    }

    /**
     * True when the evidence of an incident {@code incidentAgeDays} old is already gone: the source
     * keeps fewer days than that. Unlimited and unread sources are never reported gone.
     */
    public boolean goneFor(int incidentAgeDays) {
        return read && days.isPresent() && days.get() < incidentAgeDays;
    }

    /** "unlimited", "1 day", "90 days" or "not read". */
    public String reachText() {
        if (!read) {
            return "not read";
        }
        return days.map(d -> d + (d == 1 ? " day" : " days")).orElse("unlimited");
    }

    private long reachDays() {
        return !read ? Long.MAX_VALUE : days.map(Integer::longValue).orElse(Long.MAX_VALUE - 1);
    }
}
