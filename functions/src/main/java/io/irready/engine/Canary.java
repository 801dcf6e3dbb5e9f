package io.irready.engine;

import io.irready.core.AwsCallFailedException;
import io.irready.core.FailureText;
import io.irready.events.CloudTrailEvent;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.ServiceCollector;
import io.irready.inventory.irready.CanaryInventory;
import io.irready.inventory.irready.CanaryRecord;
import io.irready.store.CanaryRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The pipeline canary: proof that CloudTrail events still reach irready from every watched region. On its
 * schedule, {@link #send} tags irready's own log group {@value CanaryInventory#LOG_GROUP_NAME} in each region
 * (a harmless write that CloudTrail records, with the send time as the tag's value) and records the attempt;
 * {@link #receive} recognises that call's CloudTrail event when it comes back through EventBridge, records the
 * arrival and emits the observed delay as {@value #DELAY_METRIC} per Region. {@code auditor-integrity} judges
 * the records ({@code CanaryPart}).
 */
public final class Canary {
    /** The tag the canary writes; its value is the send time (ISO-8601), which its event carries back. */
    public static final String TAG = "irready:canary";
    /** CloudTrail eventTime → receipt by the event function, seconds, dimension Region. */
    public static final String DELAY_METRIC = "CanaryDelaySeconds";
    /** Canary write → receipt of its event, seconds, dimension Region. */
    public static final String ROUND_TRIP_METRIC = "CanaryRoundTripSeconds";
    public static final String SENT_METRIC = "CanariesSent";
    public static final String SEND_FAILED_METRIC = "CanarySendFailures";
    static final String TAG_RESOURCE = "logs:TagResource";

    /** One region's canary write: when (ISO-8601), and why it failed ({@code null} when it did not). */
    public record Sent(String region, String at, String failure) {
    }

    private final CanarySettings settings;
    private final CanaryRecords records;
    private final AwsClients clients;
    private final Supplier<String> ownAccount;
    private final List<String> regions;
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;
    private final Map<String, CloudWatchLogsClient> logsByRegion = new ConcurrentHashMap<>();

    Canary(CanarySettings settings, Collaborators with) {
        this.settings = settings;
        this.records = with.store().canary();
        this.clients = with.inventories().clients();
        this.ownAccount = with.ownAccount();
        this.regions = with.regions();
        this.clock = with.clock();
        this.log = with.log();
        this.metrics = with.metrics();
    }

    public CanarySettings settings() {
        return settings;
    }

    /** Writes the canary in every watched region; a region whose write fails is recorded and does not stop the others. */
    public List<Sent> send() {
        String account = ownAccount.get();
        List<Sent> sent = new ArrayList<>();
        for (String region : regions) {
            Instant at = clock.instant();
            try {
                AwsCall.call(TAG_RESOURCE, () -> logs(region).tagResource(b -> b
                        .resourceArn(CanaryInventory.logGroupArn(region, account))
                        .tags(Map.of(TAG, at.toString()))));
                records.recordSent(account, region, at);
                metrics.count(SENT_METRIC);
                log.info("canary sent", "region", region, "at", at.toString());
                sent.add(new Sent(region, at.toString(), null));
            } catch (AwsCallFailedException e) {
                String failure = FailureText.clean(e.getMessage());
                records.recordSendFailure(account, region, at, failure);
                metrics.count(SEND_FAILED_METRIC);
                log.warn("canary could not be sent", "region", region, "error", failure);
                sent.add(new Sent(region, at.toString(), failure));
            }
        }
        return sent;
    }

    /**
     * Records the arrival when {@code event} is the canary's own call (irready's account, its canary log group);
     * false for any other event.
     */
    public boolean receive(CloudTrailEvent event) {
        if (!isCanary(event, ownAccount.get())) {
            return false;
        }
        Instant receivedAt = clock.instant();
        String region = event.awsRegion();
        long delay = Math.max(0, Duration.between(event.eventTime(), receivedAt).toSeconds());
        boolean latest = records.recordArrival(event.account(), region, event.eventTime(), receivedAt);
        metrics.gauge(DELAY_METRIC, "Region", region, delay, "Seconds");
        Optional<Instant> sentAt = sentAt(event);
        sentAt.ifPresent(at -> metrics.gauge(ROUND_TRIP_METRIC, "Region", region,
                Math.max(0, Duration.between(at, receivedAt).toSeconds()), "Seconds"));
        log.info("canary event arrived", "region", region, "eventId", event.eventId(),
                "delaySeconds", delay, "sentAt", sentAt.map(Instant::toString).orElse("unknown"), "latest", latest);
        return true;
    }

    /** The canary's record in a region (for tests and the CLI). */
    public Optional<CanaryRecord> record(String region) {
        return records.get(ownAccount.get(), region);
    }

    /** irready's own TagResource on its canary log group, in irready's account (not a look-alike elsewhere). */
    static boolean isCanary(CloudTrailEvent event, String ownAccount) {
        if (!"logs.amazonaws.com".equals(event.eventSource()) || !"TagResource".equals(event.eventName())
                || !ownAccount.equals(event.account())) {
            return false;
        }
        String arn = event.requestParameters().path("resourceArn").asText("");
        return arn.equals(CanaryInventory.logGroupArn(event.awsRegion(), ownAccount))
                || arn.equals(CanaryInventory.logGroupArn(event.awsRegion(), ownAccount) + ":*");
    }

    private static Optional<Instant> sentAt(CloudTrailEvent event) {
        String value = event.requestParameters().path("tags").path(TAG).asText("");
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private CloudWatchLogsClient logs(String region) {
        return logsByRegion.computeIfAbsent(region, r -> clients.build(CloudWatchLogsClient.builder(), r));
    }

    /** The inventory the checks read the canary records from, per account and region, judged at {@code clock}'s time. */
    static ServiceCollector<CanaryInventory> collector(CanarySettings settings, CanaryRecords records, Clock clock) {
        return ServiceCollector.of(CanaryInventory.class, (c, account, region) ->
                new CanaryInventory(settings.maxDelay(), clock.instant(), () -> records.get(account, region)));
    }
}
