package io.irready.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;

/**
 * The fixed physical names of one deployment, {@code <stack>-<suffix>}: the stack name cut to 40 characters so
 * every name fits the 64 that Lambda and EventBridge allow and all of them share one prefix (the dead-letter
 * queue admits rules by it). Fixed rather than generated because the functions are told, by name, which rules
 * and functions are irready's own: a Ref from a function to the rules that invoke it would be a dependency cycle.
 */
record AuditorNames(String prefix) {
    static final String EVENT_FUNCTION = "event";
    static final String SWEEP_FUNCTION = "sweep";
    static final String SLACK_WEBHOOK_FUNCTION = "slack-webhook";
    static final String CRITICAL_SWEEP_RULE = "critical-sweep";
    static final String FULL_SWEEP_RULE = "full-sweep";
    static final String CANARY_RULE = "canary";
    static final String ALARM_STATE_RULE = "alarm-state";
    /** The home region's dead-letter queues (construct ids), each with an alarm irready judges. */
    static final List<String> DEAD_LETTER_QUEUES = List.of("DeliveryDlq", "InvocationDlq", "RecheckDlq");

    static AuditorNames of(Stack stack) {
        String prefix = stack.getStackName().replaceAll("[^A-Za-z0-9-_]", "-");
        return new AuditorNames(prefix.length() > 40 ? prefix.substring(0, 40) : prefix);
    }

    /** {@code <prefix>-<suffix>}. */
    String name(String suffix) {
        return prefix + "-" + suffix;
    }

    /** What every rule name of this deployment starts with. */
    String rulePrefix() {
        return name("");
    }

    String routeRule(String source) {
        return name("route-" + source.replaceFirst("^aws\\.", "").replaceAll("[^A-Za-z0-9-_]", "-"));
    }

    /** Every rule that triggers irready: one per routed source, the two sweep schedules, the canary schedule and the alarm-state rule. */
    List<String> rules(List<Map<String, Object>> eventPatterns) {
        List<String> names = new ArrayList<>();
        eventPatterns.forEach(p -> names.add(routeRule(EventPatterns.source(p))));
        names.add(name(CRITICAL_SWEEP_RULE));
        names.add(name(FULL_SWEEP_RULE));
        names.add(name(CANARY_RULE));
        names.add(name(ALARM_STATE_RULE));
        return names;
    }

    /** The alarm on a dead-letter queue: {@code DeliveryDlq} → {@code <prefix>-delivery-dlq-not-empty}. */
    String deadLetterAlarm(String queueId) {
        return name(queueId.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + "-not-empty");
    }

    /** The home region's dead-letter alarms, in {@link #DEAD_LETTER_QUEUES} order. */
    List<String> deadLetterAlarms() {
        return DEAD_LETTER_QUEUES.stream().map(this::deadLetterAlarm).toList();
    }

    /** The functions a deployment with these props runs (the webhook function only with a webhook secret). */
    List<String> functions(ReadinessAuditorProps props) {
        List<String> names = new ArrayList<>(List.of(name(EVENT_FUNCTION), name(SWEEP_FUNCTION)));
        props.slackWebhookSecretName().ifPresent(s -> names.add(name(SLACK_WEBHOOK_FUNCTION)));
        return names;
    }
}
