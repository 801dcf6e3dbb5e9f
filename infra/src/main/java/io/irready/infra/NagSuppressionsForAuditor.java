package io.irready.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.IConstruct;

/**
 * The cdk-nag AwsSolutions findings irready accepts, each on the one resource it concerns (with
 * {@code appliesTo} naming the exact wildcard) and a reason an auditor can check. Never stack-wide.
 */
final class NagSuppressionsForAuditor {
    static final String LATEST_RUNTIME_REASON = "The functions jar is compiled with --release 21 and java21 is the "
            + "LTS Lambda runtime the build and its SnapStart priming target; moving to a newer runtime is a "
            + "deliberate build change (parent pom), not a deployment setting.";
    static final String DLQ_REASON = "This queue is itself a dead-letter queue (target of EventBridge's dead-letter "
            + "config or Lambda's on-failure destination, which SQS3 cannot see); its depth > 0 raises an alarm and "
            + "an operator redrives or purges it, so a DLQ behind it would add nothing.";

    private NagSuppressionsForAuditor() {
    }

    static void apply(ReadinessAuditor auditor, SortedSet<String> readOnlyActions) {
        for (Role role : auditor.roles()) {
            List<NagPackSuppression> iam5 = new ArrayList<>();
            iam5.add(suppress("AwsSolutions-IAM5", "Resource '*' only for what cannot be scoped: the read-only "
                    + "describe/get/list calls the check registry declares (irready audits every resource of the "
                    + "account, in every listed region, by design) and sts:GetCallerIdentity, which has no resource.",
                    List.of("Resource::*")));
            iam5.add(suppress("AwsSolutions-IAM5", "Items of the findings table are read and written through its "
                    + "own GSIs (open-findings, open-by-account, outbox); /index/* covers only this table's indexes.",
                    List.of(regex("/^Resource::<.*Findings.*\\.Arn>\\/index\\/\\*$/g"))));
            iam5.add(suppress("AwsSolutions-IAM5", "Lambda writes to log streams it names at runtime, inside the "
                    + "function's own log group only.",
                    List.of(regex("/^Resource::<.*Logs.*\\.Arn>:log-stream:\\*$/g"))));
            List<Object> wildcardActions = readOnlyActions.stream().filter(a -> a.contains("*"))
                    .map(a -> (Object) ("Action::" + a)).toList();
            if (!wildcardActions.isEmpty()) {
                iam5.add(suppress("AwsSolutions-IAM5", "Read-only action families the check registry declares "
                        + "(each check lists the exact calls its collectors make).", wildcardActions));
            }
            NagSuppressions.addResourceSuppressions(role, iam5, true);
        }
        for (Function fn : auditor.functions()) {
            NagSuppressions.addResourceSuppressions(fn, List.of(suppress("AwsSolutions-L1", LATEST_RUNTIME_REASON,
                    null)));
        }
        for (Queue dlq : auditor.targetDeadLetterQueues()) {
            dlqIsDlq(dlq);
        }
    }

    /**
     * The audit role of every account ({@code arn:<partition>:iam::*:role/<name>}), when no account list
     * narrows it: the organization's accounts are known only at run time (ListAccounts), and each
     * account's role decides by its trust policy whether irready may assume it.
     */
    static void anyAccountsAuditRole(ReadinessAuditor auditor, String roleName) {
        for (Role role : auditor.roles()) {
            NagSuppressions.addResourceSuppressions(role, List.of(suppress("AwsSolutions-IAM5",
                    "sts:AssumeRole on the audit role " + roleName + " in any account: the organization's accounts "
                            + "are listed at run time and change as accounts join; only the role of exactly this name "
                            + "is assumable, and each member's trust policy names irready's account. Set "
                            + "accountScope to list accounts and this wildcard disappears.",
                    List.of("Resource::arn:<AWS::Partition>:iam::*:role/" + roleName))), true);
        }
    }

    /** The member accounts' audit role: the same read-only registry grants as the central functions. */
    static void memberAuditRole(Role role, SortedSet<String> readOnlyActions) {
        List<NagPackSuppression> iam5 = new ArrayList<>();
        iam5.add(suppress("AwsSolutions-IAM5", "Resource '*' only for the read-only describe/get/list calls the "
                + "check registry declares (irready audits every resource of the member account, in every watched "
                + "region), sts:GetCallerIdentity and cloudtrail:LookupEvents, which have no resource; the role is "
                + "assumable only by the central event and sweep functions' roles within the organization.",
                List.of("Resource::*")));
        List<Object> wildcardActions = readOnlyActions.stream().filter(a -> a.contains("*"))
                .map(a -> (Object) ("Action::" + a)).toList();
        if (!wildcardActions.isEmpty()) {
            iam5.add(suppress("AwsSolutions-IAM5", "Read-only action families the check registry declares "
                    + "(each check lists the exact calls its collectors make).", wildcardActions));
        }
        NagSuppressions.addResourceSuppressions(role, iam5, true);
    }

