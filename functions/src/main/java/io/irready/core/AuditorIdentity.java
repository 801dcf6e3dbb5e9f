package io.irready.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What makes up a deployed irready, so that {@code auditor-integrity} can tell whether someone has
 * switched the auditor off: its EventBridge rules, its functions (invoked through one alias), its
 * alert topic and its key, the alarms on its dead-letter queues, and the forwarders of its other
 * regions. Filled from {@code IRREADY_AUDITOR_*} variables that the CDK stack writes; absent for CLI
 * scans, where the check is NOT_APPLICABLE.
 *
 * @param region          the region irready runs in (its rules, functions, topic and key live there)
 * @param ruleNames       EventBridge rule names on the default bus ({@code IRREADY_AUDITOR_RULE_NAMES})
 * @param functionNames   Lambda function names or ARNs ({@code IRREADY_AUDITOR_FUNCTION_NAMES})
 * @param alias           the alias the rules invoke ({@code IRREADY_AUDITOR_ALIAS}, default {@code live})
 * @param topicArn        the alert topic ({@code IRREADY_AUDITOR_TOPIC_ARN})
 * @param keyArn          the KMS key of the topic and table ({@code IRREADY_AUDITOR_KEY_ARN})
 * @param alarmNames      the home region's dead-letter-queue alarms ({@code IRREADY_AUDITOR_ALARM_NAMES})
 * @param forwarders      the forwarders of the other regions ({@code IRREADY_AUDITOR_FORWARDERS})
 * @param asyncInvoke     what the alias' event invoke config must keep ({@code IRREADY_AUDITOR_ON_FAILURE_ARN},
 *                        {@code IRREADY_AUDITOR_ASYNC_RETRIES}); empty when the deployment sets none
 */
public record AuditorIdentity(
        String region,
        List<String> ruleNames,
        List<String> functionNames,
        String alias,
        Optional<String> topicArn,
        Optional<String> keyArn,
        List<String> alarmNames,
        List<Forwarder> forwarders,
        Optional<AsyncInvoke> asyncInvoke) {

    public static final String DEFAULT_ALIAS = "live";

    public AuditorIdentity {
        Objects.requireNonNull(region, "region");
        ruleNames = List.copyOf(ruleNames);
        functionNames = List.copyOf(functionNames);
        alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias;
        Objects.requireNonNull(topicArn, "topicArn");
        Objects.requireNonNull(keyArn, "keyArn");
        alarmNames = List.copyOf(alarmNames);
        forwarders = List.copyOf(forwarders);
        Objects.requireNonNull(asyncInvoke, "asyncInvoke");
    }

    /** A deployment without alarms, forwarders or an async invoke config to keep. */
    public AuditorIdentity(String region, List<String> ruleNames, List<String> functionNames, String alias,
                           Optional<String> topicArn, Optional<String> keyArn) {
        this(region, ruleNames, functionNames, alias, topicArn, keyArn, List.of(), List.of(), Optional.empty());
    }

    /** The forwarder of {@code region}, if irready forwards from there. */
    public Optional<Forwarder> forwarder(String region) {
        return forwarders.stream().filter(f -> f.region().equals(region)).findFirst();
    }

    /**
     * irready's parts in another region: rules that forward routed events to the home region's default bus
     * (each with a dead-letter queue), and the alarm on that queue.
     *
     * @param region    where the forwarder runs
     * @param ruleNames its rules (on that region's default bus)
     * @param alarmName the alarm on its dead-letter queue (ApproximateNumberOfMessagesVisible &gt; 0)
     */
    public record Forwarder(String region, List<String> ruleNames, String alarmName) {
        private static final String FIELDS = "\\|";

        public Forwarder {
            Objects.requireNonNull(region, "region");
            ruleNames = List.copyOf(ruleNames);
            Objects.requireNonNull(alarmName, "alarmName");
        }

        /**
         * The forwarders as one environment value: {@code region|alarm|rulePrefix|suffix+suffix;…}. Rule names
         * share a prefix, so they are written once: Lambda allows 4 KB of environment in all.
         */
        public static String format(List<Forwarder> forwarders) {
            List<String> entries = new ArrayList<>();
            for (Forwarder f : forwarders) {
                String prefix = commonPrefix(f.ruleNames);
                entries.add(f.region + "|" + f.alarmName + "|" + prefix + "|"
                        + String.join("+", f.ruleNames.stream().map(n -> n.substring(prefix.length())).toList()));
            }
            return String.join(";", entries);
        }

        /** Reads what {@link #format} wrote; an entry that is not {@code region|alarm|prefix|suffixes} fails. */
        public static List<Forwarder> parse(String text) {
            List<Forwarder> result = new ArrayList<>();
            for (String entry : text.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.strip().split(FIELDS, -1);
                if (parts.length != 4 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("a forwarder must be region|alarm|rulePrefix|suffix+suffix, "
                            + "got '" + entry + "'");
                }
                List<String> rules = Arrays.stream(parts[3].split("\\+")).filter(s -> !s.isBlank())
                        .map(s -> parts[2] + s).toList();
                result.add(new Forwarder(parts[0], rules, parts[1]));
            }
            return result;
        }

        private static String commonPrefix(List<String> names) {
            if (names.isEmpty()) {
                return "";
            }
            String prefix = names.get(0);
            for (String name : names) {
                int i = 0;
                while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, i);
            }
            // never the whole of a name: every rule keeps a non-empty suffix
            int shortest = names.stream().mapToInt(String::length).min().orElse(0);
            return prefix.length() >= shortest ? prefix.substring(0, Math.max(0, shortest - 1)) : prefix;
        }
    }

    /**
     * The asynchronous invocation settings irready puts on each function's alias: a failed event is retried
     * {@code maxRetryAttempts} times, then goes to {@code onFailureArn}. Fewer retries or another destination
     * means events are silently lost or read by someone else.
     */
    public record AsyncInvoke(int maxRetryAttempts, String onFailureArn) {
        public AsyncInvoke {
            Objects.requireNonNull(onFailureArn, "onFailureArn");
        }
    }
}
