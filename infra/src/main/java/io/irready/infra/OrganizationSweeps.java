package io.irready.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SfnStateMachineProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.DistributedMap;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JitterType;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * Sweeps of the whole organization on AWS's own fan-out engine: a Step Functions state machine asks the plan
 * function which accounts and regions to sweep, then a Distributed Map runs one child execution per account
 * ({@code MaxConcurrency} at a time, failing the run only past {@code ToleratedFailurePercentage}), each an inline
 * Map over the regions invoking the sweep function's alias with {@code {"mode","account","region"}}. Every
 * invocation retries with backoff and is caught on its own, so one unreachable account or region never stops the
 * others; an account with a region that still failed ends its child execution in failure, which is what the
 * tolerated failure percentage counts (see docs/ORGANIZATION.md).
 */
final class OrganizationSweeps extends Construct {
    public static final String SWEEP_PLAN_HANDLER = "io.irready.lambda.SweepPlanHandler::handleRequest";
    /** The OUs the plan lists accounts under (comma-separated); unset for the whole organization. */
    static final String ORGANIZATION_UNITS_ENV = io.irready.core.EnvironmentNames.IRREADY_ORGANIZATION_UNITS;
    /** Errors worth a retry: Lambda's own and the function's (a sweep is idempotent). */
    static final List<String> RETRIED_ERRORS = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException", "States.TaskFailed");
    static final int SWEEP_ATTEMPTS = 3;
    static final int PLAN_ATTEMPTS = 4;
    static final String ACCOUNT_FAILED_ERROR = "IrreadyAccountSweepFailed";

    private final Function planFunction;
    private final StateMachine stateMachine;
    private final Role planRole;