    /** The organization sweep: plan function and the state machine that fans the sweeps out. */
    static void organizationSweeps(OrganizationSweeps sweeps) {
        NagSuppressions.addResourceSuppressions(sweeps.planRole(), List.of(
                suppress("AwsSolutions-IAM5", "organizations:ListAccounts and DescribeOrganization have no "
                        + "resource-level permissions, and ListChildren/ListAccountsForParent walk OUs known only at "
                        + "run time; all four are reads of the organization's structure.", List.of("Resource::*")),
                suppress("AwsSolutions-IAM5", "Lambda writes to log streams it names at runtime, inside the "
                        + "function's own log group only.",
                        List.of(regex("/^Resource::<.*Logs.*\\.Arn>:log-stream:\\*$/g")))), true);
        NagSuppressions.addResourceSuppressions(sweeps.planFunction(), List.of(suppress("AwsSolutions-L1",
                LATEST_RUNTIME_REASON, null)));
        NagSuppressions.addResourceSuppressions(sweeps.stateMachine(), List.of(
                suppress("AwsSolutions-IAM5", "Resource '*' only for what Step Functions needs to deliver its own "
                        + "execution logs (logs:*LogDelivery, DescribeLogGroups, DescribeResourcePolicies, "
                        + "PutResourcePolicy) and X-Ray traces (xray:PutTraceSegments/PutTelemetryRecords, "
                        + "GetSampling*), none of which has resource-level permissions.", List.of("Resource::*")),
                suppress("AwsSolutions-IAM5", "lambda:InvokeFunction on the plan function's own qualified ARNs "
                        + "(its versions), as CDK's LambdaInvoke grants it; no other function.",
                        List.of(regex("/^Resource::<.*PlanFunction.*\\.Arn>:\\*$/g"))),
                suppress("AwsSolutions-IAM5", "The Distributed Map starts, describes and stops child executions "
                        + "of this very state machine, named at run time: the wildcard is the execution id under "
                        + "this state machine's name only.",
                        List.of(regex("/^Resource::arn:<AWS::Partition>:states:.*:execution:.*\\*$/g")))), true);
    }

    /**
     * A forwarder's queue: no SNS action (an alarm cannot notify a topic in another region); its alarm's state
     * changes travel to the home region by an EventBridge rule and fail auditor-integrity there.
     */
    static final String FORWARDER_DLQ_REASON = "This queue is itself a dead-letter queue (target of EventBridge's "
            + "dead-letter config, which SQS3 cannot see). Its depth > 0 sets an alarm whose state changes a rule "
            + "forwards to the home region, where auditor-integrity fails for this region and alerts; an operator "
            + "then redrives or purges it, so a DLQ behind it would add nothing.";

    static void forwarderDlqIsDlq(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(suppress("AwsSolutions-SQS3", FORWARDER_DLQ_REASON,
                null)));
    }

    /** The webhook secret's key is the reader's choice and unknown at synth; Secrets Manager alone may use it. */
    static void secretKeyViaSecretsManager(ReadinessAuditor auditor) {
        for (Role role : auditor.roles()) {
            if (role.getNode().getId().startsWith("SlackWebhook")) {
                NagSuppressions.addResourceSuppressions(role, List.of(suppress("AwsSolutions-IAM5",
                        "kms:Decrypt on any key of this account and region, only with kms:ViaService = Secrets "
                                + "Manager of this region: the webhook secret may be encrypted with a customer-managed "
                                + "key the deployment is not told, and this grants decrypting nothing but what Secrets "
                                + "Manager decrypts for this role (its one secret).",
                        List.of(regex("/^Resource::arn:<AWS::Partition>:kms:[^:]+:<AWS::AccountId>:key\\/\\*$/g")))),
                        true);
            }
        }
    }

    static void dlqIsDlq(IConstruct queue) {
        NagSuppressions.addResourceSuppressions(queue, List.of(suppress("AwsSolutions-SQS3", DLQ_REASON, null)));
    }

    private static NagPackSuppression suppress(String id, String reason, List<Object> appliesTo) {
        NagPackSuppression.Builder b = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo != null) {
            b.appliesTo(appliesTo);
        }
        return b.build();
    }

    private static RegexAppliesTo regex(String regex) {
        return RegexAppliesTo.builder().regex(regex).build();
    }
}
