package io.irready.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CloudWatch's "CloudWatch Alarm State Change" events, which irready receives for its own dead-letter-queue
 * alarms (home and forwarder regions). They are not CloudTrail calls, but the routing table is the one place
 * that decides what to re-evaluate, so each becomes a {@link CloudTrailEvent} of source {@code aws.cloudwatch}
 * and name {@value #EVENT_NAME} with the alarm's name in {@code requestParameters.alarmName}: a route on that
 * name re-evaluates the check that reads the alarm. Such routes get no CloudTrail rule pattern
 * ({@link EventBridgePatterns} leaves them out); the deployment builds their rule from {@link #pattern}.
 */
public final class AlarmStateChange {
    public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    public static final String SOURCE = "aws.cloudwatch";
    /** The event name the routing table matches. */
    public static final String EVENT_NAME = "AlarmStateChange";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private AlarmStateChange() {
    }

    /** True for a route on alarm state changes rather than on CloudTrail calls. */
    public static boolean isAlarmRoute(Route route) {
        return SOURCE.equals(route.source()) && route.eventNames().equals(List.of(EVENT_NAME));
    }

    /** The EventBridge pattern for state changes of exactly these alarms. */
    public static Map<String, Object> pattern(List<String> alarmNames) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of(SOURCE));
        pattern.put("detail-type", List.of(DETAIL_TYPE));
        pattern.put("detail", Map.of("alarmName", List.copyOf(alarmNames)));
        return pattern;
    }

    static boolean isAlarmStateChange(JsonNode envelope) {
        return DETAIL_TYPE.equals(envelope.path("detail-type").asText(null));
    }

    /** The envelope as an event the routing table understands; the id, account, region and time are validated. */
    static CloudTrailEvent fromEnvelope(JsonNode envelope) {
        String id = text(envelope, "id");
        String account = text(envelope, "account");
        String region = text(envelope, "region");
        if (!SOURCE.equals(envelope.path("source").asText(null))) {
            throw new CloudTrailRecordReader.Invalid("an alarm state change must come from " + SOURCE);
        }
        if (!ACCOUNT.matcher(account).matches() || !REGION.matcher(region).matches() || id.length() > 128) {
            throw new CloudTrailRecordReader.Invalid("alarm state change with an invalid account, region or id");
        }
        Instant time;
        try {
            time = Instant.parse(text(envelope, "time"));
        } catch (DateTimeParseException e) {
            throw new CloudTrailRecordReader.Invalid("alarm state change time is not an ISO-8601 instant");
        }
        JsonNode detail = envelope.path("detail");
        String alarmName = detail.path("alarmName").asText("");
        if (alarmName.isBlank()) {
            throw new CloudTrailRecordReader.Invalid("alarm state change without detail.alarmName");
        }
        ObjectNode parameters = JsonNodeFactory.instance.objectNode();
        parameters.put("alarmName", alarmName);
        parameters.put("state", detail.path("state").path("value").asText(""));
        return new CloudTrailEvent(id, "cloudwatch.amazonaws.com", EVENT_NAME, time, region, account, SOURCE,
                Optional.of(false), null, null, null, null, "cloudwatch.amazonaws.com", null, null, parameters,
                null, envelope.deepCopy());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new CloudTrailRecordReader.Invalid("alarm state change without " + field);
        }
        return value.asText();
    }
}
