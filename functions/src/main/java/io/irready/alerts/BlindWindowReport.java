package io.irready.alerts;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.LookedUpEvent;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.inventory.cloudtrail.Trail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happened while CloudTrail was not logging: when {@code cloudtrail-logging-all-regions} goes FAIL → PASS,
 * irready reads the window's write management events from CloudTrail Event History (which keeps recording while
 * trails are stopped) and attaches this summary to the resolved finding's history and the resolved alert.
 *
 * @param start        start of the blind window (the trail's StopLoggingTime, or the FAIL's first observation)
 * @param end          end of the window (when logging was seen back)
 * @param regions      the regions read
 * @param total        events read
 * @param byEventName  events per event name, most frequent first
 * @param principals   distinct principals, most active first
 * @param sourceIps    distinct source IPs, most active first
 * @param firstEvents  the earliest events read, oldest first
 * @param pages        LookupEvents calls made
 * @param truncated    some events of the window were not read (limits, or a region could not be read)
 * @param problems     why, per region
 */
public record BlindWindowReport(
        Instant start,
        Instant end,
        List<String> regions,
        int total,
        Map<String, Long> byEventName,
        List<String> principals,
        List<String> sourceIps,
        List<LookedUpEvent> firstEvents,
        int pages,
        boolean truncated,
        List<String> problems) {

    /** How many events the report lists one by one. */
    public static final int FIRST_EVENTS = 10;
    /** Event History keeps 90 days; a window cannot usefully start earlier. */
    static final Duration EVENT_HISTORY = Duration.ofDays(90);
    /** A StopLoggingTime this much older than the FAIL's first observation belongs to an earlier gap. */
    static final Duration STOP_TIME_SLACK = Duration.ofDays(1);
    private static final int MAX_FIELD = 160;

    public BlindWindowReport {
        regions = List.copyOf(regions);
        byEventName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byEventName));
        principals = List.copyOf(principals);
        sourceIps = List.copyOf(sourceIps);
        firstEvents = List.copyOf(firstEvents);
        problems = List.copyOf(problems);
    }

    /** Reads Event History for the window and summarises it. */
    public static BlindWindowReport build(LookupEventsCollector lookups, List<String> regions, Instant start,
                                          Instant end) {
        return summarise(start, end, regions, lookups.writeEvents(regions, start, end));
    }

    /**
     * Where the window starts: the latest {@code StopLoggingTime} of the trails recording {@code region}, when it
     * is no more than a day before the FAIL was first seen (otherwise it belongs to an earlier gap), else the
     * FAIL's first observation; never more than Event History's 90 days before {@code now}.
     */
    public static Instant windowStart(CloudTrailInventory cloudTrail, String region, Instant failFirstSeenAt,
                                      Instant now) {
        Optional<Instant> stopped = Optional.empty();
        try {
            stopped = cloudTrail.trails().stream().filter(t -> t.recordsRegion(region)).map(Trail::arn)
                    .map(arn -> cloudTrail.status(arn).stopLoggingTime()).flatMap(Optional::stream)
                    .max(Comparator.naturalOrder());
        } catch (AwsCallFailedException e) {
            // the FAIL's first observation is a sound, if later, start
        }
        Instant start = stopped.filter(s -> !s.isBefore(failFirstSeenAt.minus(STOP_TIME_SLACK)) && s.isBefore(now))
                .filter(s -> s.isBefore(failFirstSeenAt)).orElse(failFirstSeenAt);
        Instant oldest = now.minus(EVENT_HISTORY);
        return start.isBefore(oldest) ? oldest : start;
    }

    /** Summarises what {@link LookupEventsCollector} read. */
    public static BlindWindowReport summarise(Instant start, Instant end, List<String> regions,
                                              LookupEventsCollector.Lookup lookup) {
        List<LookedUpEvent> events = lookup.events();
        return new BlindWindowReport(start, end, regions, events.size(),
                ranked(events, LookedUpEvent::eventName),
                List.copyOf(ranked(events, LookedUpEvent::principal).keySet()),
                List.copyOf(ranked(events, LookedUpEvent::sourceIp).keySet()),
                events.stream().sorted(Comparator.comparing(LookedUpEvent::time)).limit(FIRST_EVENTS).toList(),
                lookup.pages(), lookup.truncated(), lookup.problems());
    }

    private static Map<String, Long> ranked(List<LookedUpEvent> events, Function<LookedUpEvent, String> key) {
        Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** The report as plain text for alerts and the finding's history; every event-derived string is neutralised. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        long minutes = Duration.between(start, end).toMinutes();
        out.append("While CloudTrail was not logging (").append(start.truncatedTo(ChronoUnit.SECONDS)).append(" to ")
                .append(end.truncatedTo(ChronoUnit.SECONDS)).append(", ").append(minutes).append(" min; ")
                .append(String.join(", ", regions)).append("), CloudTrail Event History recorded ");
        if (total == 0) {
            out.append(truncated ? "no write management events that irready could read." : "no write management events.");
        } else {
            out.append(total).append(" write management event").append(total == 1 ? "" : "s").append(":\n");
            out.append("  by event name: ").append(byEventName.entrySet().stream()
                    .map(e -> clean(e.getKey()) + " x" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
            out.append("  principals: ").append(principals.stream().map(BlindWindowReport::clean)
                    .collect(Collectors.joining(", "))).append('\n');
            out.append("  source IPs: ").append(sourceIps.stream().map(BlindWindowReport::clean)
                    .collect(Collectors.joining(", "))).append('\n');
            out.append("  first ").append(firstEvents.size()).append(" event").append(firstEvents.size() == 1 ? "" : "s")
                    .append(":");
            for (LookedUpEvent e : firstEvents) {
                out.append("\n    ").append(e.time().truncatedTo(ChronoUnit.SECONDS)).append(' ').append(e.region())
                        .append(' ').append(clean(e.eventSource())).append(' ').append(clean(e.eventName()))
                        .append(" by ").append(clean(e.principal())).append(" from ").append(clean(e.sourceIp()))
                        .append(e.errorCode().map(c -> " (failed: " + clean(c) + ")").orElse(""));
            }
        }
        if (truncated) {
            out.append("\n  TRUNCATED: this is not everything that happened. ")
                    .append(problems.stream().map(BlindWindowReport::clean).collect(Collectors.joining("; ")))
                    .append(". Read the rest in Event History: aws cloudtrail lookup-events --lookup-attributes "
                            + "AttributeKey=ReadOnly,AttributeValue=false --start-time ").append(start)
                    .append(" --end-time ").append(end);
        }
        return out.toString();
    }

    /** A map for the finding's history item (JSON-ready: strings, numbers, booleans, lists). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("start", start.toString());
        map.put("end", end.toString());
        map.put("regions", regions);
        map.put("total", total);
        map.put("byEventName", byEventName.entrySet().stream().collect(Collectors.toMap(e -> clean(e.getKey()),
                Map.Entry::getValue, (a, b) -> a + b, LinkedHashMap::new)));
        map.put("principals", principals.stream().map(BlindWindowReport::clean).toList());
        map.put("sourceIps", sourceIps.stream().map(BlindWindowReport::clean).toList());
        map.put("firstEvents", firstEvents.stream().map(e -> e.time() + " " + e.region() + " " + clean(e.eventName())
                + " by " + clean(e.principal()) + " from " + clean(e.sourceIp())).toList());
        map.put("pages", pages);
        map.put("truncated", truncated);
        map.put("problems", problems.stream().map(BlindWindowReport::clean).toList());
        return map;
    }

    /**
     * Event fields are attacker-controlled: no control characters, no Slack markup ({@code <!channel>},
     * {@code <http://…|spoofed>}), bounded length.
     */
    static String clean(String value) {
        if (value == null) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(' ');
            } else if (c == '<') {
                out.append('‹');
            } else if (c == '>') {
                out.append('›');
            } else if (c == '&') {
                out.append('+');
            } else {
                out.appendCodePoint(c);
            }
        });
        String s = out.toString().strip();
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) + "…" : s;
    }
}
