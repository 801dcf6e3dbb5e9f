package io.irready.inventory.eventbridge;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Loads {@link EventBridgeInventory} over the SDK (JSON 1.1, {@code AWSEvents.*}). */
public final class EventBridgeCollector {
    public static final String DESCRIBE_RULE = "events:DescribeRule";
    public static final String LIST_TARGETS = "events:ListTargetsByRule";

    private EventBridgeCollector() {
    }

    public static EventBridgeInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(EventBridgeClient::builder, region));
    }

    public static EventBridgeInventory inventory(EventBridgeClient client) {
        return new EventBridgeInventory(
                name -> {
                    try {
                        DescribeRuleResponse r = AwsCall.call(DESCRIBE_RULE, () -> client.describeRule(b -> b.name(name)));
                        return Optional.of(new EventRule(r.name(), r.arn(), r.stateAsString()));
                    } catch (AwsCallFailedException e) {
                        if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                            return Optional.empty();
                        }
                        throw e;
                    }
                },
                name -> {
                    List<RuleTarget> targets = new ArrayList<>();
                    String token = null;
                    do {
                        String next = token;
                        ListTargetsByRuleResponse page = AwsCall.call(LIST_TARGETS,
                                () -> client.listTargetsByRule(b -> b.rule(name).nextToken(next)));
                        page.targets().stream().map(EventBridgeCollector::target).forEach(targets::add);
                        token = page.nextToken();
                    } while (token != null && !token.isEmpty());
                    return targets;
                });
    }

    private static RuleTarget target(Target t) {
        return new RuleTarget(t.arn(), Optional.ofNullable(t.deadLetterConfig()).map(d -> d.arn())
                .filter(arn -> !arn.isBlank()));
    }
}
