package io.irready.events;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row of the routing table (DESIGN.md §4): which CloudTrail calls re-evaluate which checks,
 * and where the event names the resources.
 *
 * @param source            the EventBridge source, e.g. {@code aws.cloudtrail}
 * @param eventSource       the CloudTrail event source, e.g. {@code cloudtrail.amazonaws.com}
 * @param eventNames        API names without version suffix
 * @param checkIds          the checks to re-evaluate (whether or not this build implements them)
 * @param extractors        where the event names resources, and of which kind
 * @param delayedRecheck    the service is eventually consistent (IAM, RDS, SSM, Lambda configuration,
 *                          SSM registration after an instance change): re-check once more about two minutes later
 * @param evidenceDisabling the calls disable evidence: when one fails ({@code errorCode}) it is a tamper attempt
 * @param ownResourcesOnly  when present, the row applies only to events naming one of irready's own
 *                          resources of this kind (see {@link RouteTable#withOwnResources})
 * @param everyRegion       the service is global (IAM, Organizations): its events arrive from us-east-1
 *                          but change what the checks judge in every region — or the event's region is not
 *                          where the check judges the resource (an S3 bucket event comes from the bucket's
 *                          region; a trail bucket is judged in its trail's region) — so re-evaluate in every
 *                          region the deployment covers
 */
public record Route(String source, String eventSource, List<String> eventNames, List<String> checkIds,
                    List<Extractor> extractors, boolean delayedRecheck, boolean evidenceDisabling,
                    Optional<ResourceKind> ownResourcesOnly, boolean everyRegion) {

    /** An API version suffix as CloudTrail appends it: {@code 20150331}, {@code 2020_05_31}, {@code 20150331v2}. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("\\d[\\d_]*(v\\d+)?");

    public Route {
        eventNames = List.copyOf(eventNames);
        checkIds = List.copyOf(checkIds);
        extractors = List.copyOf(extractors);
        if (!source.startsWith("aws.") || !eventSource.endsWith(".amazonaws.com") || eventNames.isEmpty()
                || checkIds.isEmpty()) {
            throw new IllegalArgumentException("incomplete route for " + eventSource + " " + eventNames);
        }
    }

    /** True when the event has this row's event source and one of its names. */
    public boolean matches(CloudTrailEvent event) {
        return eventSource.equals(event.eventSource()) && eventNames.stream().anyMatch(n -> nameMatches(n, event.eventName()));
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
