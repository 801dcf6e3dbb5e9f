package io.irready.core;

import static io.irready.core.EnvironmentNames.AWS_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_ACCOUNT_SCOPE;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_ALARM_NAMES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_ALIAS;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_ASYNC_RETRIES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_FORWARDERS;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_FUNCTION_NAMES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_KEY_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_ON_FAILURE_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_RULE_NAMES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_TOPIC_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_DISABLED_CHECKS;
import static io.irready.core.EnvironmentNames.IRREADY_EVIDENCE_BUCKET_TAG;
import static io.irready.core.EnvironmentNames.IRREADY_FLOW_LOG_TRAFFIC_TYPE;
import static io.irready.core.EnvironmentNames.IRREADY_FORENSIC_LOG_GROUP_PREFIXES;
import static io.irready.core.EnvironmentNames.IRREADY_HISTORY_TTL_DAYS;
import static io.irready.core.EnvironmentNames.IRREADY_MIN_ALERT_SEVERITY;
import static io.irready.core.EnvironmentNames.IRREADY_MUTELIST_FILE;
import static io.irready.core.EnvironmentNames.IRREADY_RDS_LOG_TYPES;
import static io.irready.core.EnvironmentNames.IRREADY_REGIONS;
import static io.irready.core.EnvironmentNames.IRREADY_RESPONDER_ACTIONS;
import static io.irready.core.EnvironmentNames.IRREADY_RESPONDER_ROLE_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_RETENTION_DAYS;
import static io.irready.core.EnvironmentNames.IRREADY_SECURITY_HUB;
import static io.irready.core.EnvironmentNames.IRREADY_SKIP_VPCS_WITHOUT_INTERFACES;
import static io.irready.core.EnvironmentNames.IRREADY_SUPPRESSIONS;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one configuration object: thresholds, switched-off checks, suppressions, regions.
 * Filled from the Lambda environment ({@link #fromEnvironment}), CDK context or CLI flags.
 *
 * @param regions                   regions to evaluate (empty: the caller's default region)
 * @param retentionDays             minimum retention of forensic logs (trail bucket lifecycle, log groups)
 * @param flowLogTrafficType        traffic type a VPC flow log must capture (ALL, REJECT, ACCEPT)
 * @param skipVpcsWithoutInterfaces do not require flow logs on VPCs with no network interfaces
 * @param rdsEssentialLogTypes      per engine, the log types that must be exported to CloudWatch Logs
 * @param forensicLogGroupPrefixes  log group name prefixes that hold evidence (retention is checked on them)
 * @param responderRoleArn          the incident-response role whose access is checked (optional)
 * @param responderActions          what that role must be allowed to do
 * @param minAlertSeverity          transitions below this severity are stored but not alerted
 * @param disabledChecks            check ids switched off
 * @param suppressions              accepted risks in the short form (muted with {@link MuteEntry#SUPPRESSION_REASON})
 * @param mutes                     accepted risks of the mute list ({@link MuteList})
 * @param historyTtlDays            how long transition history is kept
 * @param auditor                   irready's own deployment, judged by {@code auditor-integrity} (absent for CLI scans)
 * @param securityHubImport         import every transition into Security Hub as an ASFF finding (opt-in)
 * @param accountScope              the accounts whose events are evaluated (the home account always is)
 * @param evidenceBucketTag         {@code key=value} (or {@code key}: any value) of the tag that marks a bucket holding
 *                                  sensitive data or evidence, whose object access must be recorded
 */
public record Config(
        List<String> regions,
        int retentionDays,
        String flowLogTrafficType,
        boolean skipVpcsWithoutInterfaces,
        Map<String, List<String>> rdsEssentialLogTypes,
        List<String> forensicLogGroupPrefixes,
        Optional<String> responderRoleArn,
        List<String> responderActions,
        Severity minAlertSeverity,
        Set<String> disabledChecks,
        List<Suppression> suppressions,
        List<MuteEntry> mutes,
        int historyTtlDays,
        Optional<AuditorIdentity> auditor,
        boolean securityHubImport,
        AccountScope accountScope,
        String evidenceBucketTag) {

    public static final int DEFAULT_RETENTION_DAYS = 365;
    public static final String DEFAULT_EVIDENCE_BUCKET_TAG = "irready:evidence=true";

    /** DESIGN.md §3: the log types without which an RDS investigation is blind, per engine. */
    public static final Map<String, List<String>> DEFAULT_RDS_LOG_TYPES = orderedMap(
            "mysql", List.of("audit", "error"),
            "mariadb", List.of("audit", "error"),
            "aurora-mysql", List.of("audit", "error"),
            "postgres", List.of("postgresql"),
            "aurora-postgresql", List.of("postgresql"),
            "oracle", List.of("alert", "audit"),
            "sqlserver", List.of("error", "agent"));

    public static final List<String> DEFAULT_FORENSIC_PREFIXES = List.of(
            "aws-cloudtrail-logs", "/aws/cloudtrail", "/aws/vpc", "vpc-flow-logs", "/aws/rds/", "/aws/lambda/",
            "/aws/ec2", "/ec2/", "amazon-cloudwatch-agent", "/aws/route53resolver");

    public static final List<String> DEFAULT_RESPONDER_ACTIONS = List.of(
            "ec2:CreateSnapshot", "ec2:DescribeInstances", "ec2:DescribeVolumes", "ssm:SendCommand",
            "ssm:DescribeInstanceInformation", "logs:StartQuery", "logs:GetQueryResults",
            "cloudtrail:LookupEvents", "s3:GetObject");

    public Config {
        regions = List.copyOf(regions);
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1, got " + retentionDays);
        }
        flowLogTrafficType = flowLogTrafficType.toUpperCase(Locale.ROOT);
        if (!Set.of("ALL", "ACCEPT", "REJECT").contains(flowLogTrafficType)) {
            throw new IllegalArgumentException("flowLogTrafficType must be ALL, ACCEPT or REJECT, got "
                    + flowLogTrafficType);
        }
        rdsEssentialLogTypes = Map.copyOf(rdsEssentialLogTypes);
        forensicLogGroupPrefixes = List.copyOf(forensicLogGroupPrefixes);
        Objects.requireNonNull(responderRoleArn, "responderRoleArn");
        responderActions = List.copyOf(responderActions);
        Objects.requireNonNull(minAlertSeverity, "minAlertSeverity");
        disabledChecks = Set.copyOf(disabledChecks);
        suppressions = List.copyOf(suppressions);
        mutes = List.copyOf(mutes);
        if (historyTtlDays < 1) {
            throw new IllegalArgumentException("historyTtlDays must be at least 1, got " + historyTtlDays);
        }
        Objects.requireNonNull(auditor, "auditor");
        Objects.requireNonNull(accountScope, "accountScope");
        if (evidenceBucketTag == null || evidenceBucketTag.isBlank() || evidenceBucketTag.startsWith("=")) {
            throw new IllegalArgumentException("evidenceBucketTag must be key=value or key, got '" + evidenceBucketTag
                    + "'");
        }
    }

    /** The key of {@link #evidenceBucketTag()}. */
    public String evidenceBucketTagKey() {
        int eq = evidenceBucketTag.indexOf('=');
        return eq < 0 ? evidenceBucketTag : evidenceBucketTag.substring(0, eq);
    }

    /** The value of {@link #evidenceBucketTag()}; empty when any value marks the bucket. */
    public Optional<String> evidenceBucketTagValue() {
        int eq = evidenceBucketTag.indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(evidenceBucketTag.substring(eq + 1));
    }

    /** True when a bucket with these tags is marked by {@link #evidenceBucketTag()}. */
    public boolean marksEvidence(Map<String, String> tags) {
        String value = tags.get(evidenceBucketTagKey());
        return value != null && evidenceBucketTagValue().map(value::equals).orElse(true);
    }

    public static Config defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public boolean isEnabled(String checkId) {
        return !disabledChecks.contains(checkId);
    }

    public boolean isSuppressed(Finding finding) {
        return suppressions.stream().anyMatch(s -> s.matches(finding));
    }

    /**
     * The accepted risk that mutes {@code finding} on {@code today}: the first mute list entry that holds
     * (expired ones no longer do), else a suppression.
     */
    public Optional<Muted> muteOf(Finding finding, LocalDate today) {
        return mutes.stream().filter(m -> m.mutes(finding, today)).findFirst()
                .or(() -> suppressions.stream().filter(s -> s.matches(finding)).findFirst().map(MuteEntry::of))
                .map(MuteEntry::marker);
    }

    /**
     * Reads {@code IRREADY_*} variables (the Lambda environment; CDK writes them):
     * {@code IRREADY_REGIONS}, {@code IRREADY_RETENTION_DAYS}, {@code IRREADY_FLOW_LOG_TRAFFIC_TYPE},
     * {@code IRREADY_SKIP_VPCS_WITHOUT_INTERFACES}, {@code IRREADY_RDS_LOG_TYPES}
     * ({@code engine=type+type;engine=type}), {@code IRREADY_FORENSIC_LOG_GROUP_PREFIXES},
     * {@code IRREADY_RESPONDER_ROLE_ARN}, {@code IRREADY_RESPONDER_ACTIONS}, {@code IRREADY_MIN_ALERT_SEVERITY},
     * {@code IRREADY_DISABLED_CHECKS}, {@code IRREADY_SUPPRESSIONS} (comma-separated {@code checkId:pattern}),
     * {@code IRREADY_MUTELIST_FILE} (path of a {@link MuteList} file),
     * {@code IRREADY_HISTORY_TTL_DAYS}, {@code IRREADY_SECURITY_HUB} ({@code true}/{@code false}), {@code IRREADY_ACCOUNT_SCOPE} (account ids, or {@code *}); for {@code auditor-integrity} {@code IRREADY_AUDITOR_RULE_NAMES},
     * {@code IRREADY_AUDITOR_FUNCTION_NAMES}, {@code IRREADY_AUDITOR_ALIAS} (default {@code live}),
     * {@code IRREADY_AUDITOR_TOPIC_ARN}, {@code IRREADY_AUDITOR_KEY_ARN}, {@code IRREADY_AUDITOR_ALARM_NAMES},
     * {@code IRREADY_AUDITOR_FORWARDERS}, {@code IRREADY_AUDITOR_ON_FAILURE_ARN} with
     * {@code IRREADY_AUDITOR_ASYNC_RETRIES}, and {@code IRREADY_AUDITOR_REGION}
     * (default {@code AWS_REGION}). Lists are comma-separated. Unknown or malformed values fail loudly.
     */
    public static Config fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        Function<String, Optional<String>> get = key -> Optional.ofNullable(env.get(key))
                .map(String::trim).filter(v -> !v.isEmpty());
        get.apply(IRREADY_REGIONS).ifPresent(v -> b.regions(csv(v)));
        get.apply(IRREADY_RETENTION_DAYS).ifPresent(v -> b.retentionDays(integer(IRREADY_RETENTION_DAYS, v)));
        get.apply(IRREADY_FLOW_LOG_TRAFFIC_TYPE).ifPresent(b::flowLogTrafficType);
        get.apply(IRREADY_SKIP_VPCS_WITHOUT_INTERFACES).ifPresent(v -> b.skipVpcsWithoutInterfaces(Boolean.parseBoolean(v)));
        get.apply(IRREADY_RDS_LOG_TYPES).ifPresent(v -> b.rdsEssentialLogTypes(parseRdsLogTypes(v)));
        get.apply(IRREADY_FORENSIC_LOG_GROUP_PREFIXES).ifPresent(v -> b.forensicLogGroupPrefixes(csv(v)));
        get.apply(IRREADY_RESPONDER_ROLE_ARN).ifPresent(b::responderRoleArn);
        get.apply(IRREADY_RESPONDER_ACTIONS).ifPresent(v -> b.responderActions(csv(v)));
        get.apply(IRREADY_MIN_ALERT_SEVERITY).ifPresent(v -> b.minAlertSeverity(Severity.parse(v)));
        get.apply(IRREADY_DISABLED_CHECKS).ifPresent(v -> b.disabledChecks(Set.copyOf(csv(v))));
        get.apply(IRREADY_SUPPRESSIONS).ifPresent(v -> b.suppressions(csv(v).stream().map(Suppression::parse).toList()));
        get.apply(IRREADY_MUTELIST_FILE).ifPresent(v -> b.mutes(MuteList.read(Path.of(v))));
        get.apply(IRREADY_HISTORY_TTL_DAYS).ifPresent(v -> b.historyTtlDays(integer(IRREADY_HISTORY_TTL_DAYS, v)));
        b.auditor(auditorFromEnvironment(get));
        get.apply(IRREADY_SECURITY_HUB).ifPresent(v -> b.securityHubImport(bool(IRREADY_SECURITY_HUB, v)));
        get.apply(IRREADY_ACCOUNT_SCOPE).ifPresent(v -> b.accountScope(AccountScope.parse(v)));
        get.apply(IRREADY_EVIDENCE_BUCKET_TAG).ifPresent(b::evidenceBucketTag);
        return b.build();
    }

    /** irready's own deployment, when any {@code IRREADY_AUDITOR_*} part is configured. */
    private static AuditorIdentity auditorFromEnvironment(Function<String, Optional<String>> get) {
        List<String> rules = get.apply(IRREADY_AUDITOR_RULE_NAMES).map(Config::csv).orElse(List.of());
        List<String> functions = get.apply(IRREADY_AUDITOR_FUNCTION_NAMES).map(Config::csv).orElse(List.of());
        Optional<String> topic = get.apply(IRREADY_AUDITOR_TOPIC_ARN);
        Optional<String> key = get.apply(IRREADY_AUDITOR_KEY_ARN);
        if (rules.isEmpty() && functions.isEmpty() && topic.isEmpty() && key.isEmpty()) {
            return null;
        }
        String region = get.apply(IRREADY_AUDITOR_REGION).or(() -> get.apply(AWS_REGION))
                .orElseThrow(() -> new IllegalArgumentException(
                        "IRREADY_AUDITOR_REGION (or AWS_REGION) must be set when IRREADY_AUDITOR_* is"));
        List<String> alarms = get.apply(IRREADY_AUDITOR_ALARM_NAMES).map(Config::csv).orElse(List.of());
        List<AuditorIdentity.Forwarder> forwarders = get.apply(IRREADY_AUDITOR_FORWARDERS)
                .map(AuditorIdentity.Forwarder::parse).orElse(List.of());
        Optional<AuditorIdentity.AsyncInvoke> async = get.apply(IRREADY_AUDITOR_ON_FAILURE_ARN)
                .map(arn -> new AuditorIdentity.AsyncInvoke(get.apply(IRREADY_AUDITOR_ASYNC_RETRIES)
                        .map(v -> integer(IRREADY_AUDITOR_ASYNC_RETRIES, v)).orElse(0), arn));
        return new AuditorIdentity(region, rules, functions, get.apply(IRREADY_AUDITOR_ALIAS).orElse(null),
                topic, key, alarms, forwarders, async);
    }

    /** Parses {@code engine=type+type;engine=type}; engines not named keep their defaults. */
    public static Map<String, List<String>> parseRdsLogTypes(String text) {
        Map<String, List<String>> result = new LinkedHashMap<>(DEFAULT_RDS_LOG_TYPES);
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("RDS log types must be engine=type+type;…, got '" + entry + "'");
            }
            result.put(parts[0].trim(), Arrays.stream(parts[1].split("\\+")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList());
        }
        return result;
    }

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean bool(String key, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        };
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
        }
    }

    private static Map<String, List<String>> orderedMap(Object... keysAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> value = (List<String>) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private List<String> regions = List.of();
        private int retentionDays = DEFAULT_RETENTION_DAYS;
        private String flowLogTrafficType = "ALL";
        private boolean skipVpcsWithoutInterfaces;
        private Map<String, List<String>> rdsEssentialLogTypes = DEFAULT_RDS_LOG_TYPES;
        private List<String> forensicLogGroupPrefixes = DEFAULT_FORENSIC_PREFIXES;
        private Optional<String> responderRoleArn = Optional.empty();
        private List<String> responderActions = DEFAULT_RESPONDER_ACTIONS;
        private Severity minAlertSeverity = Severity.MEDIUM;
        private Set<String> disabledChecks = Set.of();
        private List<Suppression> suppressions = new ArrayList<>();
        private List<MuteEntry> mutes = List.of();
        private int historyTtlDays = 90;
        private Optional<AuditorIdentity> auditor = Optional.empty();
        private boolean securityHubImport;
        private AccountScope accountScope = AccountScope.any();
        private String evidenceBucketTag = DEFAULT_EVIDENCE_BUCKET_TAG;

        private Builder() {
        }

        private Builder(Config c) {
            regions = c.regions;
            retentionDays = c.retentionDays;
            flowLogTrafficType = c.flowLogTrafficType;
            skipVpcsWithoutInterfaces = c.skipVpcsWithoutInterfaces;
            rdsEssentialLogTypes = c.rdsEssentialLogTypes;
            forensicLogGroupPrefixes = c.forensicLogGroupPrefixes;
            responderRoleArn = c.responderRoleArn;
            responderActions = c.responderActions;
            minAlertSeverity = c.minAlertSeverity;
            disabledChecks = c.disabledChecks;
            suppressions = c.suppressions;
            mutes = c.mutes;
            historyTtlDays = c.historyTtlDays;
            auditor = c.auditor;
            securityHubImport = c.securityHubImport;
            accountScope = c.accountScope;
            evidenceBucketTag = c.evidenceBucketTag;
        }

        public Builder regions(List<String> v) { regions = v; return this; }
        public Builder retentionDays(int v) { retentionDays = v; return this; }
        public Builder flowLogTrafficType(String v) { flowLogTrafficType = v; return this; }
        public Builder skipVpcsWithoutInterfaces(boolean v) { skipVpcsWithoutInterfaces = v; return this; }
        public Builder rdsEssentialLogTypes(Map<String, List<String>> v) { rdsEssentialLogTypes = v; return this; }
        public Builder forensicLogGroupPrefixes(List<String> v) { forensicLogGroupPrefixes = v; return this; }
        public Builder responderRoleArn(String v) { responderRoleArn = Optional.ofNullable(v); return this; }
        public Builder responderActions(List<String> v) { responderActions = v; return this; }
        public Builder minAlertSeverity(Severity v) { minAlertSeverity = v; return this; }
        public Builder disabledChecks(Set<String> v) { disabledChecks = v; return this; }
        public Builder suppressions(List<Suppression> v) { suppressions = v; return this; }
        public Builder mutes(List<MuteEntry> v) { mutes = v; return this; }
        public Builder historyTtlDays(int v) { historyTtlDays = v; return this; }
        public Builder auditor(AuditorIdentity v) { auditor = Optional.ofNullable(v); return this; }
        public Builder securityHubImport(boolean v) { securityHubImport = v; return this; }
        public Builder accountScope(AccountScope v) { accountScope = v; return this; }
        public Builder evidenceBucketTag(String v) { evidenceBucketTag = v; return this; }

        public Config build() {
            return new Config(regions, retentionDays, flowLogTrafficType, skipVpcsWithoutInterfaces,
                    rdsEssentialLogTypes, forensicLogGroupPrefixes, responderRoleArn, responderActions,
                    minAlertSeverity, disabledChecks, suppressions, mutes, historyTtlDays, auditor, securityHubImport,
                    accountScope, evidenceBucketTag);
        }
    }
}
