package io.irready.infra;

import io.irready.events.AlarmStateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * What invokes irready: one EventBridge rule per routed event source, generated from the routing table, and the
 * critical and full sweep schedules and the pipeline canary's schedule; every target retries and then drops into the delivery dead-letter queue.
 * Built directly in the auditor's scope, not in a child construct, so the logical ids stay those of deployed
 * stacks.
 */
final class AuditorTriggers {
    private final List<Rule> routeRules = new ArrayList<>();

    AuditorTriggers(Construct auditor, ReadinessAuditorProps props, AuditorNames names, Alias eventAlias,
                    Alias sweepAlias, Queue deliveryDlq) {
        this(auditor, props, names, eventAlias, sweepAlias, input -> target(sweepAlias, input), deliveryDlq);
    }

    /** @param sweepTarget what the schedules start with {@code {"mode": …}} (the sweep function, or in organization
     *                    mode the state machine that fans the sweep out over the accounts); the canary always
     *                    invokes {@code sweepAlias}: it probes this account's own regions, never the members' */
    AuditorTriggers(Construct auditor, ReadinessAuditorProps props, AuditorNames names, Alias eventAlias,
                    Alias sweepAlias, java.util.function.Function<RuleTargetInput, IRuleTarget> sweepTarget,
                    Queue deliveryDlq) {
        routeRules(auditor, props, names, eventAlias, deliveryDlq);
        sweepSchedules(auditor, props, names, sweepAlias, sweepTarget, deliveryDlq);
    }

    /** One rule per event source, exactly the routing table's pattern (forwarded events match them too). */
    private void routeRules(Construct auditor, ReadinessAuditorProps props, AuditorNames names, Alias eventAlias,
                            Queue deliveryDlq) {
        if (props.eventPatterns().isEmpty()) {
            throw new IllegalArgumentException("ReadinessAuditorProps.eventPatterns is empty: pass "
                    + "EventBridgePatterns.of(Catalog.routeTable()) (the checks' routes)");
        }
        for (Map<String, Object> pattern : props.eventPatterns()) {
            String source = EventPatterns.source(pattern);
            Rule rule = Rule.Builder.create(auditor, "Route" + EventPatterns.idFor(source))
                    .ruleName(names.routeRule(source))
                    .description("irready: re-evaluate readiness on " + source
                            + " API calls (generated from the routing table)")
                    .eventPattern(EventPatterns.toCdk(pattern))
                    .targets(List.of(target(eventAlias, null)))
                    .build();
            RuleDeadLetters.attach(rule, deliveryDlq);
            routeRules.add(rule);
        }
        alarmStateRule(auditor, props, names, eventAlias, deliveryDlq);
        RuleDeadLetters.allowRules(deliveryDlq, names.rulePrefix());
    }

    /**
     * State changes of irready's dead-letter alarms, the home region's and the forwarders' (which their
     * forwarders send here), re-evaluate auditor-integrity: a queue holding events is a region not watched.
     */
    private void alarmStateRule(Construct auditor, ReadinessAuditorProps props, AuditorNames names, Alias eventAlias,
                                Queue deliveryDlq) {
        List<String> alarms = new ArrayList<>(names.deadLetterAlarms());
        props.forwarders().forEach(f -> alarms.add(f.alarmName()));
        Rule rule = Rule.Builder.create(auditor, "RouteAlarmState")
                .ruleName(names.name(AuditorNames.ALARM_STATE_RULE))
                .description("irready: re-evaluate auditor-integrity when a dead-letter alarm of irready changes state")
                .eventPattern(EventPatterns.toCdk(AlarmStateChange.pattern(alarms)))
                .targets(List.of(target(eventAlias, null)))
                .build();
        RuleDeadLetters.attach(rule, deliveryDlq);
    }

    private static void sweepSchedules(Construct auditor, ReadinessAuditorProps props, AuditorNames names,
                                       Alias sweepAlias, java.util.function.Function<RuleTargetInput, IRuleTarget> sweepTarget,
                                       Queue deliveryDlq) {
        Rule critical = Rule.Builder.create(auditor, "CriticalSweep")
                .ruleName(names.name(AuditorNames.CRITICAL_SWEEP_RULE))
                .description("irready: sweep CRITICAL checks in every region")
                .schedule(Schedule.rate(Duration.minutes(props.criticalSweepMinutes())))
                .targets(List.of(sweepTarget.apply(RuleTargetInput.fromObject(Map.of("mode", "critical")))))
                .build();
        Rule full = Rule.Builder.create(auditor, "FullSweep")
                .ruleName(names.name(AuditorNames.FULL_SWEEP_RULE))
                .description("irready: sweep every check in every region (and republish unsent alerts)")
                .schedule(Schedule.rate(Duration.minutes(props.fullSweepMinutes())))
                .targets(List.of(sweepTarget.apply(RuleTargetInput.fromObject(Map.of("mode", "full")))))
                .build();
        Rule canary = Rule.Builder.create(auditor, "CanarySchedule")
                .ruleName(names.name(AuditorNames.CANARY_RULE))
                .description("irready: tag its /irready/canary log group in every watched region, so that the "
                        + "CloudTrail event coming back proves events still reach irready")
                .schedule(Schedule.rate(Duration.minutes(props.canaryMinutes())))
                .targets(List.of(target(sweepAlias, RuleTargetInput.fromObject(Map.of("mode", "canary")))))
                .build();
        RuleDeadLetters.attach(critical, deliveryDlq);
        RuleDeadLetters.attach(full, deliveryDlq);
        RuleDeadLetters.attach(canary, deliveryDlq);
    }

    /** Retry policy here; the dead-letter queue is attached by {@link RuleDeadLetters}. */
    private static LambdaFunction target(Alias alias, RuleTargetInput input) {
        LambdaFunctionProps.Builder p = LambdaFunctionProps.builder()
                .maxEventAge(ReadinessAuditor.TARGET_MAX_EVENT_AGE)
                .retryAttempts(ReadinessAuditor.TARGET_RETRY_ATTEMPTS);
        if (input != null) {
            p.event(input);
        }
        return new LambdaFunction(alias, p.build());
    }

    List<Rule> routeRules() {
        return List.copyOf(routeRules);
    }
}
