package io.irready.infra;

import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.services.events.EventPattern;

/**
 * Turns the routing table's JSON-ready patterns into CDK event patterns, unchanged. A key the routing table
 * starts using that this class does not know fails synth instead of being silently dropped from the rule.
 */
final class EventPatterns {
    private static final Set<String> SUPPORTED = Set.of("source", "detail-type", "detail");

    private EventPatterns() {
    }

    @SuppressWarnings("unchecked")
    static EventPattern toCdk(Map<String, Object> pattern) {
        for (String key : pattern.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException("event pattern key '" + key + "' is not supported by the infra "
                        + "module (supported: " + SUPPORTED + "); pattern: " + pattern);
            }
        }
        EventPattern.Builder builder = EventPattern.builder();
        if (pattern.containsKey("source")) {
            builder.source(strings(pattern.get("source"), "source"));
        }
        if (pattern.containsKey("detail-type")) {
            builder.detailType(strings(pattern.get("detail-type"), "detail-type"));
        }
        if (pattern.containsKey("detail")) {
            builder.detail((Map<String, Object>) pattern.get("detail"));
        }
        return builder.build();
    }

    /** The single event source a routing-table pattern is for (one rule per source). */
    static String source(Map<String, Object> pattern) {
        List<String> sources = strings(pattern.get("source"), "source");
        if (sources.size() != 1) {
            throw new IllegalArgumentException("expected one source per pattern, got " + sources);
        }
        return sources.get(0);
    }

    private static List<String> strings(Object value, String key) {
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("event pattern '" + key + "' must be a list of strings, got " + value);
    }

    /** A construct id from an event source: {@code aws.cloudtrail} → {@code AwsCloudtrail}. */
    static String idFor(String source) {
        StringBuilder id = new StringBuilder();
        for (String part : source.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
