package io.irready.infra;

import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.EnvironmentNames;
import io.irready.core.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnEventInvokeConfig;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.IFilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilterOptions;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * irready in one construct: the findings table, the alert topic, the event, sweep (and optional Slack webhook)
 * functions behind SnapStart aliases, EventBridge rules generated from the routing table, sweep schedules,
 * dead-letter queues, alarms and a dashboard. Put it in a stack in the home region; add an
 * {@link EventForwarder} in every other region whose events it should see (and us-east-1).
 */
public class ReadinessAuditor extends Construct {
    /** The alias every trigger targets: a published SnapStart version. */
    public static final String ALIAS = "live";
    public static final String EVENT_HANDLER = "io.irready.lambda.EventHandler::handleRequest";
    public static final String SWEEP_HANDLER = "io.irready.lambda.SweepHandler::handleRequest";
    public static final String SLACK_WEBHOOK_HANDLER = "io.irready.lambda.SlackWebhookHandler::handleRequest";
    /** Where the handlers emit their EMF metrics (see README "Metrics"). */
    public static final String METRIC_NAMESPACE = "irready";
    /** The log message the sweep function writes per region it completed (with region and score). */
    public static final String SWEEP_COMPLETED_MESSAGE = "region swept";
    /** Delay before the re-check of eventually consistent state (DESIGN.md §2). */
    public static final Duration RECHECK_DELAY = Duration.seconds(120);
    /** How long EventBridge keeps retrying a target that cannot be invoked, and how often. */
    public static final Duration TARGET_MAX_EVENT_AGE = Duration.hours(2);
    public static final int TARGET_RETRY_ATTEMPTS = 20;
    /** Lambda async retries of a handler that failed, and how old an event may get in the async queue. */
    public static final Duration ASYNC_MAX_EVENT_AGE = Duration.hours(1);
    public static final int ASYNC_RETRY_ATTEMPTS = 2;

    private static final int EVENT_TIMEOUT_SECONDS = 60;
    private static final int SWEEP_TIMEOUT_MINUTES = 10;

    private final ReadinessAuditorProps props;
    private final String homeRegion;
    private final Key alertKey;
    private final Key dataKey;
    private final Table table;
    private final Topic topic;
    private final Queue deliveryDlq;
    private final Queue invocationDlq;
    private final Queue recheckQueue;
    private final Queue recheckDlq;
    private final Function eventFunction;
    private final Alias eventAlias;
    private final Function sweepFunction;
    private final Alias sweepAlias;
    private Function webhookFunction;
    private final List<Rule> routeRules = new ArrayList<>();
    private Dashboard dashboard;
    private final List<Role> roles = new ArrayList<>();
    private final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
    private final SortedSet<String> readOnlyActions;

