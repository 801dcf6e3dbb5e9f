package io.irready.infra;

import io.irready.core.AuditorIdentity;
import io.irready.core.UsEast1Check;
import io.irready.events.AlarmStateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one forwarder region gets, decided before any stack exists so that the home stack can tell its
 * functions which rules and alarm are irready's there: the fixed rule names (one per forwarded source, plus the
 * one that forwards its dead-letter alarm's state changes), the alarm name, and the patterns it forwards.
 * Names are {@code <stack name cut to 40>-forward-<suffix>}, one prefix, so the dead-letter queue admits every
 * rule of the forwarder in one statement ({@link RuleDeadLetters}).
 *
 * <p>us-east-1 is always a forwarder region because the global services record their calls only there; when it
 * is not also a watched region it forwards only those services' events (and its own alarm): the regional
 * events of an unwatched region would open findings that no sweep re-judges.
 */
record ForwarderPlan(String region, String namePrefix, List<Map<String, Object>> patterns) {
    static final String ALARM_SUFFIX = "dlq-not-empty";
    static final String ALARM_RULE_SUFFIX = "alarm-state";

    /** The plan for {@code region} of a deployment watching {@code sweepRegions}. */
    static ForwarderPlan of(String stackName, String region, List<String> sweepRegions,
                            List<Map<String, Object>> routedPatterns) {
        return new ForwarderPlan(region, prefix(stackName), patternsFor(region, sweepRegions, routedPatterns));
    }

    static String prefix(String stackName) {
        String safe = stackName.replaceAll("[^A-Za-z0-9-_]", "-");
        return (safe.length() > 40 ? safe.substring(0, 40) : safe) + "-forward-";
    }

    /** Every routed pattern, or in an unwatched us-east-1 only the global services' ones. */
    static List<Map<String, Object>> patternsFor(String region, List<String> sweepRegions,
                                                 List<Map<String, Object>> routedPatterns) {
        if (!region.equals(UsEast1Check.REGION) || sweepRegions.contains(region)) {
            return routedPatterns;
        }
        return routedPatterns.stream()
                .filter(p -> UsEast1Check.GLOBAL_SOURCES.contains(EventPatterns.source(p))).toList();
    }

    String ruleName(String source) {
        return namePrefix + source.replaceFirst("^aws\\.", "").replaceAll("[^A-Za-z0-9-_]", "-");
    }

    String alarmName() {
        return namePrefix + ALARM_SUFFIX;
    }

    String alarmRuleName() {
        return namePrefix + ALARM_RULE_SUFFIX;
    }

    /** The pattern of the rule that forwards this region's dead-letter alarm to the home bus. */
    Map<String, Object> alarmPattern() {
        return AlarmStateChange.pattern(List.of(alarmName()));
    }

    /** What the home region's functions are told about this forwarder. */
    AuditorIdentity.Forwarder identity() {
        List<String> rules = new ArrayList<>();
        patterns.forEach(p -> rules.add(ruleName(EventPatterns.source(p))));
        rules.add(alarmRuleName());
        return new AuditorIdentity.Forwarder(region, rules, alarmName());
    }
}
