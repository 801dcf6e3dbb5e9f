package io.irready.events;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one event re-evaluates.
 *
 * @param event          the event
 * @param targets        the checks to re-evaluate and their scopes, sorted by check id; empty when the
 *                       event routes nowhere
 * @param delayedRecheck schedule one more evaluation of the same targets about two minutes later
 *                       (eventually consistent services)
 * @param tamperAttempt  the call failed ({@code errorCode}) on an evidence-disabling route: raise a
 *                       tamper-attempt notification, deduplicated by event id
 * @param everyRegion    re-evaluate the targets in every region the deployment covers, not only in the
 *                       event's region (global services: IAM, Organizations; S3 bucket events, whose trail
 *                       bucket is judged in its trail's region)
 * @param ignoredBecause why nothing routes (for the debug log), when nothing does
 * @param unnamed        checks a route would have reached had the event named a resource
 *                       ({@link Route#onlyWhenNamed()}: RetireGrant by grant token names no key), and that no
 *                       other route reaches: not re-evaluated, left to the sweep — logged and counted
 */
public record RoutingDecision(CloudTrailEvent event, List<CheckTarget> targets, boolean delayedRecheck,
                              boolean tamperAttempt, boolean everyRegion, Optional<String> ignoredBecause,
                              SortedSet<String> unnamed) {
    public RoutingDecision {
        targets = List.copyOf(targets);
        unnamed = Collections.unmodifiableSortedSet(new TreeSet<>(unnamed));
    }

    public RoutingDecision(CloudTrailEvent event, List<CheckTarget> targets, boolean delayedRecheck,
                           boolean tamperAttempt, boolean everyRegion, Optional<String> ignoredBecause) {
        this(event, targets, delayedRecheck, tamperAttempt, everyRegion, ignoredBecause, new TreeSet<>());
    }

    static RoutingDecision ignored(CloudTrailEvent event, String why) {
        return new RoutingDecision(event, List.of(), false, false, false, Optional.of(why));
    }

    public boolean routed() {
        return !targets.isEmpty();
    }

    /** The check ids, sorted. */
    public SortedSet<String> checkIds() {
        TreeSet<String> ids = new TreeSet<>();
        targets.forEach(t -> ids.add(t.checkId()));
        return ids;
    }

    /** Every named resource over all targets, sorted (empty when all targets are region-wide). */
    public SortedSet<String> resourceIds() {
        TreeSet<String> ids = new TreeSet<>();
        targets.forEach(t -> t.scope().resources().ifPresent(ids::addAll));
        return ids;
    }
}
