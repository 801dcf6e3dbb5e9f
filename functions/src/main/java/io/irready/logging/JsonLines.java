package io.irready.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The one JSON log line format of the functions: one object per line, Jackson-escaped, long values cut,
 * the current event id added where there is one. CloudWatch Logs Insights queries it by field
 * ({@code filter eventId = "…"}), whichever path wrote the line: the engine's {@code JsonLog} or a library
 * class logging through SLF4J ({@link JsonLogger}).
 */
public final class JsonLines {
    /** The MDC key of the event being handled, set around each event so every line on its path carries it. */
    public static final String EVENT_ID = "eventId";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE = 1000;

    private JsonLines() {
    }

    /**
     * Renders {@code fields} (in order, values bounded because they can come from hostile events), then the
     * current event id when the fields do not name one.
     */
    public static String render(Map<String, Object> fields) {
        fields.replaceAll((key, value) -> value instanceof String s && s.length() > MAX_VALUE
                ? s.substring(0, MAX_VALUE) + "…" : value);
        String eventId = MDC.get(EVENT_ID);
        if (eventId != null) {
            fields.putIfAbsent(EVENT_ID, eventId);
        }
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unloggable line\"}";
        }
    }
}
