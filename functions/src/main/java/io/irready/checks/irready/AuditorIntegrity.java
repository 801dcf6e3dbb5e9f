package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.core.UsEast1Check;
import io.irready.events.AlarmStateChange;
import io.irready.events.Extractors;
import io.irready.events.ResourceKind;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.cloudwatch.AlarmCollector;
import io.irready.inventory.eventbridge.EventBridgeCollector;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.lambda.AuditorFunctionCollector;
import io.irready.inventory.sns.TopicCollector;
import java.util.List;
import java.util.Optional;

/**
 * {@code auditor-integrity}: irready itself has not been switched off, in any region it watches, and CloudTrail
 * events still reach it from each of them (the pipeline canary, {@link CanaryPart}).
 *
 * <p>One finding per watched region, {@code <account>/<region>}. In irready's home region it judges the home
 * parts: the rules exist, are enabled and target the functions' alias; the functions exist, are not throttled
 * to zero, their alias points to a published version, EventBridge may invoke it and its event invoke config
 * still retries into irready's dead-letter queue; the alert topic has a confirmed subscription; the key is
 * enabled; the dead-letter-queue alarms are not in ALARM. In a region irready forwards from, it judges that
 * forwarder: its rules are enabled and deliver to the home bus with a dead-letter queue, and the alarm on
 * that queue is not in ALARM (a forwarded event that failed every retry is an alert). Every broken part is
 * listed, so one alert tells the whole story. NOT_APPLICABLE without {@code IRREADY_AUDITOR_*} settings (a CLI
 * scan) and in regions where irready has nothing.
 *
 * <p>us-east-1 always has a forwarder (global services are recorded there), so the sweep judges this check
 * there even when us-east-1 is not a watched region ({@link UsEast1Check}).
 */
public final class AuditorIntegrity implements Check, Routed, UsEast1Check {
    public static final String ID = "auditor-integrity";

