package io.irready.inventory.eventbridge;

import java.util.Objects;
import java.util.Optional;

/**
 * One target of an EventBridge rule, as far as irready's own delivery goes.
 *
 * @param arn            where the rule delivers (a function alias, another region's event bus …)
 * @param deadLetterArn  the target's dead-letter queue, where EventBridge puts what it could not deliver
 */
public record RuleTarget(String arn, Optional<String> deadLetterArn) {
    public RuleTarget {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(deadLetterArn, "deadLetterArn");
    }
}
