package io.irready.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes up a deployed irready, so that {@code auditor-integrity} can tell whether someone has
 * switched the auditor off: its EventBridge rules, its functions (invoked through one alias), its
 * alert topic and its key. Filled from {@code IRREADY_AUDITOR_*} variables that the CDK stack
 * writes; absent for CLI scans, where the check is NOT_APPLICABLE.
 *
 * @param region        the region irready runs in (its rules, functions, topic and key live there)
 * @param ruleNames     EventBridge rule names on the default bus ({@code IRREADY_AUDITOR_RULE_NAMES})
 * @param functionNames Lambda function names or ARNs ({@code IRREADY_AUDITOR_FUNCTION_NAMES})
 * @param alias         the alias the rules invoke ({@code IRREADY_AUDITOR_ALIAS}, default {@code live})
 * @param topicArn      the alert topic ({@code IRREADY_AUDITOR_TOPIC_ARN})
 * @param keyArn        the KMS key of the topic and table ({@code IRREADY_AUDITOR_KEY_ARN})
 */
public record AuditorIdentity(
        String region,
        List<String> ruleNames,
        List<String> functionNames,
        String alias,
        Optional<String> topicArn,
        Optional<String> keyArn) {

    public static final String DEFAULT_ALIAS = "live";

    public AuditorIdentity {
        Objects.requireNonNull(region, "region");
        ruleNames = List.copyOf(ruleNames);
        functionNames = List.copyOf(functionNames);
        alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias;
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(keyArn, "keyArn");
    }
}