    public ReadinessAuditor(Construct scope, String id, ReadinessAuditorProps props) {
        super(scope, id);
        this.props = props;
        this.homeRegion = Stack.of(this).getRegion();
        AuditorEnvironment.requireCommaFree(props.suppressions());
        this.readOnlyActions = readOnlyActions(props);
        this.alertKey = alertKey();
        this.dataKey = Key.Builder.create(this, "DataKey")
                .description("irready findings table and delayed re-check queue")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        this.table = findingsTable();
        this.topic = alertTopic();
        this.deliveryDlq = deadLetterQueue("DeliveryDlq", alertKey);
        this.invocationDlq = deadLetterQueue("InvocationDlq", alertKey);
        this.recheckDlq = deadLetterQueue("RecheckDlq", dataKey);
        this.recheckQueue = Queue.Builder.create(this, "RecheckQueue")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(dataKey)
                .enforceSsl(true)
                .deliveryDelay(RECHECK_DELAY)
                // six times the consumer's timeout, as Lambda's SQS event source recommends
                .visibilityTimeout(Duration.seconds(6L * EVENT_TIMEOUT_SECONDS))
                .deadLetterQueue(DeadLetterQueue.builder().queue(recheckDlq).maxReceiveCount(5).build())
                .build();

        Code code = Code.fromAsset(props.requireFunctionsJar().toString());
        Map<String, String> env = new LinkedHashMap<>(AuditorEnvironment.common(props, homeRegion));
        env.put(EnvironmentNames.IRREADY_TABLE_NAME, table.getTableName());
        env.put(EnvironmentNames.IRREADY_TOPIC_ARN, topic.getTopicArn());
        props.integrityTopicArn().ifPresent(arn -> env.put(EnvironmentNames.IRREADY_INTEGRITY_TOPIC_ARN, arn));
        env.put(EnvironmentNames.IRREADY_RECHECK_QUEUE_URL, recheckQueue.getQueueUrl());
        // auditor-integrity: irready's own resources, by name (fixed names: a Ref from a function to the rules
        // that invoke it would be a dependency cycle)
        List<String> functionNames = new ArrayList<>(List.of(physicalName("event"), physicalName("sweep")));
        props.slackWebhookSecretName().ifPresent(s -> functionNames.add(physicalName("slack-webhook")));
        env.put(EnvironmentNames.IRREADY_AUDITOR_REGION, homeRegion);
        env.put(EnvironmentNames.IRREADY_AUDITOR_RULE_NAMES, String.join(",", ruleNames()));
        env.put(EnvironmentNames.IRREADY_AUDITOR_FUNCTION_NAMES, String.join(",", functionNames));
        env.put(EnvironmentNames.IRREADY_AUDITOR_ALIAS, ALIAS);
        env.put(EnvironmentNames.IRREADY_AUDITOR_TOPIC_ARN, topic.getTopicArn());
        env.put(EnvironmentNames.IRREADY_AUDITOR_KEY_ARN, alertKey.getKeyArn());

        Role eventRole = auditorRole("EventFunctionRole", "irready event function: read-only audit + its own writes");
        this.eventFunction = javaFunction("EventFunction", physicalName("event"), EVENT_HANDLER, code, eventRole,
                Duration.seconds(EVENT_TIMEOUT_SECONDS), env,
                "irready: re-evaluates readiness checks when a routed CloudTrail event arrives");
        this.eventAlias = liveAlias(eventFunction, "EventAlias");
        eventAlias.addEventSource(new SqsEventSource(recheckQueue, SqsEventSourceProps.builder()
                .batchSize(10)
                .reportBatchItemFailures(true)
                .build()));

        Role sweepRole = auditorRole("SweepFunctionRole", "irready sweep function: read-only audit + its own writes");
        this.sweepFunction = javaFunction("SweepFunction", physicalName("sweep"), SWEEP_HANDLER, code, sweepRole,
                Duration.minutes(SWEEP_TIMEOUT_MINUTES), env,
                "irready: sweeps every region (critical checks frequently, all checks hourly)");
        this.sweepAlias = liveAlias(sweepFunction, "SweepAlias");

        addRouteRules();
        sweepSchedules();
        props.slackWebhookSecretName().ifPresent(secret -> webhookNotifier(code, secret));
        props.slackWorkspaceId().ifPresent(workspace -> SlackChannelConfiguration.Builder.create(this, "Slack")
                .slackChannelConfigurationName(("irready-" + Stack.of(this).getStackName()).replaceAll("[^A-Za-z0-9-_]", "-"))
                .slackWorkspaceId(workspace)
                .slackChannelId(props.slackChannelId().orElseThrow())
                .notificationTopics(List.of(topic))
                .loggingLevel(LoggingLevel.NONE)
                .build());
        props.alertEmails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
        sweepMetrics();
        alarms();
        addDashboard();
        NagSuppressionsForAuditor.apply(this, readOnlyActions);
    }

    // ---- keys, table, topic, queues

    private Key alertKey() {
        Key key = Key.Builder.create(this, "AlertKey")
                .description("irready alert topic and dead-letter queues (CloudWatch alarms and EventBridge write to them)")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // CloudWatch alarms publish to the encrypted topic; EventBridge publishes to it and writes to its DLQ.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAndEventBridgeToUseTheKey")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        return key;
    }

