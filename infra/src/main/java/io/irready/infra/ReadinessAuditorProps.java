package io.irready.infra;

import io.irready.events.EventBridgePatterns;
import io.irready.checks.Catalog;
import io.irready.core.AccountScope;
import io.irready.core.AuditorIdentity;
import io.irready.core.Config;
import io.irready.core.MuteList;
import io.irready.core.Severity;
import io.irready.core.Suppression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a {@link ReadinessAuditor} can be told. Build with {@link #builder()}; every property has a default
 * (see the builder's field comments), so {@code ReadinessAuditorProps.builder().build()} is a working deployment
 * that alerts nobody until emails or Slack are added.
 *
 * @param alertEmails            addresses subscribed to the alert topic (each must confirm the subscription mail)
 * @param slackWorkspaceId       AWS Chatbot Slack workspace id (set in the Chatbot console first); with
 *                               {@code slackChannelId} creates a Chatbot channel configuration on the topic
 * @param slackChannelId         Slack channel id (e.g. {@code C0123456789}) for Chatbot
 * @param slackWebhookSecretName Secrets Manager secret (name or full ARN) holding a Slack incoming-webhook URL;
 *                               when set, the webhook notifier function is subscribed to the topic
 * @param regions                regions the sweeps evaluate; the stack's own (home) region is always included
 * @param criticalSweepMinutes   how often CRITICAL checks are swept (the dead man's switch fires after twice this)
 * @param fullSweepMinutes       how often every check is swept
 * @param retentionDays          minimum retention for forensic logs; also the retention of irready's own log groups
 * @param responderRoleArn       the incident-response role whose permissions are checked
 * @param minAlertSeverity       transitions below this severity are stored but not alerted
 * @param disabledChecks         check ids switched off
 * @param suppressions           accepted risks, {@code checkId:resourcePattern}
 * @param integrityTopicArn      a second topic (e.g. in a security account) that also gets auditor-integrity alerts
 * @param eventPatterns          the EventBridge patterns to route (the routing table's, one per event source)
 * @param functionsJar           the Lambda deployment package (functions/target/irready-lambda.zip: the
 *                              functions jar and its dependencies under lib/, as the Java runtime loads them)
 * @param securityHub            import every finding transition into Security Hub (ASFF, the account's default
 *                               product in each finding's region); grants securityhub:BatchImportFindings only then
 * @param auditRoleName          the role irready assumes in the organization's other accounts (default
 *                               {@code IrreadyAuditRole} once multi-account is configured)
 * @param accountScope           the accounts whose events are evaluated besides the home account (default any);
 *                               a listed scope also limits which accounts' audit role may be assumed
 * @param canaryMinutes          how often the pipeline canary tags irready's {@code /irready/canary} log group in every
 *                               watched region, to prove CloudTrail events still reach irready from there
 * @param canaryMaxDelayMinutes  how long a watched region may go without a canary event before
 *                               {@code auditor-integrity} calls irready blind there; longer than {@code canaryMinutes}
 * @param mutelist               a mute list file (accepted risks), validated here and deployed as a layer
 *                               ({@link MuteListLayer}); absent, nothing is muted beyond {@code suppressions}
 * @param forwarders             the forwarders the app deploys in other regions (their rules and dead-letter alarm),
 *                               so that auditor-integrity judges them and their alarms reach the event function
 * @param integrityTopicKeyArn   the customer-managed KMS key of {@code integrityTopicArn}, when it has one: the
 *                               functions then get kms:GenerateDataKey/Decrypt on it, which SNS needs to publish
 */
public record ReadinessAuditorProps(
        List<String> alertEmails,
        Optional<String> slackWorkspaceId,
        Optional<String> slackChannelId,
        Optional<String> slackWebhookSecretName,
        List<String> regions,
        int criticalSweepMinutes,
        int fullSweepMinutes,
        int retentionDays,
        Optional<String> responderRoleArn,
        Severity minAlertSeverity,
        Set<String> disabledChecks,
        List<Suppression> suppressions,
        Optional<String> integrityTopicArn,
        List<Map<String, Object>> eventPatterns,
        Path functionsJar,
        boolean securityHub,
        Optional<String> auditRoleName,
        AccountScope accountScope,
        Optional<Path> mutelist,
        int canaryMinutes,
        int canaryMaxDelayMinutes,
        List<AuditorIdentity.Forwarder> forwarders,
        Optional<String> integrityTopicKeyArn) {

    /** The audit role's name when multi-account is configured without naming it. */
    public static final String DEFAULT_AUDIT_ROLE_NAME = "IrreadyAuditRole";
    /** Where {@code ./mvnw package} leaves the functions jar, relative to the repository root. */
    public static final Path DEFAULT_FUNCTIONS_JAR = Path.of("functions", "target", "irready-lambda.zip");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]+(\\.fifo)?");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    public ReadinessAuditorProps {
        alertEmails = List.copyOf(alertEmails);
        for (String email : alertEmails) {
            require(EMAIL.matcher(email).matches(), "alertEmails: '" + email + "' is not an email address");
        }
        Objects.requireNonNull(slackWorkspaceId, "slackWorkspaceId");
        Objects.requireNonNull(slackChannelId, "slackChannelId");
        require(slackWorkspaceId.isPresent() == slackChannelId.isPresent(),
                "Slack via AWS Chatbot needs both slackWorkspaceId and slackChannelId (got only one)");
        Objects.requireNonNull(slackWebhookSecretName, "slackWebhookSecretName");
        regions = List.copyOf(regions);
        for (String region : regions) {
            require(REGION.matcher(region).matches(), "regions: '" + region + "' is not an AWS region name");
        }
        require(criticalSweepMinutes >= 1 && criticalSweepMinutes <= 720,
                "criticalSweepMinutes must be between 1 and 720, got " + criticalSweepMinutes);
        require(fullSweepMinutes >= criticalSweepMinutes && fullSweepMinutes <= 1440,
                "fullSweepMinutes must be between criticalSweepMinutes and 1440, got " + fullSweepMinutes);
        require(retentionDays >= 1, "retentionDays must be at least 1, got " + retentionDays);
        Objects.requireNonNull(responderRoleArn, "responderRoleArn");
        responderRoleArn.ifPresent(arn -> require(ROLE_ARN.matcher(arn).matches(),
                "responderRoleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/Name), got '" + arn + "'"));
        Objects.requireNonNull(minAlertSeverity, "minAlertSeverity");
        disabledChecks = Set.copyOf(disabledChecks);
        suppressions = List.copyOf(suppressions);
        Objects.requireNonNull(integrityTopicArn, "integrityTopicArn");
        integrityTopicArn.ifPresent(arn -> require(TOPIC_ARN.matcher(arn).matches(),
                "integrityTopicArn must be an SNS topic ARN, got '" + arn + "'"));
        eventPatterns = List.copyOf(eventPatterns);
        Objects.requireNonNull(functionsJar, "functionsJar");
        Objects.requireNonNull(auditRoleName, "auditRoleName");
        auditRoleName.ifPresent(name -> require(ROLE_NAME.matcher(name).matches(),
                "auditRoleName must be an IAM role name (letters, digits and +=,.@_-, at most 64), got '" + name + "'"));
        Objects.requireNonNull(accountScope, "accountScope");
        Objects.requireNonNull(mutelist, "mutelist");
        // a broken file fails synth with the entry at fault, never a deployed function at its cold start
        mutelist.ifPresent(MuteList::read);
        require(canaryMinutes >= 1 && canaryMinutes <= 720, "canaryMinutes must be between 1 and 720, got "
                + canaryMinutes);
        // the wait must cover one canary interval plus the delivery delay, or a healthy region would flap to blind
        require(canaryMaxDelayMinutes > canaryMinutes, "canaryMaxDelayMinutes must be longer than canaryMinutes ("
                + canaryMinutes + "), got " + canaryMaxDelayMinutes);
        forwarders = List.copyOf(forwarders);
        Objects.requireNonNull(integrityTopicKeyArn, "integrityTopicKeyArn");
        integrityTopicKeyArn.ifPresent(arn -> require(KEY_ARN.matcher(arn).matches(),
                "integrityTopicKeyArn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>), got '" + arn + "'"));
        require(integrityTopicKeyArn.isEmpty() || integrityTopicArn.isPresent(),
                "integrityTopicKeyArn is the key of integrityTopicArn: set the topic too");
    }

    /** True when other accounts are audited: an audit role name or an account scope was given. */
    public boolean multiAccount() {
        return auditRoleName.isPresent() || !accountScope.isAny();
    }

    /** The role assumed in other accounts, when {@link #multiAccount()}. */
    public String effectiveAuditRoleName() {
        return auditRoleName.orElse(DEFAULT_AUDIT_ROLE_NAME);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when Chatbot (workspace + channel) is configured. */
    public boolean chatbotEnabled() {
        return slackWorkspaceId.isPresent();
    }

    /** The sweep regions with the home region first and no duplicates. */
    public List<String> sweepRegions(String homeRegion) {
        List<String> all = new ArrayList<>();
        all.add(homeRegion);
        regions.stream().filter(r -> !all.contains(r)).forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * The regions that need a forwarder stack: every listed region other than home, and us-east-1 always,
     * because IAM, CloudFront and Organizations API calls are recorded there only.
     */
    public List<String> forwarderRegions(String homeRegion) {
        List<String> result = new ArrayList<>();
        for (String region : sweepRegions(homeRegion)) {
            if (!region.equals(homeRegion)) {
                result.add(region);
            }
        }
        if (!homeRegion.equals("us-east-1") && !result.contains("us-east-1")) {
            result.add("us-east-1");
        }
        return List.copyOf(result);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builder holding the documented defaults. */
    public static final class Builder {
        /** Default: nobody (add at least one email or Slack, or alerts only reach the topic). */
        private List<String> alertEmails = List.of();
        /** Default: no Chatbot. */
        private Optional<String> slackWorkspaceId = Optional.empty();
        private Optional<String> slackChannelId = Optional.empty();
        /** Default: no webhook notifier. */
        private Optional<String> slackWebhookSecretName = Optional.empty();
        /** Default: the home region only (us-east-1 still forwards its global-service events). */
        private List<String> regions = List.of();
        /** Default: CRITICAL checks every 5 minutes. */
        private int criticalSweepMinutes = 5;
        /** Default: every check hourly. */
        private int fullSweepMinutes = 60;
        /** Default: {@link Config#DEFAULT_RETENTION_DAYS} (365). */
        private int retentionDays = Config.DEFAULT_RETENTION_DAYS;
        /** Default: none (the responder-permissions check reports NOT_APPLICABLE). */
        private Optional<String> responderRoleArn = Optional.empty();
        /** Default: MEDIUM, as in {@link Config}. */
        private Severity minAlertSeverity = Config.defaults().minAlertSeverity();
        /** Default: every check enabled. */
        private Set<String> disabledChecks = Set.of();
        /** Default: nothing suppressed. */
        private List<Suppression> suppressions = List.of();
        /** Default: integrity alerts go to the main topic only. */
        private Optional<String> integrityTopicArn = Optional.empty();
        /** Default: the routing table's, {@code EventBridgePatterns.of(Catalog.routeTable())}. */
        private List<Map<String, Object>> eventPatterns = EventBridgePatterns.of(Catalog.routeTable());
        /** Default: {@link #DEFAULT_FUNCTIONS_JAR}. */
        private Path functionsJar = DEFAULT_FUNCTIONS_JAR;
        /** Default: off (Security Hub bills every ingested finding; opt in with {@code -c securityHub=true}). */
        private boolean securityHub;
        /** Default: none (single account: no sts:AssumeRole is granted). */
        private Optional<String> auditRoleName = Optional.empty();
        /** Default: any account ({@code *}). */
        private AccountScope accountScope = AccountScope.any();
        /** Default: no mute list. */
        private Optional<Path> mutelist = Optional.empty();
        /** Default: every 15 minutes (96 tag calls a day per region; CloudTrail management events are free). */
        private int canaryMinutes = 15;
        /**
         * Default: 30 minutes. AWS documents CloudTrail → EventBridge delivery as best effort and publishes no
         * latency: events usually arrive within a few minutes (CloudTrail's own docs say about 5 on average). A
         * healthy region's last canary is at most 15 (interval) + ~5 (delivery) = ~20 minutes old; 30 leaves 10
         * minutes for a slow delivery before the region is called blind, and the next critical sweep (5 minutes)
         * says so, so a dead path is reported within about 35 minutes of its last event.
         */
        private int canaryMaxDelayMinutes = 30;
        /** Default: none (an embedding app that deploys forwarders passes them here). */
        private List<AuditorIdentity.Forwarder> forwarders = List.of();
        /** Default: the integrity topic (if any) uses no customer-managed key. */
        private Optional<String> integrityTopicKeyArn = Optional.empty();

        private Builder() {
        }

        public Builder alertEmails(List<String> v) { alertEmails = v; return this; }
        public Builder slackWorkspaceId(String v) { slackWorkspaceId = Optional.ofNullable(v); return this; }
        public Builder slackChannelId(String v) { slackChannelId = Optional.ofNullable(v); return this; }
        public Builder slackWebhookSecretName(String v) { slackWebhookSecretName = Optional.ofNullable(v); return this; }
        public Builder regions(List<String> v) { regions = v; return this; }
        public Builder criticalSweepMinutes(int v) { criticalSweepMinutes = v; return this; }
        public Builder fullSweepMinutes(int v) { fullSweepMinutes = v; return this; }
        public Builder retentionDays(int v) { retentionDays = v; return this; }
        public Builder responderRoleArn(String v) { responderRoleArn = Optional.ofNullable(v); return this; }
        public Builder minAlertSeverity(Severity v) { minAlertSeverity = v; return this; }
        public Builder disabledChecks(Set<String> v) { disabledChecks = v; return this; }
        public Builder suppressions(List<Suppression> v) { suppressions = v; return this; }
        public Builder integrityTopicArn(String v) { integrityTopicArn = Optional.ofNullable(v); return this; }
        public Builder eventPatterns(List<Map<String, Object>> v) { eventPatterns = v; return this; }
        public Builder functionsJar(Path v) { functionsJar = v; return this; }
        public Builder securityHub(boolean v) { securityHub = v; return this; }
        public Builder auditRoleName(String v) { auditRoleName = Optional.ofNullable(v); return this; }
        public Builder accountScope(AccountScope v) { accountScope = v; return this; }
        public Builder mutelist(Path v) { mutelist = Optional.ofNullable(v); return this; }
        public Builder canaryMinutes(int v) { canaryMinutes = v; return this; }
        public Builder canaryMaxDelayMinutes(int v) { canaryMaxDelayMinutes = v; return this; }
        public Builder forwarders(List<AuditorIdentity.Forwarder> v) { forwarders = v; return this; }
        public Builder integrityTopicKeyArn(String v) { integrityTopicKeyArn = Optional.ofNullable(v); return this; }

        public ReadinessAuditorProps build() {
            return new ReadinessAuditorProps(alertEmails, slackWorkspaceId, slackChannelId, slackWebhookSecretName,
                    regions, criticalSweepMinutes, fullSweepMinutes, retentionDays, responderRoleArn,
                    minAlertSeverity, disabledChecks, suppressions, integrityTopicArn, eventPatterns,
                    functionsJar, securityHub, auditRoleName, accountScope, mutelist, canaryMinutes,
                    canaryMaxDelayMinutes, forwarders, integrityTopicKeyArn);
        }
    }

    /** Fails synth early with the build command when the functions jar has not been built. */
    Path requireFunctionsJar() {
        if (!Files.isRegularFile(functionsJar)) {
            throw new IllegalStateException("The Lambda package " + functionsJar.toAbsolutePath()
                    + " does not exist: run ./mvnw -pl functions -am package (or ./mvnw package) first");
        }
        return functionsJar;
    }
}