    OrganizationSweeps(Construct scope, String id, ReadinessAuditorProps props, OrganizationSettings org,
                       AuditorNames names, Alias sweepAlias, Topic alertTopic) {
        super(scope, id);
        Stack stack = Stack.of(this);
        this.planRole = Role.Builder.create(this, "PlanFunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("irready sweep plan function: lists the organization's accounts, nothing else")
                .build();
        planRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("ListTheOrganizationsAccounts")
                .actions(List.of("organizations:ListAccounts", "organizations:ListAccountsForParent",
                        "organizations:ListChildren", "organizations:DescribeOrganization"))
                .resources(List.of("*"))
                .build());
        planRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("KnowTheHomeAccount") // the plan always includes the account it runs in
                .actions(List.of("sts:GetCallerIdentity"))
                .resources(List.of("*"))
                .build());
        LogGroup planLogs = LogGroup.Builder.create(this, "PlanFunctionLogs")
                .retention(Retention.atLeast(props.retentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        planRole.addToPolicy(PolicyStatement.Builder.create()
                .sid("WriteOwnLogs")
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(planLogs.getLogGroupArn(), planLogs.getLogGroupArn() + ":log-stream:*"))
                .build());
        Map<String, String> env = new LinkedHashMap<>(AuditorEnvironment.common(props, stack.getRegion()));
        List<String> units = org.deploymentTargets().stream().filter(t -> t.startsWith("ou-")).toList();
        if (!units.isEmpty()) {
            env.put(ORGANIZATION_UNITS_ENV, String.join(",", units));
        }
        this.planFunction = Function.Builder.create(this, "PlanFunction")
                .functionName(names.name("sweep-plan"))
                .description("irready: lists the organization's ACTIVE accounts and the regions to sweep")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(SWEEP_PLAN_HANDLER)
                .code(Code.fromAsset(props.requireFunctionsJar().toString()))
                .memorySize(1024)
                .timeout(Duration.minutes(2))
                .role(planRole)
                .logGroup(planLogs)
                .environment(env)
                .build();

        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(names.name("organization-sweep"))
                .comment("irready: sweep every account of the organization in every watched region")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromChainable(plan().next(accounts(org, sweepAlias))))
                .tracingEnabled(true)
                .logs(LogOptions.builder()
                        .destination(encryptedLogs(props))
                        .level(LogLevel.ALL)
                        .includeExecutionData(true)
                        .build())
                .build();
        Alarm failed = Alarm.Builder.create(this, "RunFailed")
                .alarmDescription("irready: an organization sweep failed (the plan could not list the accounts, or "
                        + "more accounts than tolerated could not be swept); see the state machine's executions")
                .metric(stateMachine.metricFailed(MetricOptions.builder().period(Duration.minutes(5)).build()))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        failed.addAlarmAction(new SnsAction(alertTopic));
        NagSuppressionsForAuditor.organizationSweeps(this);
    }

    /** The plan: which accounts (ACTIVE, in scope) and regions; retried, and fatal to the run if it still fails. */
    private LambdaInvoke plan() {
        LambdaInvoke plan = LambdaInvoke.Builder.create(this, "Plan")
                .stateName("PlanAccountsAndRegions")
                .lambdaFunction(planFunction)
                .payload(TaskInput.fromObject(Map.of("mode", JsonPath.stringAt("$.mode"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(false)
                .build();
        plan.addRetry(retry(PLAN_ATTEMPTS));
        return plan;
    }

    /** One child execution per account, each sweeping the account's regions. */
    private DistributedMap accounts(OrganizationSettings org, Alias sweepAlias) {
        DistributedMap accounts = DistributedMap.Builder.create(this, "Accounts")
                .stateName("SweepEveryAccount")
                .itemsPath("$.accounts")
                .itemSelector(Map.of(
                        // the account id only: a path the item lacks would fail the whole map, and the sweep
                        // needs nothing else of the item
                        "account", JsonPath.stringAt("$$.Map.Item.Value.account"),
                        "mode", JsonPath.stringAt("$.mode"),
                        "regions", JsonPath.listAt("$.regions")))
                .maxConcurrency(org.sweepConcurrency())
                .toleratedFailurePercentage(org.toleratedFailurePercent())
                // a sweep can take the sweep function's 10 minutes; express children stop at 5
                .mapExecutionType(StateMachineType.STANDARD)
                .resultPath(JsonPath.DISCARD)
                .build();
        accounts.itemProcessor(regions(sweepAlias)
                .next(Pass.Builder.create(this, "CollectFailedRegions")
                        .stateName("CollectFailedRegions")
                        .parameters(Map.of(
                                "account", JsonPath.stringAt("$.account"),
                                "failedRegions", JsonPath.listAt("$.results[?(@.status == 'FAILED')].region")))
                        .build())
                .next(Choice.Builder.create(this, "AnyRegionFailed").stateName("AnyRegionFailed").build()
                        .when(Condition.isPresent("$.failedRegions[0]"), Fail.Builder.create(this, "AccountFailed")
                                .stateName("AccountFailed")
                                .error(ACCOUNT_FAILED_ERROR)
                                .cause("a region of this account could not be swept after retries (its error is in "
                                        + "the child execution's history)")
                                .build())
                        .otherwise(Succeed.Builder.create(this, "AccountSwept").stateName("AccountSwept").build())));
        return accounts;
    }

    /** The regions of one account, in parallel; each invocation retried and caught on its own. */
    private software.amazon.awscdk.services.stepfunctions.Map regions(Alias sweepAlias) {
        LambdaInvoke sweep = LambdaInvoke.Builder.create(this, "Sweep")
                .stateName("SweepAccountRegion")
                .lambdaFunction(sweepAlias)
                .payload(TaskInput.fromObject(Map.of(
                        "mode", JsonPath.stringAt("$.mode"),
                        "account", JsonPath.stringAt("$.account"),
                        "region", JsonPath.stringAt("$.region"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(false)
                .resultPath(JsonPath.DISCARD)
                .build();
        sweep.addRetry(retry(SWEEP_ATTEMPTS));
        sweep.addCatch(Pass.Builder.create(this, "RegionFailed")
                .stateName("RegionFailed")
                .parameters(Map.of(
                        "account", JsonPath.stringAt("$.account"),
                        "region", JsonPath.stringAt("$.region"),
                        "status", "FAILED",
                        "error", JsonPath.stringAt("$.error.Error")))
                .build(), CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.error").build());
        sweep.next(Pass.Builder.create(this, "RegionSwept")
                .stateName("RegionSwept")
                .parameters(Map.of(
                        "account", JsonPath.stringAt("$.account"),
                        "region", JsonPath.stringAt("$.region"),
                        "status", "OK"))
                .build());
        software.amazon.awscdk.services.stepfunctions.Map regions =
                software.amazon.awscdk.services.stepfunctions.Map.Builder.create(this, "Regions")
                        .stateName("SweepEveryRegion")
                        .itemsPath("$.regions")
                        .itemSelector(Map.of(
                                "mode", JsonPath.stringAt("$.mode"),
                                "account", JsonPath.stringAt("$.account"),
                                "region", JsonPath.stringAt("$$.Map.Item.Value")))
                        .resultPath("$.results")
                        .build();
        regions.itemProcessor(sweep);
        return regions;
    }

    private static RetryProps retry(int attempts) {
        return RetryProps.builder()
                .errors(RETRIED_ERRORS)
                .interval(Duration.seconds(5))
                .backoffRate(2)
                .maxAttempts(attempts - 1)
                .jitterStrategy(JitterType.FULL)
                .build();
    }

    /** Execution logs under a key of their own, which CloudWatch Logs may use for this account's log groups. */
    private LogGroup encryptedLogs(ReadinessAuditorProps props) {
        Stack stack = Stack.of(this);
        Key key = Key.Builder.create(this, "LogsKey")
                .description("irready: encrypts the organization sweep state machine's execution logs")
                .enableKeyRotation(true)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsOfThisAccount")
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
                                + ":log-group:*")))
                .build());
        return LogGroup.Builder.create(this, "ExecutionLogs")
                .encryptionKey(key)
                .retention(Retention.atLeast(props.retentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** The schedules' target: a run of the state machine with {@code {"mode": …}}. */
    IRuleTarget target(RuleTargetInput input) {
        return new SfnStateMachine(stateMachine, SfnStateMachineProps.builder()
                .input(input)
                .maxEventAge(ReadinessAuditor.TARGET_MAX_EVENT_AGE)
                .retryAttempts(ReadinessAuditor.TARGET_RETRY_ATTEMPTS)
                .build());
    }

    StateMachine stateMachine() { return stateMachine; }
    Function planFunction() { return planFunction; }
    Role planRole() { return planRole; }
}