    private Table findingsTable() {
        Table t = Table.Builder.create(this, "Findings")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.CUSTOMER_MANAGED)
                .encryptionKey(dataKey)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .timeToLiveAttribute("expiresAt")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // sparse: only FAIL / ERROR findings carry openStatus, so this index is "what is broken, newest first"
        t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("open-findings")
                .partitionKey(Attribute.builder().name("openStatus").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("statusChangedAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        // sparse: only transitions not yet published carry outboxState=PENDING
        t.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName("outbox")
                .partitionKey(Attribute.builder().name("outboxState").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("outboxAt").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        return t;
    }

    private Topic alertTopic() {
        Topic t = Topic.Builder.create(this, "AlertTopic")
                .displayName("irready readiness alerts")
                .masterKey(alertKey)
                .enforceSsl(true)
                .build();
        t.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAndEventBridgeFromThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(t.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        return t;
    }

    private Queue deadLetterQueue(String id, Key key) {
        return Queue.Builder.create(this, id)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    // ---- functions

    private Role auditorRole(String id, String description) {
        Role role = Role.Builder.create(this, id)
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(description)
                .build();
        roles.add(role);
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
                .actions(AuditorPermissions.BLIND_WINDOW)
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("FindingsTable")
                .actions(AuditorPermissions.TABLE_WRITES)
                .resources(List.of(table.getTableArn(), table.getTableArn() + "/index/*"))
                .build());
        List<String> topics = new ArrayList<>(List.of(topic.getTopicArn()));
        props.integrityTopicArn().ifPresent(topics::add);
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("PublishAlerts")
                .actions(List.of("sns:Publish"))
                .resources(topics)
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("ScheduleDelayedRecheck")
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(recheckQueue.getQueueArn()))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("UseOwnKeys")
                .actions(AuditorPermissions.KEY_USE)
                .resources(List.of(dataKey.getKeyArn(), alertKey.getKeyArn()))
                .build());
        return role;
    }

    private Function javaFunction(String id, String functionName, String handler, Code code, Role role, Duration timeout,
                                  Map<String, String> env, String description) {
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
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
                .resources(List.of(invocationDlq.getQueueArn()))
                .build());
        logGroups.put(id, logs);
        Function fn = Function.Builder.create(this, id)
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
        return fn;
    }

    /** A published SnapStart version behind the {@value #ALIAS} alias, with bounded async retries and a DLQ. */
    private Alias liveAlias(Function fn, String id) {
        Alias alias = Alias.Builder.create(this, id)
                .aliasName(ALIAS)
                .version(fn.getCurrentVersion())
                .build();
        // L1 rather than the alias' onFailure prop: the L2 destination grants kms:ReEncrypt*/GenerateDataKey*
        // wildcards; the role already holds exactly sqs:SendMessage on the DLQ and kms:GenerateDataKey on its key.
        CfnEventInvokeConfig config = CfnEventInvokeConfig.Builder.create(this, id + "AsyncInvoke")
                .functionName(fn.getFunctionName())
                .qualifier(ALIAS)
                .maximumEventAgeInSeconds((int) ASYNC_MAX_EVENT_AGE.toSeconds().longValue())
                .maximumRetryAttempts(ASYNC_RETRY_ATTEMPTS)
                .destinationConfig(CfnEventInvokeConfig.DestinationConfigProperty.builder()
                        .onFailure(CfnEventInvokeConfig.OnFailureProperty.builder()
                                .destination(invocationDlq.getQueueArn()).build())
                        .build())
                .build();
        config.getNode().addDependency(alias);
        config.getNode().addDependency(fn);
        return alias;
    }

    // ---- names

