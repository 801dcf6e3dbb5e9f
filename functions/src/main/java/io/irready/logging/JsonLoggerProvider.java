package io.irready.logging;

import io.irready.core.EnvironmentNames;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J backend of the functions and the CLI: every logger writes {@link JsonLines} to stderr (CloudWatch
 * Logs in Lambda; stdout stays the CLI's output). Our own rather than Powertools' Log4j backend: initialising
 * Log4j and its JSON layout cost over a second on the first event (docs/BENCHMARKS.md), this costs a class.
 *
 * <p>The level is {@value #LEVEL_PROPERTY} (system property) or else {@code IRREADY_LOG_LEVEL}, {@code info}
 * by default; it is read once, when SLF4J starts.
 */
public final class JsonLoggerProvider implements SLF4JServiceProvider {
    public static final String LEVEL_PROPERTY = "irready.logLevel";

    private ILoggerFactory loggers;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public void initialize() {
        int threshold = threshold(System.getProperty(LEVEL_PROPERTY,
                System.getenv().getOrDefault(EnvironmentNames.IRREADY_LOG_LEVEL, "info")));
        Map<String, Logger> byName = new ConcurrentHashMap<>();
        Clock clock = Clock.systemUTC();
        loggers = name -> byName.computeIfAbsent(name, n -> new JsonLogger(n, threshold, () -> System.err, clock));
        markers = new BasicMarkerFactory();
        mdc = new BasicMDCAdapter();
    }

    /** The lowest level written: {@code trace}…{@code error}, or {@code off}; anything else means info. */
    static int threshold(String level) {
        String name = level.strip().toUpperCase(Locale.ROOT);
        if (name.equals("OFF")) {
            return Integer.MAX_VALUE;
        }
        try {
            return Level.valueOf(name).toInt();
        } catch (IllegalArgumentException e) {
            return Level.INFO.toInt();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