    /**
     * What the check judges, in order: each part looks at its own region (home or a forwarder's) and reports
     * into the region's finding. A new part is one line here.
     */
    private static final List<IntegrityPart> PARTS = List.of(
            new RulesPart(),
            new FunctionsPart(),
            new TopicAndKeyPart(),
            new ForwarderRulesPart(),
            new DeadLetterAlarmsPart(),
            CanaryPart::judge);

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "irready's own rules, functions, alert topic, key, alarms and forwarders are intact",
            Severity.CRITICAL,
            "irready",
            "Custom::IrreadyDeployment",
            Granularity.ACCOUNT_REGION,
            "An attacker who knows irready is watching disables it first: a disabled rule, a removed target, a "
                    + "function throttled to zero, an alias pointed elsewhere, a deleted topic or a forwarder that "
                    + "no longer delivers silences every other alert while they switch off logging. A blind "
                    + "auditor must be the loudest finding of all. One finding per watched region: the home "
                    + "region judges the rules, functions, aliases, invoke configs, topic, key and dead-letter "
                    + "alarms; every other region (and us-east-1, always) judges its forwarding rules and the "
                    + "alarm on its dead-letter queue.",
            new Remediation(
                    "Redeploy the irready stacks (CloudFormation console → the home stack and each "
                            + "Irready-Forwarder-<region> stack → Update, or cdk deploy --all), then find who "
                            + "changed them in CloudTrail Event History. A dead-letter queue in ALARM: read its "
                            + "messages, fix the cause, then redrive or purge it.",
                    "cdk deploy --all  # or: aws events enable-rule --name <rule>; aws lambda "
                            + "delete-function-concurrency --function-name <fn>; aws sqs start-message-move-task "
                            + "--source-arn <dlq-arn>"),
            List.of(EventBridgeCollector.DESCRIBE_RULE, EventBridgeCollector.LIST_TARGETS,
                    AuditorFunctionCollector.GET_FUNCTION, AuditorFunctionCollector.GET_CONCURRENCY,
                    AuditorFunctionCollector.GET_POLICY, AuditorFunctionCollector.GET_ALIAS,
                    AuditorFunctionCollector.GET_INVOKE_CONFIG, TopicCollector.GET_TOPIC_ATTRIBUTES,
                    KmsCollector.DESCRIBE_KEY, AlarmCollector.DESCRIBE_ALARMS),
            new References(List.of(), List.of(), List.of(), List.of("T1562.001")));

    /** The canonical id of a watched region's finding: {@code <account>/<region>}, as for every region-level check. */
    public static String resourceId(String account, String region) {
        return io.irready.core.ResourceIds.accountRegion(account, region);
    }

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.kms", "DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "RevokeGrant", "RetireGrant").naming(Extractors.KEY_ID).disablesEvidence()
                    .onlyOwn(ResourceKind.KMS_KEY)
                    .because("irready's own alert key disabled or narrowed silences its alerts")
            .on("aws.events", "DisableRule", "DeleteRule", "RemoveTargets").naming(OwnResources.RULE_NAME)
                    .disablesEvidence().onlyOwn(OwnResources.EVENT_RULE)
                    .because("a disabled or deleted rule of irready's, or one without targets, stops events reaching it")
            .on("aws.events", "PutRule", "PutTargets").naming(OwnResources.RULE_NAME).onlyOwn(OwnResources.EVENT_RULE)
                    .because("a change to irready's rule or target can redirect its events")
            .on("aws.lambda", "DeleteFunction", "PutFunctionConcurrency", "RemovePermission", "DeleteAlias",
                    "UpdateAlias", "DeleteEventSourceMapping", "UpdateEventSourceMapping",
                    "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig",
                    "DeleteFunctionEventInvokeConfig")
                    .naming(Extractors.FUNCTION_NAME).disablesEvidence().onlyOwn(ResourceKind.FUNCTION)
                    .because("irready's function deleted, throttled to zero, uninvokable, its alias repointed or its "
                            + "re-check queue or failed-event destination cut off evaluates nothing")
            .on("aws.lambda", "DeleteFunctionConcurrency").naming(Extractors.FUNCTION_NAME)
                    .onlyOwn(ResourceKind.FUNCTION)
                    .because("removing a zero concurrency limit lets irready run again")
            .on("aws.lambda", "UpdateFunctionConfiguration").naming(Extractors.FUNCTION_NAME).disablesEvidence()
                    .onlyOwn(ResourceKind.FUNCTION)
                    .because("irready's own functions reconfigured can stop evaluating")
            .on("aws.sns", "DeleteTopic", "Unsubscribe", "RemovePermission", "SetSubscriptionAttributes")
                    .naming(OwnResources.TOPIC_ARN).disablesEvidence().onlyOwn(OwnResources.TOPIC)
                    .because("irready's alert topic deleted, unsubscribed, filtered or closed to its alarms "
                            + "silences its alerts")
            .on("aws.sns", "SetTopicAttributes").naming(OwnResources.TOPIC_ARN).onlyOwn(OwnResources.TOPIC)
                    .because("a policy or key change on irready's alert topic can block alerts")
            .on(AlarmStateChange.SOURCE, AlarmStateChange.EVENT_NAME).naming(OwnResources.ALARM_NAME)
                    .onlyOwn(OwnResources.ALARM)
                    .because("an alarm on irready's dead-letter queues changed state: events of that region "
                            + "failed every retry, or recovered")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return java.util.stream.Stream.concat(ROUTES.stream(), CanaryPart.routes(METADATA).stream()).toList();
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        String id = resourceId(ctx.account(), ctx.region());
        Optional<AuditorIdentity> configured = ctx.config().auditor();
        if (configured.isEmpty()) {
            return List.of(ctx.notApplicable(id, "irready's own deployment is not configured here (no "
                    + "IRREADY_AUDITOR_* settings, e.g. a CLI scan), so its integrity was not judged."));
        }
        AuditorIdentity auditor = configured.get();
        boolean home = auditor.region().equals(ctx.region());
        Optional<AuditorIdentity.Forwarder> forwarder = home ? Optional.empty() : auditor.forwarder(ctx.region());
        IntegrityPart.Where where = new IntegrityPart.Where(ctx, auditor, forwarder);
        IntegrityReport report = new IntegrityReport();
        if (!home && forwarder.isEmpty()) {
            // no forwarder of irready's is known here, but a canary sent here can still prove the region blind
            CanaryPart.judge(where, report);
            if (!report.brokenParts().isEmpty()) {
                return List.of(ctx.fail(id, String.join("; ", report.brokenParts()) + ". Find what stopped the "
                        + "events (the trail, the forwarding rule in " + ctx.region() + ", an SCP) and redeploy "
                        + "irready if it was changed."));
            }
            return List.of(ctx.notApplicable(id, "irready runs in " + auditor.region() + " and has no forwarder in "
                    + ctx.region() + "; its integrity is judged where its parts are."));
        }
        PARTS.forEach(part -> part.judge(where, report));
        return List.of(verdict(ctx, id, home, report));
    }

    private static Finding verdict(CheckContext ctx, String id, boolean home, IntegrityReport report) {
        String couldNot = report.errors().isEmpty() ? "" : " Could not check: " + String.join("; ", report.errors()) + ".";
        if (!report.brokenParts().isEmpty()) {
            String what = home ? "irready's own deployment is impaired, so other alerts may be silenced: "
                    : "irready's forwarder in " + ctx.region() + " is impaired, so events from " + ctx.region()
                    + " may never be evaluated: ";
            return ctx.fail(id, what + String.join("; ", report.brokenParts()) + "." + couldNot
                    + " Redeploy irready (cdk deploy" + (home ? "" : " --all") + ") and find who changed it in CloudTrail.");
        }
        if (!report.errors().isEmpty()) {
            return ctx.finding(id, Status.ERROR, "Could not evaluate: " + String.join("; ", report.errors()) + ".");
        }
        String what = home ? "irready is intact: " : "irready's forwarder in " + ctx.region() + " is intact: ";
        return ctx.pass(id, what + String.join("; ", report.intactParts()) + ".");
    }
}