    /**
     * {@code <stack>-<suffix>}, the stack name cut to 40 characters so every name fits the 64 that Lambda and
     * EventBridge allow and all of them share one prefix (the dead-letter queue admits rules by it).
     */
    private String physicalName(String suffix) {
        String prefix = Stack.of(this).getStackName().replaceAll("[^A-Za-z0-9-_]", "-");
        return (prefix.length() > 40 ? prefix.substring(0, 40) : prefix) + "-" + suffix;
    }

    private String routeRuleName(String source) {
        return physicalName("route-" + source.replaceFirst("^aws\\.", "").replaceAll("[^A-Za-z0-9-_]", "-"));
    }

    /** Every rule that triggers irready: one per routed source and the two schedules. */
    private List<String> ruleNames() {
        List<String> names = new ArrayList<>();
        props.eventPatterns().forEach(p -> names.add(routeRuleName(EventPatterns.source(p))));
        names.add(physicalName("critical-sweep"));
        names.add(physicalName("full-sweep"));
        return names;
    }

    // ---- triggers

    /** Retry policy here; the dead-letter queue is attached by {@link RuleDeadLetters}. */
    private LambdaFunction target(Alias alias, RuleTargetInput input) {
        LambdaFunctionProps.Builder p = LambdaFunctionProps.builder()
                .maxEventAge(TARGET_MAX_EVENT_AGE)
                .retryAttempts(TARGET_RETRY_ATTEMPTS);
        if (input != null) {
            p.event(input);
        }
        return new LambdaFunction(alias, p.build());
    }

    /** One rule per event source, exactly the routing table's pattern (forwarded events match them too). */
    private void addRouteRules() {
        if (props.eventPatterns().isEmpty()) {
            throw new IllegalArgumentException("ReadinessAuditorProps.eventPatterns is empty: pass "
                    + "RouteTable.standard().eventBridgePatterns() (the routing table)");
        }
        for (Map<String, Object> pattern : props.eventPatterns()) {
            String source = EventPatterns.source(pattern);
            Rule rule = Rule.Builder.create(this, "Route" + EventPatterns.idFor(source))
                    .ruleName(routeRuleName(source))
                    .description("irready: re-evaluate readiness on " + source
                            + " API calls (generated from the routing table)")
                    .eventPattern(EventPatterns.toCdk(pattern))
                    .targets(List.of(target(eventAlias, null)))
                    .build();
            RuleDeadLetters.attach(rule, deliveryDlq);
            routeRules.add(rule);
        }
        RuleDeadLetters.allowRules(deliveryDlq, physicalName(""));
    }

    private void sweepSchedules() {
        Rule critical = Rule.Builder.create(this, "CriticalSweep")
                .ruleName(physicalName("critical-sweep"))
                .description("irready: sweep CRITICAL checks in every region")
                .schedule(Schedule.rate(Duration.minutes(props.criticalSweepMinutes())))
                .targets(List.of(target(sweepAlias, RuleTargetInput.fromObject(Map.of("mode", "critical")))))
                .build();
        Rule full = Rule.Builder.create(this, "FullSweep")
                .ruleName(physicalName("full-sweep"))
                .description("irready: sweep every check in every region (and republish unsent alerts)")
                .schedule(Schedule.rate(Duration.minutes(props.fullSweepMinutes())))
                .targets(List.of(target(sweepAlias, RuleTargetInput.fromObject(Map.of("mode", "full")))))
                .build();
        RuleDeadLetters.attach(critical, deliveryDlq);
        RuleDeadLetters.attach(full, deliveryDlq);
    }

