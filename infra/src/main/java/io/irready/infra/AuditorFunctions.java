package io.irready.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * irready's Lambda functions: the event and sweep functions (and the Slack webhook function when a webhook secret
 * is configured), each with its own role, log group, environment and a {@value ReadinessAuditor#ALIAS} alias on a
 * published SnapStart version with bounded async retries. Built directly in the auditor's scope, not in a child
 * construct, so the logical ids stay those of deployed stacks.
 */
final class AuditorFunctions {
    static final int EVENT_TIMEOUT_SECONDS = 60;
    private static final int SWEEP_TIMEOUT_MINUTES = 10;
    private static final int SLACK_WEBHOOK_TIMEOUT_SECONDS = 30;

    private final Construct auditor;
    private final ReadinessAuditorProps props;
    private final AuditorStorage storage;
    private final SortedSet<String> readOnlyActions;
    private final List<Role> roles = new ArrayList<>();
    private final Function eventFunction;
    private final Alias eventAlias;
    private final LogGroup sweepLogs;
    private final Function sweepFunction;
    private final Alias sweepAlias;
    private Function slackWebhookFunction;
    private Alias slackWebhookAlias;

    AuditorFunctions(Construct auditor, ReadinessAuditorProps props, AuditorStorage storage, AuditorNames names,
                     SortedSet<String> readOnlyActions) {
        this.auditor = auditor;
        this.props = props;
        this.storage = storage;
        this.readOnlyActions = readOnlyActions;
        String homeRegion = Stack.of(auditor).getRegion();
        Code code = Code.fromAsset(props.requireFunctionsJar().toString());
        Map<String, String> env = AuditorEnvironment.auditFunctions(props, homeRegion, storage, names);

        Role eventRole = auditRole("EventFunctionRole", "irready event function: read-only audit + its own writes");
        this.eventFunction = javaFunction("EventFunction", names.name(AuditorNames.EVENT_FUNCTION),
                ReadinessAuditor.EVENT_HANDLER, code, eventRole, Duration.seconds(EVENT_TIMEOUT_SECONDS), env,
                "irready: re-evaluates readiness checks when a routed CloudTrail event arrives").function();
        Optional<LayerVersion> mutelist = props.mutelist().map(file -> MuteListLayer.of(auditor, file));
        mutelist.ifPresent(eventFunction::addLayers);
        this.eventAlias = liveAlias(eventFunction, "EventAlias");
        eventAlias.addEventSource(new SqsEventSource(storage.recheckQueue(), SqsEventSourceProps.builder()
                .batchSize(10)
                .reportBatchItemFailures(true)
                .build()));

        Role sweepRole = auditRole("SweepFunctionRole", "irready sweep function: read-only audit + its own writes");
        // only the sweep function writes the canary, and only on the canary log group of each watched region
        sweepRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("TagTheCanaryLogGroup")
                .actions(AuditorPermissions.CANARY_WRITE)
                .resources(canaryLogGroupArns())
                .build());
        Logged sweep = javaFunction("SweepFunction", names.name(AuditorNames.SWEEP_FUNCTION),
                ReadinessAuditor.SWEEP_HANDLER, code, sweepRole, Duration.minutes(SWEEP_TIMEOUT_MINUTES), env,
                "irready: sweeps every region (critical checks frequently, all checks hourly)");
        this.sweepFunction = sweep.function();
        mutelist.ifPresent(sweepFunction::addLayers);
        this.sweepLogs = sweep.logs();
        this.sweepAlias = liveAlias(sweepFunction, "SweepAlias", ReadinessAuditor.SWEEP_ASYNC_RETRY_ATTEMPTS);

        props.slackWebhookSecretName().ifPresent(secret ->
                slackWebhookFunction(code, secret, names.name(AuditorNames.SLACK_WEBHOOK_FUNCTION)));
    }

    /** A function and the log group it writes to. */
    private record Logged(Function function, LogGroup logs) {
    }

    /** The registry's read-only audit calls plus exactly the auditor's own writes, on its own resources. */
    private Role auditRole(String id, String description) {
        Role role = Role.Builder.create(auditor, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(description)
                .build();
        roles.add(role);
        AuditorPermissions.grantAuditReads(role, readOnlyActions);
        String tableArn = storage.table().getTableArn();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("FindingsTable")
                .actions(AuditorPermissions.TABLE_WRITES)
                .resources(List.of(tableArn, tableArn + "/index/*"))
                .build());
        List<String> topics = new ArrayList<>(List.of(storage.topic().getTopicArn()));
        props.integrityTopicArn().ifPresent(topics::add);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PublishAlerts")
                .actions(List.of("sns:Publish"))
                .resources(topics)
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ScheduleDelayedRecheck")
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(storage.recheckQueue().getQueueArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("UseOwnKeys")
                .actions(AuditorPermissions.KEY_USE)
                .resources(List.of(storage.dataKey().getKeyArn(), storage.alertKey().getKeyArn()))
                .build());
        props.integrityTopicKeyArn().ifPresent(key -> role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PublishToTheEncryptedIntegrityTopic")
                // SNS encrypts a message with the topic's key as the publisher: without these the publish fails
                .actions(AuditorPermissions.KEY_USE)
                .resources(List.of(key))
                .build()));
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PutFindingEventsOnTheDefaultBus")
                .actions(AuditorPermissions.FINDING_EVENTS)
                .resources(List.of(Stack.of(auditor).formatArn(ArnComponents.builder()
                        .service("events").resource("event-bus").resourceName("default").build())))
                .build());
        if (props.securityHub()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("ImportFindingsIntoSecurityHub")
                    .actions(AuditorPermissions.SECURITY_HUB_IMPORT)
                    .resources(securityHubProducts())
                    .build());
        }
        if (props.multiAccount()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("AssumeTheAuditRoleInOtherAccounts")
                    .actions(AuditorPermissions.ASSUME_AUDIT_ROLE)
                    .resources(auditRoleArns())
                    .build());
            // alerts name the member account ("prod (111122223333)"); a denied lookup only drops the name
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("NameTheAccountsInAlerts")
                    .actions(List.of(AuditorPermissions.DESCRIBE_ACCOUNT))
                    .resources(List.of("*"))
                    .build());
        }
        return role;
    }

    /**
     * The audit role in every account in scope: the listed accounts' when the scope lists them (the home
     * account needs none), else any account's role of that name, since the organization's accounts are
     * known only at run time.
     */
    private List<String> auditRoleArns() {
        String partition = Stack.of(auditor).getPartition();
        String role = ":role/" + props.effectiveAuditRoleName();
        if (props.accountScope().isAny()) {
            return List.of("arn:" + partition + ":iam::*" + role);
        }
        return props.accountScope().accounts().stream().sorted()
                .map(account -> "arn:" + partition + ":iam::" + account + role).toList();
    }

    /**
     * The account's default Security Hub product in every swept region: a finding is imported in its own
     * region, and an account may import only its own findings into its own default product.
     */
    private List<String> securityHubProducts() {
        Stack stack = Stack.of(auditor);
        return props.sweepRegions(stack.getRegion()).stream()
                .map(region -> "arn:" + stack.getPartition() + ":securityhub:" + region + ":" + stack.getAccount()
                        + ":product/" + stack.getAccount() + "/default")
                .toList();
    }

    /** The canary log group in every watched region, as tagging calls name it (no {@code :*}). */
    private List<String> canaryLogGroupArns() {
        Stack stack = Stack.of(auditor);
        return props.sweepRegions(stack.getRegion()).stream()
                .map(region -> "arn:" + stack.getPartition() + ":logs:" + region + ":" + stack.getAccount()
                        + ":log-group:" + CanaryLogGroup.NAME)
                .toList();
    }

    /** The webhook function reads the webhook URL from its secret and nothing else of the account. */
    private void slackWebhookFunction(Code code, String secretNameOrArn, String functionName) {
        String secretArn = secretNameOrArn.startsWith("arn:") ? secretNameOrArn : Stack.of(auditor).formatArn(
                ArnComponents.builder()
                        .service("secretsmanager").resource("secret").resourceName(secretNameOrArn)
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
        Role role = Role.Builder.create(auditor, "SlackWebhookFunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("irready Slack webhook notifier: reads the webhook URL secret")
                .build();
        roles.add(role);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ReadWebhookUrl")
                .actions(List.of("secretsmanager:GetSecretValue"))
                // a name resolves to the secret's ARN plus Secrets Manager's six-character suffix
                .resources(List.of(secretNameOrArn.startsWith("arn:") ? secretArn : secretArn + "-??????"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("UseOwnKeys")
                .actions(AuditorPermissions.KEY_USE)
                .resources(List.of(storage.alertKey().getKeyArn()))
                .build());
        // a secret under a customer-managed key: Secrets Manager decrypts with the caller's permission. The key is
        // not known at synth, so any key of this account and region, and only when Secrets Manager asks.
        Stack stack = Stack.of(auditor);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("DecryptWebhookSecretThroughSecretsManager")
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(stack.formatArn(ArnComponents.builder().service("kms").resource("key")
                        .resourceName("*").build())))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                        "secretsmanager." + stack.getRegion() + ".amazonaws.com")))
                .build());
        slackWebhookFunction = javaFunction("SlackWebhookFunction", functionName, ReadinessAuditor.SLACK_WEBHOOK_HANDLER,
                code, role, Duration.seconds(SLACK_WEBHOOK_TIMEOUT_SECONDS),
                AuditorEnvironment.slackWebhookFunction(secretArn),
                "irready: posts alerts to a Slack incoming webhook").function();
        slackWebhookAlias = liveAlias(slackWebhookFunction, "SlackWebhookAlias");
    }

    private Logged javaFunction(String id, String functionName, String handler, Code code, Role role,
                                Duration timeout, Map<String, String> env, String description) {
        LogGroup logs = LogGroup.Builder.create(auditor, id + "Logs")
                // irready's own logs are evidence too (tamper attempts, who changed what): keep them at least as
                // long as it demands of every other forensic log group, so it never fails its own logs check
                .retention(Retention.atLeast(props.retentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn(), logs.getLogGroupArn() + ":log-stream:*"))
                .build());
        // Lambda's on-failure destination sends with the function's own role
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("SendFailedInvocationsToDlq")
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(storage.invocationDlq().getQueueArn()))
                .build());
        Function fn = Function.Builder.create(auditor, id)
                .functionName(functionName)
                .description(description)
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(code)
                .memorySize(1024)
                .timeout(timeout)
                .role(role)
                .logGroup(logs)
                .environment(env)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        Annotations.of(fn).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every trigger invokes the 'live' alias on the published currentVersion, never $LATEST");
        return new Logged(fn, logs);
    }

    /** A published SnapStart version behind the alias, with bounded async retries and a DLQ. */
    private Alias liveAlias(Function fn, String id) {
        return liveAlias(fn, id, ReadinessAuditor.ASYNC_RETRY_ATTEMPTS);
    }

    private Alias liveAlias(Function fn, String id, int retryAttempts) {
        Alias alias = Alias.Builder.create(auditor, id)
                .aliasName(ReadinessAuditor.ALIAS)
                .version(fn.getCurrentVersion())
                .build();
        // L1 rather than the alias' onFailure prop: the L2 destination grants kms:ReEncrypt*/GenerateDataKey*
        // wildcards; the role already holds exactly sqs:SendMessage on the DLQ and kms:GenerateDataKey on its key.
        CfnEventInvokeConfig config = CfnEventInvokeConfig.Builder.create(auditor, id + "AsyncInvoke")
                .functionName(fn.getFunctionName())
                .qualifier(ReadinessAuditor.ALIAS)
                .maximumEventAgeInSeconds((int) ReadinessAuditor.ASYNC_MAX_EVENT_AGE.toSeconds().longValue())
                .maximumRetryAttempts(retryAttempts)
                .destinationConfig(CfnEventInvokeConfig.DestinationConfigProperty.builder()
                        .onFailure(CfnEventInvokeConfig.OnFailureProperty.builder()
                                .destination(storage.invocationDlq().getQueueArn()).build())
                        .build())
                .build();
        config.getNode().addDependency(alias);
        config.getNode().addDependency(fn);
        return alias;
    }

    Function eventFunction() { return eventFunction; }
    Alias eventAlias() { return eventAlias; }
    Function sweepFunction() { return sweepFunction; }
    Alias sweepAlias() { return sweepAlias; }
    /** Where the sweep function logs its "region swept" lines. */
    LogGroup sweepLogs() { return sweepLogs; }
    Optional<Alias> slackWebhookAlias() { return Optional.ofNullable(slackWebhookAlias); }

    List<Role> roles() {
        return List.copyOf(roles);
    }

    /** Event, sweep and (if configured) Slack webhook function, in that order. */
    List<Function> all() {
        List<Function> functions = new ArrayList<>(List.of(eventFunction, sweepFunction));
        if (slackWebhookFunction != null) {
            functions.add(slackWebhookFunction);
        }
        return functions;
    }
}
