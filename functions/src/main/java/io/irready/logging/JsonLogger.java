package io.irready.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes {@link JsonLines}: what the AWS SDK, the store and the notifier log through
 * SLF4J lands in CloudWatch as the same JSON as the engine's own lines, with the event id.
 */
final class JsonLogger extends LegacyAbstractLogger {
    private final int threshold;
    private final Supplier<PrintStream> out;
    private final Clock clock;

    JsonLogger(String name, int threshold, Supplier<PrintStream> out, Clock clock) {
        this.name = name;
        this.threshold = threshold;
        this.out = out;
        this.clock = clock;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level.name());
        line.put("logger", name);
        line.put("message", MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            line.put("error", String.valueOf(throwable));
            StringWriter stack = new StringWriter();
            throwable.printStackTrace(new PrintWriter(stack));
            line.put("stackTrace", stack.toString()); // cut like any long value: the top frames tell where
        }
        out.get().println(JsonLines.render(line));
    }
}
