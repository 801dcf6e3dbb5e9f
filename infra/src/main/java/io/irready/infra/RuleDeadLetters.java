package io.irready.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * One dead-letter queue for many rules. CDK's per-target {@code deadLetterQueue} adds one queue-policy statement
 * per rule, and an SQS policy holds at most 20 statements (8 KB): one rule per routed service plus the schedules
 * already exceeds that. So the targets get their DeadLetterConfig directly and the queue one statement for every
 * rule whose name starts with the deployment's prefix.
 */
final class RuleDeadLetters {
    private RuleDeadLetters() {
    }

    /** Points the rule's (single) target at the queue for events EventBridge could not deliver. */
    static void attach(Rule rule, Queue queue) {
        ((CfnRule) rule.getNode().getDefaultChild()).addPropertyOverride("Targets.0.DeadLetterConfig.Arn",
                queue.getQueueArn());
    }

    /** Lets EventBridge write to the queue for any rule of this account and region named {@code namePrefix*}. */
    static void allowRules(Queue queue, String namePrefix) {
        Stack stack = Stack.of(queue);
        String rules = stack.formatArn(ArnComponents.builder().service("events").resource("rule")
                .resourceName(namePrefix + "*").build());
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("EventBridgeRulesOfThisDeployment")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnLike", Map.of("aws:SourceArn", rules)))
                .build());
    }
}
