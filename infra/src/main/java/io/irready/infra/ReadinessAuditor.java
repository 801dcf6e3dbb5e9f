package io.irready.infra;

import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * irready in one construct: the findings table, the alert topic, the event, sweep (and optional Slack webhook)
 * functions behind SnapStart aliases, EventBridge rules generated from the routing table, sweep schedules,
 * dead-letter queues, alarms and a dashboard. Put it in a stack in the home region; add an
 * {@link EventForwarder} in every other region whose events it should see (and us-east-1).
 *
 * <p>Each part is built by its own class ({@link AuditorStorage}, {@link AuditorFunctions},
 * {@link AuditorTriggers}, {@link AlertSubscribers}, {@link AuditorObservability}) directly in this construct's
 * scope: the resources keep the construct paths, and so the logical ids, that deployed stacks already have.
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
    /**
     * None for the sweep: its schedule is the retry (the next critical sweep is minutes away), a region's AWS fault
     * no longer fails the invocation (it backs off instead), and a retried sweep would repeat every region's calls.
     */
    public static final int SWEEP_ASYNC_RETRY_ATTEMPTS = 0;

    private final AuditorStorage storage;
    private final AuditorFunctions functions;
    private final AuditorTriggers triggers;
    private final AuditorObservability observability;
    private final OrganizationSweeps organizationSweeps;

    public ReadinessAuditor(Construct scope, String id, ReadinessAuditorProps props) {
        this(scope, id, props, null);
    }

    /** @param organization when set, the schedules fan the sweeps out over the organization ({@link OrganizationSweeps}) */
    public ReadinessAuditor(Construct scope, String id, ReadinessAuditorProps props, OrganizationSettings organization) {
        super(scope, id);
        AuditorEnvironment.requireCommaFree(props.suppressions());
        SortedSet<String> readOnlyActions = readOnlyActions(props);
        AuditorNames names = AuditorNames.of(Stack.of(this));
        this.storage = new AuditorStorage(this, names);
        this.functions = new AuditorFunctions(this, props, storage, names, readOnlyActions);
        this.organizationSweeps = organization == null ? null : new OrganizationSweeps(this, "OrganizationSweeps",
                props, organization, names, functions.sweepAlias(), storage.topic());
        this.triggers = organizationSweeps == null
                ? new AuditorTriggers(this, props, names, functions.eventAlias(), functions.sweepAlias(),
                        storage.deliveryDlq())
                : new AuditorTriggers(this, props, names, functions.eventAlias(), functions.sweepAlias(),
                        organizationSweeps::target,
                        storage.deliveryDlq());
        AlertSubscribers.subscribe(this, props, storage.topic(), functions.slackWebhookAlias());
        this.observability = new AuditorObservability(this, props, names, storage, functions);
        CanaryLogGroup.create(this);
        NagSuppressionsForAuditor.apply(this, readOnlyActions);
        props.slackWebhookSecretName().ifPresent(s -> NagSuppressionsForAuditor.secretKeyViaSecretsManager(this));
        if (props.multiAccount() && props.accountScope().isAny()) {
            NagSuppressionsForAuditor.anyAccountsAuditRole(this, props.effectiveAuditRoleName());
        }
    }

    /** The read-only actions of the enabled checks; an unknown disabled check id fails synth with the known ids. */
    static SortedSet<String> readOnlyActions(ReadinessAuditorProps props) {
        CheckRegistry registry = Catalog.registry();
        registry.select(props.disabledChecks());
        Config config = Config.builder().disabledChecks(props.disabledChecks()).build();
        return new TreeSet<>(CheckRegistry.permissions(registry.enabled(config)));
    }

    // ---- accessors for embedding apps and tests

    public Table table() { return storage.table(); }
    public Topic topic() { return storage.topic(); }
    public Function eventFunction() { return functions.eventFunction(); }
    public Alias eventAlias() { return functions.eventAlias(); }
    public Function sweepFunction() { return functions.sweepFunction(); }
    public Alias sweepAlias() { return functions.sweepAlias(); }
    public Queue recheckQueue() { return storage.recheckQueue(); }
    public Dashboard dashboard() { return observability.dashboard(); }
    public List<Rule> routeRules() { return triggers.routeRules(); }
    /** The organization sweep state machine, in organization mode. */
    public java.util.Optional<software.amazon.awscdk.services.stepfunctions.StateMachine> organizationSweep() {
        return java.util.Optional.ofNullable(organizationSweeps).map(OrganizationSweeps::stateMachine);
    }
    List<Queue> targetDeadLetterQueues() { return List.of(storage.deliveryDlq(), storage.invocationDlq()); }
    List<Role> roles() { return functions.roles(); }
    List<Function> functions() { return functions.all(); }
}
