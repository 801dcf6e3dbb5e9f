package io.irready.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
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
 */
public class EventForwarder extends Construct {
    private final Queue deadLetterQueue;

    public EventForwarder(Construct scope, String id, String homeRegion, List<Map<String, Object>> eventPatterns) {
        this(scope, id, homeRegion, null, eventPatterns);
    }

    /**
     * Forwards to the given bus instead of this account's home bus: an organization member's rules deliver to the
     * central account's, admitted there by its bus policy (see {@link MemberStacks}).
     */
    EventForwarder(Construct scope, String id, String homeRegion, String homeBusArn,
                   List<Map<String, Object>> eventPatterns) {
        super(scope, id);
        if (eventPatterns.isEmpty()) {
            throw new IllegalArgumentException("no event patterns to forward: pass the routing table's patterns");
        }
        Stack stack = Stack.of(this);
        // fixed names so the dead-letter queue's policy can admit all of them in one statement (see RuleDeadLetters)
        String stackName = stack.getStackName().replaceAll("[^A-Za-z0-9-_]", "-");
        String namePrefix = (stackName.length() > 40 ? stackName.substring(0, 40) : stackName) + "-forward-";
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
        NagSuppressionsForAuditor.dlqIsDlq(deadLetterQueue);
        for (Map<String, Object> pattern : eventPatterns) {
            String source = EventPatterns.source(pattern);
            Rule rule = Rule.Builder.create(this, "Forward" + EventPatterns.idFor(source))
                    .ruleName(namePrefix + source.replaceFirst("^aws\\.", "").replaceAll("[^A-Za-z0-9-_]", "-"))
                    .description("irready: forward " + source + " API calls to " + homeRegion
                            + " (generated from the routing table)")
                    .eventPattern(EventPatterns.toCdk(pattern))
                    .targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(homeBus,
                            EventBusProps.builder().role(role).build())))
                    .build();
            RuleDeadLetters.attach(rule, deadLetterQueue);
        }
        RuleDeadLetters.allowRules(deadLetterQueue, namePrefix);
    }

    public Queue deadLetterQueue() {
        return deadLetterQueue;
    }
}
