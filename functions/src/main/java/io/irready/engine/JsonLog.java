package io.irready.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured log lines (one JSON object per line, keyed by the event id where there is one), the
 * shape Powertools' logger writes, without its logging backend in the Lambda artifact. CloudWatch
 * Logs Insights queries them by field: {@code filter eventId = "…"}.
 */
public final class JsonLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE = 1000;

    private final String function;
    private final PrintStream out;
    private final Clock clock;

    public JsonLog(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    public void info(String message, Object... keysAndValues) {
        write("INFO", message, keysAndValues);
    }

    public void warn(String message, Object... keysAndValues) {
        write("WARN", message, keysAndValues);
    }

    public void error(String message, Object... keysAndValues) {
        write("ERROR", message, keysAndValues);
    }

    private void write(String level, String message, Object... keysAndValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("function", function);
        line.put("message", message);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            // values can come from hostile events: bounded, and JSON-escaped by Jackson
            if (value instanceof String s && s.length() > MAX_VALUE) {
                value = s.substring(0, MAX_VALUE) + "…";
            }
            line.put(String.valueOf(keysAndValues[i]), value);
        }
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            out.println("{\"level\":\"ERROR\",\"message\":\"unloggable line\"}");
        }
    }
}
