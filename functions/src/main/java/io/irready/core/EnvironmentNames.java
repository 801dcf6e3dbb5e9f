package io.irready.core;

/**
 * The environment variables that configure irready: the contract between the deployment (the CDK
 * stack writes them), the functions (which read them) and anything that stands in for a deployment
 * (benchmarks, the demo). One list, so that a renamed or new variable cannot drift between writer
 * and reader. Each constant is named as the variable it names, so that a search for the variable
 * finds every use. It lives next to {@link Config}, which reads most of them.
 */
public final class EnvironmentNames {
    // where the deployment's resources are (required by the Lambda functions)
    public static final String IRREADY_TABLE_NAME = "IRREADY_TABLE_NAME";
    public static final String IRREADY_TOPIC_ARN = "IRREADY_TOPIC_ARN";
    public static final String IRREADY_INTEGRITY_TOPIC_ARN = "IRREADY_INTEGRITY_TOPIC_ARN";
    public static final String IRREADY_RECHECK_QUEUE_URL = "IRREADY_RECHECK_QUEUE_URL";
    public static final String IRREADY_SLACK_WEBHOOK_SECRET_ARN = "IRREADY_SLACK_WEBHOOK_SECRET_ARN";

    // what to audit and how strictly (Config.fromEnvironment)
    public static final String IRREADY_REGIONS = "IRREADY_REGIONS";
    public static final String IRREADY_RETENTION_DAYS = "IRREADY_RETENTION_DAYS";
    public static final String IRREADY_FLOW_LOG_TRAFFIC_TYPE = "IRREADY_FLOW_LOG_TRAFFIC_TYPE";
    public static final String IRREADY_SKIP_VPCS_WITHOUT_INTERFACES = "IRREADY_SKIP_VPCS_WITHOUT_INTERFACES";
    public static final String IRREADY_RDS_LOG_TYPES = "IRREADY_RDS_LOG_TYPES";
    public static final String IRREADY_FORENSIC_LOG_GROUP_PREFIXES = "IRREADY_FORENSIC_LOG_GROUP_PREFIXES";
    public static final String IRREADY_RESPONDER_ROLE_ARN = "IRREADY_RESPONDER_ROLE_ARN";
    public static final String IRREADY_RESPONDER_ACTIONS = "IRREADY_RESPONDER_ACTIONS";
    public static final String IRREADY_MIN_ALERT_SEVERITY = "IRREADY_MIN_ALERT_SEVERITY";
    public static final String IRREADY_DISABLED_CHECKS = "IRREADY_DISABLED_CHECKS";
    public static final String IRREADY_SUPPRESSIONS = "IRREADY_SUPPRESSIONS";
    /** Path of the mute list file (accepted risks); deployed, the layer's {@code /opt/irready/mutelist.json}. */
    public static final String IRREADY_MUTELIST_FILE = "IRREADY_MUTELIST_FILE";
    public static final String IRREADY_HISTORY_TTL_DAYS = "IRREADY_HISTORY_TTL_DAYS";
    public static final String IRREADY_EVIDENCE_BUCKET_TAG = "IRREADY_EVIDENCE_BUCKET_TAG";

    // where findings go besides the alert topic
    public static final String IRREADY_SECURITY_HUB = "IRREADY_SECURITY_HUB";
    // other accounts of the organization, audited through a role irready assumes in each (AuditRoles)
    public static final String IRREADY_AUDIT_ROLE_NAME = "IRREADY_AUDIT_ROLE_NAME";
    public static final String IRREADY_ORGANIZATION_SCOPE = "IRREADY_ORGANIZATION_SCOPE";
    /** OU or root ids (comma-separated) whose ACTIVE accounts the organization sweeps cover; empty for all. */
    public static final String IRREADY_ORGANIZATION_UNITS = "IRREADY_ORGANIZATION_UNITS";
    // whose events are evaluated: account ids, comma-separated; empty or * for any (Config.accountScope)
    public static final String IRREADY_ACCOUNT_SCOPE = "IRREADY_ACCOUNT_SCOPE";

    // irready's own deployment, which the auditor-integrity check and the self-watching routes judge
    public static final String IRREADY_AUDITOR_REGION = "IRREADY_AUDITOR_REGION";
    public static final String IRREADY_AUDITOR_RULE_NAMES = "IRREADY_AUDITOR_RULE_NAMES";
    public static final String IRREADY_AUDITOR_FUNCTION_NAMES = "IRREADY_AUDITOR_FUNCTION_NAMES";
    public static final String IRREADY_AUDITOR_ALIAS = "IRREADY_AUDITOR_ALIAS";
    public static final String IRREADY_AUDITOR_TOPIC_ARN = "IRREADY_AUDITOR_TOPIC_ARN";
    public static final String IRREADY_AUDITOR_KEY_ARN = "IRREADY_AUDITOR_KEY_ARN";
    /** Minutes without a canary event after which a region counts as blind; set, it switches the canary on. */
    public static final String IRREADY_CANARY_MAX_DELAY_MINUTES = "IRREADY_CANARY_MAX_DELAY_MINUTES";
    /** The home region's dead-letter-queue alarms, comma-separated. */
    public static final String IRREADY_AUDITOR_ALARM_NAMES = "IRREADY_AUDITOR_ALARM_NAMES";
    /** The other regions' forwarders: {@code region|alarm|rulePrefix|suffix+suffix;…} (AuditorIdentity.Forwarder). */
    public static final String IRREADY_AUDITOR_FORWARDERS = "IRREADY_AUDITOR_FORWARDERS";
    /** Where the aliases' event invoke configs send failed events, and how often they retry first. */
    public static final String IRREADY_AUDITOR_ON_FAILURE_ARN = "IRREADY_AUDITOR_ON_FAILURE_ARN";
    public static final String IRREADY_AUDITOR_ASYNC_RETRIES = "IRREADY_AUDITOR_ASYNC_RETRIES";

    // the CLI only
    public static final String IRREADY_LOG_LEVEL = "IRREADY_LOG_LEVEL";

    // the AWS SDK's and Lambda's own, which irready reads too
    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";

    private EnvironmentNames() {
    }
}
