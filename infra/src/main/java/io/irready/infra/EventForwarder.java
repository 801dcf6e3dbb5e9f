package io.irready.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.EventBusProps;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Forwards the routed CloudTrail events of one region to the home region's default event bus, where the
 * {@link ReadinessAuditor}'s rules (same patterns) pick them up. Same account, so the home bus needs no
 * resource policy: the rule's role, allowed to {@code events:PutEvents} on that bus, is enough.
 *
 * <p>Watched like the rest of irready: an alarm fires when the forwarder's dead-letter queue holds messages
 * (events that failed every retry), and one more rule forwards that alarm's state changes to the home bus, where
 * they re-evaluate {@code auditor-integrity} for this region, whose finding then fails and alerts. A CloudWatch
 * alarm cannot notify a topic in another region, hence the rule rather than an alarm action.
 */
public class EventForwarder extends Construct {
    private final Queue deadLetterQueue;
    private final Alarm deadLetterAlarm;

    /** Forwards every pattern given (an embedding app's own plan). */
    public EventForwarder(Construct scope, String id, String homeRegion, List<Map<String, Object>> eventPatterns) {
        this(scope, id, homeRegion, null, eventPatterns);
    }

    /**
     * Forwards to the given bus instead of this account's home bus: an organization member's rules deliver to the
     * central account's, admitted there by its bus policy (see {@link MemberStacks}).
     */
    EventForwarder(Construct scope, String id, String homeRegion, String homeBusArn,
                   List<Map<String, Object>> eventPatterns) {
        this(scope, id, homeRegion, homeBusArn, new ForwarderPlan(Stack.of(scope).getRegion(),
                ForwarderPlan.prefix(Stack.of(scope).getStackName()), eventPatterns));
    }

    EventForwarder(Construct scope, String id, String homeRegion, ForwarderPlan plan) {
        this(scope, id, homeRegion, null, plan);
    }

    /** @param homeBusArn the bus to deliver to; null for this account's default bus in {@code homeRegion} */
    private EventForwarder(Construct scope, String id, String homeRegion, String homeBusArn, ForwarderPlan plan) {
        super(scope, id);
        if (plan.patterns().isEmpty()) {
            throw new IllegalArgumentException("no event patterns to forward: pass the routing table's patterns");
        }
        Stack stack = Stack.of(this);
        String busArn = homeBusArn != null ? homeBusArn : stack.formatArn(ArnComponents.builder()
                .service("events").region(homeRegion).resource("event-bus").resourceName("default").build());
        IEventBus homeBus = EventBus.fromEventBusArn(this, "HomeBus", busArn);
        Role role = Role.Builder.create(this, "ForwardRole")
                .assumedBy(new ServicePrincipal("events.amazonaws.com"))
                .description("irready: forward routed events to the home region's default event bus")
                .build();
        // SQS-managed encryption: a customer-managed key per forwarder region would cost more than what it
        // protects (the same CloudTrail metadata the home region stores under its own key)
        this.deadLetterQueue = Queue.Builder.create(this, "ForwardDlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressionsForAuditor.forwarderDlqIsDlq(deadLetterQueue);
        for (Map<String, Object> pattern : plan.patterns()) {
            String source = EventPatterns.source(pattern);
            forward(Rule.Builder.create(this, "Forward" + EventPatterns.idFor(source))
                    .ruleName(plan.ruleName(source))
                    .description("irready: forward " + source + " API calls to " + homeRegion
                            + " (generated from the routing table)")
                    .eventPattern(EventPatterns.toCdk(pattern)), homeBus, role);
        }
        this.deadLetterAlarm = Alarm.Builder.create(this, "ForwardDlqNotEmpty")
                .alarmName(plan.alarmName())
                .alarmDescription("irready: events forwarded from " + stack.getRegion() + " to " + homeRegion
                        + " failed every retry and wait in the forwarder's dead-letter queue. Its state changes are "
                        + "forwarded to " + homeRegion + ", where auditor-integrity fails and alerts.")
                .metric(deadLetterQueue.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                        .period(Duration.minutes(5)).statistic("Maximum").build()))
                .threshold(0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1).treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        forward(Rule.Builder.create(this, "ForwardDlqAlarmState")
                .ruleName(plan.alarmRuleName())
                .description("irready: forward the state changes of " + plan.alarmName() + " to " + homeRegion)
                .eventPattern(EventPatterns.toCdk(plan.alarmPattern())), homeBus, role);
        RuleDeadLetters.allowRules(deadLetterQueue, plan.namePrefix());
    }

    private void forward(Rule.Builder rule, IEventBus homeBus, Role role) {
        Rule built = rule.targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(homeBus,
                EventBusProps.builder().role(role).build()))).build();
        RuleDeadLetters.attach(built, deadLetterQueue);
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }

    public Alarm deadLetterAlarm() {
        return deadLetterAlarm;
    }
}
