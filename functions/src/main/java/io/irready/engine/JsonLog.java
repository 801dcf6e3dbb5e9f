package io.irready.engine;

import io.irready.logging.JsonLines;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's structured log lines, with fields of its choosing ({@link JsonLines}: one JSON object per line,
 * with the event id where there is one, like every line the functions write). CloudWatch Logs Insights
 * queries them by field: {@code filter eventId = "…"}.
 */
public final class JsonLog {
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
            line.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        out.println(JsonLines.render(line));
    }
}
