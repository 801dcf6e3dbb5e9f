package io.irready.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The EventBridge rule patterns that deliver every routed call: one pattern per AWS source,
 * JSON-ready (maps, lists, strings), e.g. {@code {"source":["aws.ec2"],"detail-type":["AWS API Call
 * via CloudTrail"],"detail":{"eventSource":["ec2.amazonaws.com"],"eventName":["CreateFlowLogs", …]}}}.
 * For sources whose names carry an API version (lambda, cloudfront), each name also gets
 * {@code {"wildcard":"<Name>20*"}}: versions start with the year, so no other API can match.
 * A source with routes for what AWS does by itself (KMS {@code DeleteKey} when a scheduled deletion completes)
 * lists {@code "AWS Service Event via CloudTrail"} beside the API-call detail-type; its names share the one
 * list (no API call is named like a service event), and the route table tells the two apart.
 */
public final class EventBridgePatterns {
    /** EventBridge sources whose CloudTrail event names carry an API version suffix. */
    public static final Set<String> VERSIONED_SOURCES = Set.of("aws.lambda", "aws.cloudfront");

    private EventBridgePatterns() {
    }

    public static List<Map<String, Object>> of(RouteTable table) {
        return of(table.routes());
    }

    public static List<Map<String, Object>> of(List<Route> routes) {
        Map<String, Set<String>> eventSources = new TreeMap<>();
        Map<String, Set<String>> names = new TreeMap<>();
        Map<String, Set<String>> detailTypes = new TreeMap<>();
        for (Route route : routes) {
            if (AlarmStateChange.isAlarmRoute(route)) {
                continue; // not a CloudTrail call: the deployment's alarm rule delivers these
            }
            eventSources.computeIfAbsent(route.source(), s -> new TreeSet<>()).add(route.eventSource());
            names.computeIfAbsent(route.source(), s -> new TreeSet<>()).addAll(route.eventNames());
            detailTypes.computeIfAbsent(route.source(), s -> new TreeSet<>()).add(route.detailType());
        }
        List<Map<String, Object>> patterns = new ArrayList<>();
        names.forEach((source, sourceNames) -> {
            List<Object> nameMatchers = new ArrayList<>(sourceNames);
            if (VERSIONED_SOURCES.contains(source)) {
                sourceNames.forEach(n -> nameMatchers.add(Map.of("wildcard", n + "20*")));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventSource", List.copyOf(eventSources.get(source)));
            detail.put("eventName", List.copyOf(nameMatchers));
            Map<String, Object> pattern = new LinkedHashMap<>();
            pattern.put("source", List.of(source));
            pattern.put("detail-type", CloudTrailEvent.DETAIL_TYPES.stream()
                    .filter(detailTypes.get(source)::contains).toList());
            pattern.put("detail", detail);
            patterns.add(pattern);
        });
        return patterns;
    }
}
