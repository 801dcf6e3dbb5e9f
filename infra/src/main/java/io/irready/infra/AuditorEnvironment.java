package io.irready.infra;

import io.irready.core.AuditorIdentity;
import io.irready.core.EnvironmentNames;
import io.irready.core.Suppression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code IRREADY_*} settings every function gets, in the format {@code Config.fromEnvironment} reads.
 * Only values that differ from no-setting are written, so the Lambda console shows what was configured.
 * Secrets never go here: the webhook function receives the secret's ARN, not its value.
 */
final class AuditorEnvironment {
    /** Lambda's JVM starts faster with C1 only; SnapStart restores hide most of the rest. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private AuditorEnvironment() {
    }

    /** The configuration keys of {@code io.irready.core.Config}, from the props. */
    static Map<String, String> config(ReadinessAuditorProps props, String homeRegion) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentNames.IRREADY_REGIONS, String.join(",", props.sweepRegions(homeRegion)));
        env.put(EnvironmentNames.IRREADY_RETENTION_DAYS, Integer.toString(props.retentionDays()));
        props.responderRoleArn().ifPresent(arn -> env.put(EnvironmentNames.IRREADY_RESPONDER_ROLE_ARN, arn));
        env.put(EnvironmentNames.IRREADY_MIN_ALERT_SEVERITY, props.minAlertSeverity().name());
        if (!props.disabledChecks().isEmpty()) {
            env.put(EnvironmentNames.IRREADY_DISABLED_CHECKS, props.disabledChecks().stream().sorted()
                    .collect(Collectors.joining(",")));
        }
        if (!props.suppressions().isEmpty()) {
            env.put(EnvironmentNames.IRREADY_SUPPRESSIONS, props.suppressions().stream().map(Suppression::toString)
                    .collect(Collectors.joining(",")));
        }
        if (props.securityHub()) {
            env.put(EnvironmentNames.IRREADY_SECURITY_HUB, "true");
        }
        if (props.multiAccount()) {
            env.put(EnvironmentNames.IRREADY_AUDIT_ROLE_NAME, props.effectiveAuditRoleName());
        }
        if (!props.accountScope().isAny()) {
            env.put(EnvironmentNames.IRREADY_ACCOUNT_SCOPE, props.accountScope().toString());
        }
        return env;
    }

    /** Config plus the JVM options every Java function gets. */
    static Map<String, String> common(ReadinessAuditorProps props, String homeRegion) {
        Map<String, String> env = new LinkedHashMap<>(config(props, homeRegion));
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return env;
    }

    /**
     * What the event and sweep functions get: the config plus where irready's own table, topic and re-check queue
     * are, and, for the auditor-integrity check, which region, rules, functions, alias, topic and key are
     * irready itself.
     */
    static Map<String, String> auditFunctions(ReadinessAuditorProps props, String homeRegion, AuditorStorage storage,
                                              AuditorNames names) {
        Map<String, String> env = new LinkedHashMap<>(common(props, homeRegion));
        env.put(EnvironmentNames.IRREADY_TABLE_NAME, storage.table().getTableName());
        env.put(EnvironmentNames.IRREADY_TOPIC_ARN, storage.topic().getTopicArn());
        props.integrityTopicArn().ifPresent(arn -> env.put(EnvironmentNames.IRREADY_INTEGRITY_TOPIC_ARN, arn));
        env.put(EnvironmentNames.IRREADY_RECHECK_QUEUE_URL, storage.recheckQueue().getQueueUrl());
        env.put(EnvironmentNames.IRREADY_AUDITOR_REGION, homeRegion);
        env.put(EnvironmentNames.IRREADY_AUDITOR_RULE_NAMES, String.join(",", names.rules(props.eventPatterns())));
        env.put(EnvironmentNames.IRREADY_AUDITOR_FUNCTION_NAMES, String.join(",", names.functions(props)));
        env.put(EnvironmentNames.IRREADY_AUDITOR_ALIAS, ReadinessAuditor.ALIAS);
        env.put(EnvironmentNames.IRREADY_AUDITOR_TOPIC_ARN, storage.topic().getTopicArn());
        env.put(EnvironmentNames.IRREADY_AUDITOR_KEY_ARN, storage.alertKey().getKeyArn());
        env.put(EnvironmentNames.IRREADY_CANARY_MAX_DELAY_MINUTES, Integer.toString(props.canaryMaxDelayMinutes()));
        env.put(EnvironmentNames.IRREADY_AUDITOR_ALARM_NAMES, String.join(",", names.deadLetterAlarms()));
        if (!props.forwarders().isEmpty()) {
            env.put(EnvironmentNames.IRREADY_AUDITOR_FORWARDERS, AuditorIdentity.Forwarder.format(props.forwarders()));
        }
        env.put(EnvironmentNames.IRREADY_AUDITOR_ON_FAILURE_ARN, storage.invocationDlq().getQueueArn());
        env.put(EnvironmentNames.IRREADY_AUDITOR_ASYNC_RETRIES, Integer.toString(ReadinessAuditor.ASYNC_RETRY_ATTEMPTS));
        if (props.mutelist().isPresent()) {
            env.put(EnvironmentNames.IRREADY_MUTELIST_FILE, MuteListLayer.PATH_IN_FUNCTION);
        }
        return env;
    }

    /** The Slack webhook function needs only where its secret is (the ARN, never the value). */
    static Map<String, String> slackWebhookFunction(String secretArn) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentNames.IRREADY_SLACK_WEBHOOK_SECRET_ARN, secretArn);
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        return env;
    }

    /** Suppressions are comma-separated on the wire, so a pattern must not contain a comma. */
    static void requireCommaFree(List<Suppression> suppressions) {
        for (Suppression s : suppressions) {
            if (s.toString().contains(",")) {
                throw new IllegalArgumentException("suppression '" + s + "' contains a comma, which the "
                        + "IRREADY_SUPPRESSIONS list cannot carry; use * in the pattern instead");
            }
        }
    }
}
