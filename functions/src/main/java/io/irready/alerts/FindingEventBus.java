package io.irready.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.AwsCallFailedException;
import io.irready.core.ResourceIds;
import io.irready.inventory.AwsCall;
import io.irready.store.ChangedBy;
import io.irready.store.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import io.irready.core.Memo;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts every alertable transition on the home region's default event bus as
 * {@code source: "irready"}, {@code detail-type: "Readiness Finding Changed"}, so users route
 * findings with their own rules (PagerDuty, Jira, an API destination) without touching irready.
 * The detail carries the finding, its old and new status, severity and the actor. Entries the bus
 * refuses are retried once; what still fails is reported to the caller to log and count: the SNS
 * alert already carries the news, so a bus failure never fails an event or a sweep.
 */
public final class FindingEventBus {
    public static final String SOURCE = "irready";
    public static final String DETAIL_TYPE = "Readiness Finding Changed";
    /** PutEvents takes at most 10 entries per call. */
    static final int MAX_ENTRIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<EventBridgeClient> events;

    public FindingEventBus(EventBridgeClient events) {
        this(() -> events);
    }

    /** With the client built on the first transition to publish (a function that publishes none builds none). */
    public FindingEventBus(Supplier<EventBridgeClient> events) {
        this.events = Memo.of(events);
    }

    /** Entries put and entries that failed (after one retry), with why. */
    public record Outcome(int put, int failed, List<String> failures) {
    }

    public Outcome publish(List<Transition> transitions) {
        List<PutEventsRequestEntry> entries = transitions.stream().filter(Transition::alert)
                .map(FindingEventBus::entry).toList();
        int put = 0;
        int failed = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += MAX_ENTRIES) {
            List<PutEventsRequestEntry> pending = entries.subList(i, Math.min(entries.size(), i + MAX_ENTRIES));
            int size = pending.size();
            List<String> why = List.of();
            for (int attempt = 1; attempt <= 2 && !pending.isEmpty(); attempt++) {
                try {
                    List<PutEventsRequestEntry> sent = pending;
                    PutEventsResponse response = AwsCall.call("events:PutEvents",
                            () -> events.get().putEvents(r -> r.entries(sent)));
                    List<PutEventsRequestEntry> refused = new ArrayList<>();
                    List<String> reasons = new ArrayList<>();
                    List<PutEventsResultEntry> results = response.entries();
                    for (int k = 0; k < results.size() && k < sent.size(); k++) {
                        if (results.get(k).errorCode() != null) {
                            refused.add(sent.get(k));
                            reasons.add(results.get(k).errorCode() + " " + results.get(k).errorMessage());
                        }
                    }
                    pending = refused;
                    why = reasons;
                } catch (AwsCallFailedException e) {
                    why = List.of(e.getMessage());
                }
            }
            put += size - pending.size();
            failed += pending.size();
            if (!pending.isEmpty()) {
                failures.addAll(why);
            }
        }
        return new Outcome(put, failed, List.copyOf(failures));
    }

    /** One transition as an EventBridge entry on the default bus (no bus name: the default one). */
    static PutEventsRequestEntry entry(Transition t) {
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .source(SOURCE)
                .detailType(DETAIL_TYPE)
                .time(t.at())
                .detail(detail(t).toString());
        if (ResourceIds.isArn(t.resourceId())) {
            entry.resources(t.resourceId());
        }
        return entry.build();
    }

    static ObjectNode detail(Transition t) {
        ObjectNode detail = JSON.createObjectNode();
        detail.put("transitionId", t.transitionId());
        detail.put("kind", t.kind().name());
        detail.put("oldStatus", t.from().map(Enum::name).orElse(null));
        detail.put("newStatus", t.to().name());
        detail.put("severity", t.severity().name());
        detail.put("at", t.at().toString());
        ObjectNode finding = detail.putObject("finding");
        finding.put("account", t.account());
        finding.put("region", t.region());
        finding.put("checkId", t.checkId());
        finding.put("resourceId", t.resourceId());
        finding.put("severity", t.severity().name());
        finding.put("status", t.to().name());
        finding.put("reason", t.reason());
        finding.put("version", t.version());
        if (t.changedBy().isPresent()) {
            ChangedBy by = t.changedBy().get();
            ObjectNode actor = detail.putObject("actor");
            actor.put("principalArn", by.principalArn());
            actor.put("sourceIp", by.sourceIp());
            actor.put("userAgent", by.userAgent());
            actor.put("eventName", by.eventName());
            actor.put("eventId", by.eventId());
            actor.put("eventTime", by.eventTime());
        } else {
            detail.putNull("actor");
        }
        return detail;
    }
}
