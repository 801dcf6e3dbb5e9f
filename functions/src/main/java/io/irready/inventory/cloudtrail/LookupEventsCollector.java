package io.irready.inventory.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Reads the write management events of a time window from CloudTrail Event History ({@code LookupEvents},
 * always on, 90 days, about 2 requests per second per account and region). Used after a logging gap closes to
 * tell what happened while the trail was not recording.
 *
 * <p>Bounded on purpose: at most {@link Limits#maxPagesPerRegion} pages of 50 events per region, one overall
 * time budget, and {@link Limits#minInterval} between two calls to one region. Whatever is left unread sets
 * {@link Lookup#truncated}; a region that cannot be read (access denied, throttled past retries) is named in
 * {@link Lookup#problems} and also truncates the result — it never looks like "nothing happened".
 */
public final class LookupEventsCollector {
    public static final String LOOKUP_EVENTS = "cloudtrail:LookupEvents";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How much Event History one report may read. */
    public record Limits(int maxPagesPerRegion, Duration timeBudget, Duration minInterval) {
        /** 20 pages (1,000 events) per region, 60 s in all, 2 requests per second per region. */
        public static final Limits DEFAULT = new Limits(20, Duration.ofSeconds(60), Duration.ofMillis(500));
    }

    /**
     * What was read.
     *
     * @param events    the events, newest first per region (Event History's order)
     * @param pages     LookupEvents calls made
     * @param truncated some events of the window were not read (page limit, time budget or a failed region)
     * @param problems  one sentence per region that could not be read completely
     */
    public record Lookup(List<LookedUpEvent> events, int pages, boolean truncated, List<String> problems) {
        public Lookup {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }
    }

    /** Waits between calls (tests pass one that only advances a clock). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Function<String, CloudTrailClient> clientFor;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Limits limits;

    public LookupEventsCollector(Function<String, CloudTrailClient> clientFor, Clock clock, Sleeper sleeper,
                                 Limits limits) {
        this.clientFor = clientFor;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limits = limits;
    }

    /** A collector over real clients (one per region), the system clock and {@link Limits#DEFAULT}. */
    public static LookupEventsCollector standard(AwsClients clients) {
        Map<String, CloudTrailClient> byRegion = new ConcurrentHashMap<>();
        return new LookupEventsCollector(r -> byRegion.computeIfAbsent(r,
                x -> clients.shared(CloudTrailClient::builder, x)), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), Limits.DEFAULT);
    }

    /** Write management events ({@code ReadOnly=false}) between {@code start} and {@code end} in each region. */
    public Lookup writeEvents(List<String> regions, Instant start, Instant end) {
        Instant deadline = clock.instant().plus(limits.timeBudget());
        List<LookedUpEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int pages = 0;
        boolean truncated = false;
        for (String region : regions) {
            CloudTrailClient client = clientFor.apply(region);
            String token = null;
            int regionPages = 0;
            do {
                if (regionPages >= limits.maxPagesPerRegion()) {
                    problems.add(region + ": stopped after " + regionPages + " pages (page limit); older events "
                            + "of the window were not read");
                    truncated = true;
                    break;
                }
                if (!clock.instant().isBefore(deadline)) {
                    problems.add(region + ": time budget of " + limits.timeBudget().toSeconds()
                            + " s used up; " + (regionPages == 0 ? "not read" : "older events of the window were not read"));
                    truncated = true;
                    break;
                }
                if (regionPages > 0 && !pause()) {
                    problems.add(region + ": interrupted");
                    truncated = true;
                    break;
                }
                String next = token;
                LookupEventsResponse page;
                try {
                    page = AwsCall.call(LOOKUP_EVENTS, () -> client.lookupEvents(b -> b
                            .lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.READ_ONLY)
                                    .attributeValue("false").build())
                            .startTime(start).endTime(end).maxResults(50).nextToken(next)));
                } catch (AwsCallFailedException e) {
                    problems.add(region + ": " + e.getMessage());
                    truncated = true;
                    break;
                }
                pages++;
                regionPages++;
                page.events().forEach(e -> events.add(toEvent(region, e)));
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return new Lookup(events, pages, truncated, problems);
    }

    private boolean pause() {
        try {
            sleeper.sleep(limits.minInterval());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Event History's summary fields, refined from the embedded record ({@code CloudTrailEvent}) when it parses. */
    static LookedUpEvent toEvent(String region, Event e) {
        String principal = e.username() == null ? "unknown" : e.username();
        String sourceIp = "unknown";
        Optional<String> errorCode = Optional.empty();
        if (e.cloudTrailEvent() != null) {
            try {
                JsonNode record = JSON.readTree(e.cloudTrailEvent());
                JsonNode identity = record.path("userIdentity");
                if (identity.hasNonNull("arn")) {
                    principal = identity.get("arn").asText();
                } else if (identity.hasNonNull("invokedBy")) {
                    principal = identity.get("invokedBy").asText();
                }
                if (record.hasNonNull("sourceIPAddress")) {
                    sourceIp = record.get("sourceIPAddress").asText();
                }
                if (record.hasNonNull("errorCode")) {
                    errorCode = Optional.of(record.get("errorCode").asText());
                }
            } catch (Exception ignored) {
                // a malformed record keeps Event History's own summary fields
            }
        }
        return new LookedUpEvent(region, e.eventId(), e.eventTime(), e.eventSource(), e.eventName(), principal,
                sourceIp, errorCode);
    }
}
