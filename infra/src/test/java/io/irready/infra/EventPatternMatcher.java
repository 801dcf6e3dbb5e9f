package io.irready.infra;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Just enough of EventBridge's pattern semantics to evaluate the synthesized rules against sample events:
 * every pattern key must match; a list matches when any element does; strings match exactly; the
 * {@code wildcard}, {@code prefix} and {@code exists} operators. Any other operator fails the test, so a new
 * operator in the routing table gets a matcher (and a test) before it ships.
 */
final class EventPatternMatcher {
    private EventPatternMatcher() {
    }

    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> pattern, Map<String, Object> event) {
        for (Map.Entry<String, Object> entry : pattern.entrySet()) {
            Object actual = event.get(entry.getKey());
            Object expected = entry.getValue();
            if (expected instanceof Map<?, ?> nested) {
                if (!(actual instanceof Map<?, ?> actualMap)
                        || !matches((Map<String, Object>) nested, (Map<String, Object>) actualMap)) {
                    return false;
                }
            } else if (expected instanceof List<?> alternatives) {
                if (alternatives.stream().noneMatch(alternative -> valueMatches(alternative, actual))) {
                    return false;
                }
            } else {
                throw new IllegalArgumentException("pattern values must be lists or objects, got " + expected);
            }
        }
        return true;
    }

    private static boolean valueMatches(Object matcher, Object actual) {
        if (matcher instanceof String s) {
            return s.equals(actual);
        }
        if (matcher instanceof Map<?, ?> operator && operator.size() == 1) {
            Map.Entry<?, ?> op = operator.entrySet().iterator().next();
            return switch (String.valueOf(op.getKey())) {
                case "wildcard" -> actual instanceof String a && wildcard((String) op.getValue()).matcher(a).matches();
                case "prefix" -> actual instanceof String a && a.startsWith((String) op.getValue());
                case "exists" -> Boolean.TRUE.equals(op.getValue()) == (actual != null);
                default -> throw new IllegalArgumentException("unsupported EventBridge operator " + op.getKey());
            };
        }
        throw new IllegalArgumentException("unsupported pattern value " + matcher);
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** An EventBridge envelope of a CloudTrail management event, as far as the rules look at it. */
    static Map<String, Object> cloudTrailEvent(String source, String eventSource, String eventName) {
        return cloudTrailEvent("AWS API Call via CloudTrail", source, eventSource, eventName);
    }

    /** As above, of a detail-type: {@code "AWS Service Event via CloudTrail"} for what AWS does by itself. */
    static Map<String, Object> cloudTrailEvent(String detailType, String source, String eventSource, String eventName) {
        return Map.of("source", source, "detail-type", detailType,
                "detail", Map.of("eventSource", eventSource, "eventName", eventName));
    }
}
