package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.core.ResourceIds;
import io.irready.events.Extractor;
import io.irready.events.ResourceKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an event names one of irready's own rules, topics and alarms, so that the routes watching irready
 * ({@code onlyOwn}) re-evaluate {@code auditor-integrity} for calls on irready's resources and drop everyone
 * else's: a busy account changes its own rules and topics all day, and irready must not re-judge itself, or
 * announce a "tamper attempt", for each. The kinds are lookup keys (never a finding's resource):
 * {@code auditor-integrity} judges a whole region.
 */
public final class OwnResources {
    private OwnResources() {
    }

    /** An EventBridge rule on the default bus: name or ARN → {@code arn:aws:events:<region>:<account>:rule/<name>}. */
    public static final ResourceKind EVENT_RULE = ResourceKind.lookupKey("EVENT_RULE", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":events:") && v.contains(":rule/") ? v : null;
        }
        return v.contains("/") ? null : ResourceIds.arn("events", region, account, "rule/" + v);
    });

    /** An SNS topic: topic ARN as is; a subscription ARN ({@code <topic ARN>:<id>}) → its topic's ARN. */
    public static final ResourceKind TOPIC = ResourceKind.lookupKey("TOPIC", (v, region, account) -> {
        if (!ResourceIds.isArn(v) || !v.contains(":sns:")) {
            return null;
        }
        String[] parts = v.split(":");
        return parts.length == 7 ? String.join(":", java.util.Arrays.copyOf(parts, 6)) : v;
    });

    /** A CloudWatch alarm: name → {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}. */
    public static final ResourceKind ALARM = ResourceKind.lookupKey("ALARM", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":cloudwatch:") && v.contains(":alarm:") ? v : null;
        }
        return ResourceIds.arn("cloudwatch", region, account, "alarm:" + v);
    });

    /** Rule calls: {@code name} (DisableRule, DeleteRule, PutRule), {@code rule} (PutTargets, RemoveTargets). */
    static final List<Extractor> RULE_NAME = List.of(new Extractor(EVENT_RULE, "/requestParameters/name"),
            new Extractor(EVENT_RULE, "/requestParameters/rule"),
            new Extractor(EVENT_RULE, "/responseElements/ruleArn"));

    /** Topic calls name the topic; Unsubscribe and SetSubscriptionAttributes name a subscription of it. */
    static final List<Extractor> TOPIC_ARN = List.of(new Extractor(TOPIC, "/requestParameters/topicArn"),
            new Extractor(TOPIC, "/requestParameters/subscriptionArn"));

    /** Alarm state changes (read by {@link io.irready.events.AlarmStateChange}) carry the alarm's name. */
    static final List<Extractor> ALARM_NAME = List.of(new Extractor(ALARM, "/requestParameters/alarmName"));

    /**
     * The canonical ids of irready's rules (home and forwarders, each in its region), topic and alarms, for
     * {@link io.irready.events.RouteTable#withOwnResources}. Functions and the key are added by the wiring.
     */
    public static Set<String> of(AuditorIdentity auditor, String account) {
        Set<String> own = new TreeSet<>();
        auditor.ruleNames().forEach(r -> add(own, EVENT_RULE.canonical(r, auditor.region(), account)));
        auditor.alarmNames().forEach(a -> add(own, ALARM.canonical(a, auditor.region(), account)));
        for (AuditorIdentity.Forwarder f : auditor.forwarders()) {
            f.ruleNames().forEach(r -> add(own, EVENT_RULE.canonical(r, f.region(), account)));
            add(own, ALARM.canonical(f.alarmName(), f.region(), account));
        }
        auditor.topicArn().ifPresent(t -> add(own, TOPIC.canonical(t, auditor.region(), account)));
        return own;
    }

    /** A name that is not a plausible resource of its kind canonicalises to null: nothing to add. */
    private static void add(Set<String> own, String canonical) {
        if (canonical != null) {
            own.add(canonical);
        }
    }
}