    private void webhookNotifier(Code code, String secretNameOrArn) {
        String secretArn = secretNameOrArn.startsWith("arn:") ? secretNameOrArn : Stack.of(this).formatArn(
                software.amazon.awscdk.ArnComponents.builder()
                        .service("secretsmanager").resource("secret").resourceName(secretNameOrArn)
                        .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build());
        Role role = Role.Builder.create(this, "SlackWebhookFunctionRole")
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
                .resources(List.of(alertKey.getKeyArn()))
                .build());
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentNames.IRREADY_SLACK_WEBHOOK_SECRET_ARN, secretArn);
        env.put("JAVA_TOOL_OPTIONS", AuditorEnvironment.JAVA_TOOL_OPTIONS);
        webhookFunction = javaFunction("SlackWebhookFunction", physicalName("slack-webhook"), SLACK_WEBHOOK_HANDLER, code, role,
                Duration.seconds(30), env, "irready: posts alerts to a Slack incoming webhook");
        Alias alias = liveAlias(webhookFunction, "SlackWebhookAlias");
        topic.addSubscription(new LambdaSubscription(alias));
    }

    // ---- observability

    private void alarms() {
        SnsAction notify = new SnsAction(topic);
        MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).build();
        for (Function fn : functions()) {
            String name = fn.getNode().getId();
            Alarm errors = Alarm.Builder.create(this, name + "Errors")
                    .alarmDescription("irready " + name + " failed: readiness may not be evaluated or alerted. "
                            + "Read the function's log group.")
                    .metric(fn.metricErrors(fiveMinutes))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            errors.addAlarmAction(notify);
            Alarm throttles = Alarm.Builder.create(this, name + "Throttles")
                    .alarmDescription("irready " + name + " was throttled: events may be evaluated late or not at "
                            + "all. Check the account's Lambda concurrency.")
                    .metric(fn.metricThrottles(fiveMinutes))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            throttles.addAlarmAction(notify);
        }
        for (Queue dlq : List.of(deliveryDlq, invocationDlq, recheckDlq)) {
            String name = dlq.getNode().getId();
            Alarm depth = Alarm.Builder.create(this, name + "NotEmpty")
                    .alarmDescription("irready " + name + " holds messages: events or sweeps were dropped after "
                            + "retries. Inspect the messages, fix the cause, then redrive or purge the queue.")
                    .metric(dlq.metricApproximateNumberOfMessagesVisible(fiveMinutes))
                    .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            depth.addAlarmAction(notify);
        }
        // Dead man's switch: the sweeps are the safety net for lost events (after StopLogging, EventBridge sees
        // nothing), so silence is itself an alert. It counts sweeps that completed a region (the sweep function's
        // "region swept" log line), so a handler that runs but fails every region trips it as well.
        Duration window = Duration.minutes(2L * props.criticalSweepMinutes());
        Alarm deadMan = Alarm.Builder.create(this, "NoSuccessfulSweep")
                .alarmDescription("irready has not completed a sweep in " + 2 * props.criticalSweepMinutes()
                        + " minutes (twice the critical-sweep schedule): readiness is not being evaluated. "
                        + "Check the sweep schedule rules and the sweep function's logs.")
                .metric(Metric.Builder.create().namespace(METRIC_NAMESPACE).metricName("SweepsCompleted")
                        .statistic("Sum").period(window).build())
                .threshold(1).comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(1).treatMissingData(TreatMissingData.BREACHING)
                .build();
        deadMan.addAlarmAction(notify);
        deadMan.addOkAction(notify);
    }

    /**
     * The sweep function logs one JSON line per region it swept ({@code "message":"region swept"}, with
     * {@code region} and {@code score}); metric filters turn those into the readiness score per region and the
     * count of completed sweeps, with no API call from the function.
     */
    private void sweepMetrics() {
        LogGroup sweepLogs = logGroups.get("SweepFunction");
        IFilterPattern regionSwept = FilterPattern.stringValue("$.message", "=", SWEEP_COMPLETED_MESSAGE);
        sweepLogs.addMetricFilter("ReadinessScoreFilter", MetricFilterOptions.builder()
                .filterPattern(regionSwept)
                .metricNamespace(METRIC_NAMESPACE).metricName("ReadinessScore")
                .metricValue("$.score")
                .dimensions(Map.of("Region", "$.region"))
                .build());
        sweepLogs.addMetricFilter("SweepsCompletedFilter", MetricFilterOptions.builder()
                .filterPattern(regionSwept)
                .metricNamespace(METRIC_NAMESPACE).metricName("SweepsCompleted")
                .metricValue("1")
                .build());
    }

    private void addDashboard() {
        List<IMetric> score = new ArrayList<>();
        for (String region : props.sweepRegions(homeRegion)) {
            score.add(emf("ReadinessScore", Map.of("Region", region), "Average", region));
        }
        List<IMetric> failing = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            failing.add(emf("FailingFindings", Map.of("Severity", severity.name()), "Maximum", severity.name()));
        }
        MetricOptions fiveMinutes = MetricOptions.builder().period(Duration.minutes(5)).build();
        // dashboards are account-wide (not regional): the home region keeps two deployments apart
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(physicalName(homeRegion))
                .widgets(List.of(
                        List.of(TextWidget.Builder.create()
                                .markdown("# irready\nReadiness score (0–100) per region, failing findings, events "
                                        + "and errors. Failing findings: DynamoDB index `open-findings`.")
                                .width(24).height(2).build()),
                        List.of(GraphWidget.Builder.create().title("Readiness score per region")
                                        .left(score).width(12).build(),
                                GraphWidget.Builder.create().title("Failing findings by severity")
                                        .left(failing).stacked(true).width(12).build()),
                        List.of(GraphWidget.Builder.create().title("Events processed")
                                        .left(List.of(
                                                emf("EventsReceived", Map.of("Function", "event"), "Sum", "Events received"),
                                                emf("EventsRouted", Map.of("Function", "event"), "Sum", "Events routed"),
                                                emf("TamperAttempts", Map.of("Function", "event"), "Sum", "Tamper attempts"),
                                                eventFunction.metricInvocations(fiveMinutes)))
                                        .width(12).build(),
                                GraphWidget.Builder.create().title("Evaluation and function errors")
                                        .left(List.of(
                                                emf("Errors", Map.of("Function", "event"), "Sum", "Event errors"),
                                                emf("Errors", Map.of("Function", "sweep"), "Sum", "Sweep errors"),
                                                emf("AlertsFailed", Map.of("Function", "event"), "Sum", "Alerts failed"),
                                                eventFunction.metricErrors(fiveMinutes),
                                                sweepFunction.metricErrors(fiveMinutes)))
                                        .width(12).build())))
                .build();
    }

    private static Metric emf(String name, Map<String, String> dimensions, String statistic, String label) {
        return Metric.Builder.create()
                .namespace(METRIC_NAMESPACE).metricName(name).dimensionsMap(dimensions)
                .statistic(statistic).period(Duration.minutes(5)).label(label)
                .build();
    }

    // ---- permissions

    /** The read-only actions of the enabled checks; an unknown disabled check id fails synth with the known ids. */
    static SortedSet<String> readOnlyActions(ReadinessAuditorProps props) {
        CheckRegistry registry = Catalog.registry();
        registry.select(props.disabledChecks());
        Config config = Config.builder().disabledChecks(props.disabledChecks()).build();
        return new TreeSet<>(CheckRegistry.permissions(registry.enabled(config)));
    }

    // ---- accessors for embedding apps and tests

    public Table table() { return table; }
    public Topic topic() { return topic; }
    public Function eventFunction() { return eventFunction; }
    public Alias eventAlias() { return eventAlias; }
    public Function sweepFunction() { return sweepFunction; }
    public Alias sweepAlias() { return sweepAlias; }
    public Queue recheckQueue() { return recheckQueue; }
    public Dashboard dashboard() { return dashboard; }
    public List<Rule> routeRules() { return List.copyOf(routeRules); }
    List<Queue> targetDeadLetterQueues() { return List.of(deliveryDlq, invocationDlq); }
    List<Role> roles() {
        return List.copyOf(roles);
    }
    List<Function> functions() {
        List<Function> functions = new ArrayList<>(List.of(eventFunction, sweepFunction));
        if (webhookFunction != null) {
            functions.add(webhookFunction);
        }
        return functions;
    }
}
