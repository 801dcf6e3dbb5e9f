package io.irready.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for one invocation, printed as one CloudWatch Embedded Metric Format line (CloudWatch
 * Logs turns it into metrics without an API call or an agent). Namespace {@value #NAMESPACE},
 * dimension {@code Function} (event, sweep, webhook).
 */
public final class Metrics {
    public static final String NAMESPACE = "irready";

    public static final String EVENTS_RECEIVED = "EventsReceived";
    public static final String EVENTS_ROUTED = "EventsRouted";
    public static final String EVENTS_IGNORED = "EventsIgnored";
    public static final String EVENTS_MALFORMED = "EventsMalformed";
    public static final String EVENTS_DUPLICATE = "EventsDuplicate";
    public static final String EVENTS_OUT_OF_SCOPE = "EventsOutOfScope";
    public static final String EVALUATIONS = "Evaluations";
    /** Checks an event's route reached only had it named a resource (RetireGrant by grant token): left to the sweep. */
    public static final String ROUTES_WITHOUT_RESOURCE = "RoutesWithoutResource";
    /** Checks an IAM role event reached whose role nothing in the region uses: nothing to evaluate. */
    public static final String ROLE_TARGETS_UNUSED = "RoleTargetsUnused";
    public static final String TRANSITIONS = "Transitions";
    public static final String ALERTS_PUBLISHED = "AlertsPublished";
    public static final String ALERTS_FAILED = "AlertsFailed";
    public static final String TAMPER_ATTEMPTS = "TamperAttempts";
    public static final String RECHECKS_SCHEDULED = "RechecksScheduled";
    public static final String ERRORS = "Errors";
    public static final String LATENCY = "HandlerLatency";
    /** Regions a sweep left alone while backing off from their region-level faults ({@link RegionBackoff}). */
    public static final String REGIONS_SKIPPED = "RegionsSkipped";
    /** Regions whose sweep failed on an AWS fault (an ERROR finding, then a backoff). */
    public static final String REGION_FAULTS = "RegionFaults";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String function;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> milliseconds = new ConcurrentHashMap<>();

    public Metrics(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    public void count(String name) {
        count(name, 1);
    }

    public void count(String name, long n) {
        counts.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    public void milliseconds(String name, long value) {
        milliseconds.put(name, value);
    }

    public long get(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Prints one EMF document at once for a value that belongs to a dimension of its own, such as the
     * number of failing findings per {@code Severity} that the dashboard graphs after each sweep.
     */
    public void gauge(String name, String dimension, String dimensionValue, long value) {
        gauge(name, dimension, dimensionValue, value, "Count");
    }

    /** As {@link #gauge(String, String, String, long)}, in a CloudWatch unit such as {@code Seconds}. */
    public void gauge(String name, String dimension, String dimensionValue, long value, String unit) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(Map.of(
                "Namespace", NAMESPACE, "Dimensions", List.of(List.of(dimension)),
                "Metrics", List.of(Map.of("Name", name, "Unit", unit))))));
        document.put(dimension, dimensionValue);
        document.put(name, value);
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the EMF document for what was counted since the last flush, and starts over. */
    public synchronized void flush() {
        if (counts.isEmpty() && milliseconds.isEmpty()) {
            return;
        }
        List<Map<String, String>> definitions = new ArrayList<>();
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> aws = new LinkedHashMap<>();
        document.put("_aws", aws);
        document.put("Function", function);
        counts.forEach((name, adder) -> {
            definitions.add(Map.of("Name", name, "Unit", "Count"));
            document.put(name, adder.sum());
        });
        milliseconds.forEach((name, value) -> {
            definitions.add(Map.of("Name", name, "Unit", "Milliseconds"));
            document.put(name, value);
        });
        aws.put("Timestamp", clock.millis());
        aws.put("CloudWatchMetrics", List.of(Map.of("Namespace", NAMESPACE,
                "Dimensions", List.of(List.of("Function")), "Metrics", definitions)));
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        counts.clear();
        milliseconds.clear();
    }
}
