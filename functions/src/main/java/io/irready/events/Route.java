package io.irready.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One route: which CloudTrail calls can change one check's verdict, and where the event names the
 * resources. A check declares its routes beside its logic ({@link Routed}, built with
 * {@link Routes#forCheck}); the {@link RouteTable} only matches them.
 *
 * @param source           the EventBridge source, e.g. {@code aws.cloudtrail}
 * @param eventSource      the CloudTrail event source, e.g. {@code cloudtrail.amazonaws.com}
 * @param eventNames       API names without version suffix
 * @param checkId          the check to re-evaluate
 * @param judged           the resource kinds the check's findings are about (derived from its metadata);
 *                         named resources of these kinds narrow the re-evaluation, anything else widens it
 *                         to the region
 * @param extractors       where the event names resources, and of which kind
 * @param passesRoleNames  role names the event names reach the check as {@link CheckTarget#roleNames}
 *                         (checks that judge what uses a role)
 * @param delayedRecheck   the service is eventually consistent (IAM, RDS, SSM, Lambda configuration,
 *                         SSM registration after an instance change): re-check once more about two minutes later
 * @param disablesEvidence the calls disable evidence: when one fails ({@code errorCode}) it is a tamper attempt
 * @param ownResourcesOnly when present, the route applies only to events naming one of irready's own
 *                         resources of this kind (see {@link RouteTable#withOwnResources})
 * @param everyRegion      the event's region is not (only) where the check judges what changed (global
 *                         services; a multi-region trail stopped in its home region; a bucket judged in its
 *                         trail's region): re-evaluate in every region the deployment covers
 * @param why              one sentence: how these calls can change the check's verdict (docs/ROUTING.md)
 * @param detailType       {@link CloudTrailEvent#DETAIL_TYPE} for calls someone makes,
 *                         {@link CloudTrailEvent#SERVICE_EVENT_DETAIL_TYPE} for what AWS does by itself (a
 *                         scheduled key deletion completing): an event matches only routes of its detail-type
 * @param onlyWhenNamed    the route applies only when the event names a resource through its extractors: a call
 *                         that can be made without naming one (RetireGrant with a grant token) would otherwise
 *                         re-evaluate every such resource of the region for a change to at most one; the
 *                         sweep covers it
 */
public record Route(String source, String eventSource, List<String> eventNames, String checkId,
                    Set<ResourceKind> judged, List<Extractor> extractors, boolean passesRoleNames,
                    boolean delayedRecheck, boolean disablesEvidence, Optional<ResourceKind> ownResourcesOnly,
                    boolean everyRegion, String why, String detailType, boolean onlyWhenNamed) {

    /** An API version suffix as CloudTrail appends it: {@code 20150331}, {@code 2020_05_31}, {@code 20150331v2}. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\d[\\d_]*(v\\d+)?");

    public Route {
        eventNames = List.copyOf(eventNames);
        judged = Set.copyOf(judged);
        extractors = List.copyOf(extractors);
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(ownResourcesOnly, "ownResourcesOnly");
        if (!source.startsWith("aws.") || !eventSource.endsWith(".amazonaws.com") || eventNames.isEmpty()) {
            throw new IllegalArgumentException("incomplete route for " + eventSource + " " + eventNames);
        }
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException(checkId + ": say why " + eventNames + " can change its verdict");
        }
        if (!CloudTrailEvent.DETAIL_TYPES.contains(detailType)) {
            throw new IllegalArgumentException(checkId + ": detail-type " + detailType + " is not one of "
                    + CloudTrailEvent.DETAIL_TYPES);
        }
        if (onlyWhenNamed && extractors.isEmpty()) {
            throw new IllegalArgumentException(checkId + ": " + eventNames + " apply only when naming a resource, "
                    + "but say nowhere where the event names one");
        }
    }

    /** True when the event has this route's detail-type, event source and one of its names. */
    public boolean matches(CloudTrailEvent event) {
        return detailType.equals(event.detailType()) && eventSource.equals(event.eventSource())
                && eventNames.stream().anyMatch(n -> nameMatches(n, event.eventName()));
    }

    /** True for a route of what AWS does by itself ({@link CloudTrailEvent#SERVICE_EVENT_DETAIL_TYPE}). */
    public boolean serviceEvent() {
        return CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE.equals(detailType);
    }

    /**
     * {@code actual} is {@code name}, or {@code name} followed by an API version suffix — never a
     * bare prefix: {@code DeleteBucketCors} is not {@code DeleteBucket}, {@code CreateVpcEndpoint} is
     * not {@code CreateVpc}.
     */
    public static boolean nameMatches(String name, String actual) {
        return actual.equals(name)
                || actual.startsWith(name) && VERSION_SUFFIX.matcher(actual.substring(name.length())).matches();
    }
}
