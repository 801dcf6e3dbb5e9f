package io.irready.infra;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * The IAM actions irready's functions hold besides the registry's read-only ones: the auditor's own writes
 * (the contract in the brief) and what the Lambda platform needs to run them. Every one is granted on named
 * resources only; the template test fails on any action not in the registry or here.
 */
public final class AuditorPermissions {
    /** Findings, transitions, the outbox and score points in the one table (and its indexes). */
    public static final List<String> TABLE_WRITES = List.of("dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:UpdateItem", "dynamodb:Query");
    /**
     * The blind-window report reads CloudTrail Event History when the trail resolves (no check declares it:
     * it is the engine's read, not a check's). LookupEvents has no resource-level permissions.
     */
    public static final List<String> BLIND_WINDOW = List.of("cloudtrail:LookupEvents");
    /** The table, topic and queues are encrypted with irready's own keys. */
    public static final List<String> KEY_USE = List.of("kms:Decrypt", "kms:GenerateDataKey");

    /** With {@code securityHub} on: findings imported into the account's own default product, nothing else. */
    public static final List<String> SECURITY_HUB_IMPORT = List.of("securityhub:BatchImportFindings");

    /** With multi-account configured: the audit role of the organization's other accounts, by name. */
    public static final List<String> ASSUME_AUDIT_ROLE = List.of("sts:AssumeRole");

    /** With multi-account configured: the account names alerts show (no resource-level scope without the org id). */
    public static final String DESCRIBE_ACCOUNT = io.irready.organization.OrganizationAccountNames.DESCRIBE_ACCOUNT;

    /** The pipeline canary tags irready's own {@code /irready/canary} log group in each watched region, nothing else. */
    public static final List<String> CANARY_WRITE = List.of("logs:TagResource");

    /** Every alertable transition also goes to the home region's default event bus, and only there. */
    public static final List<String> FINDING_EVENTS = List.of("events:PutEvents");

    /** The auditor's writes (BRIEF.md contract). */
    public static final Set<String> AUDITOR_WRITES = Set.of("dynamodb:GetItem", "dynamodb:PutItem",
            "dynamodb:UpdateItem", "dynamodb:Query", "cloudtrail:LookupEvents", "sns:Publish", "sqs:SendMessage", "kms:Decrypt", "kms:GenerateDataKey",
            "secretsmanager:GetSecretValue", "sts:GetCallerIdentity", "securityhub:BatchImportFindings", "events:PutEvents",
            "sts:AssumeRole", "logs:TagResource");

    /**
     * What Lambda needs to run the functions: writing to their own log groups, and polling the delayed re-check
     * queue (the SQS event source mapping uses the function's role; granted by CDK's SqsEventSource).
     */
    public static final Set<String> PLATFORM = Set.of("logs:CreateLogStream", "logs:PutLogEvents",
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl");

    private AuditorPermissions() {
    }

    /**
     * What every role that audits an account holds (the central functions' for their own account, a member's
     * audit role for the central functions): the read-only actions the enabled checks declare, the caller
     * identity and the blind-window report's reads, on {@code *} since the whole account is audited.
     */
    static void grantAuditReads(Role role, Collection<String> readOnlyActions) {
        if (!readOnlyActions.isEmpty()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("ReadOnlyAuditFromTheCheckRegistry")
                    .actions(List.copyOf(readOnlyActions))
                    .resources(List.of("*"))
                    .build());
        }
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("IdentifyTheAuditedAccount")
                .actions(List.of("sts:GetCallerIdentity"))
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("BlindWindowReport")
                .actions(BLIND_WINDOW)
                .resources(List.of("*"))
                .build());
    }
}
