package io.irready.inventory.lambda;

import java.util.Optional;

/**
 * One of irready's own functions, as far as its integrity goes.
 *
 * @param name                the function name
 * @param arn                 the function ARN (unqualified)
 * @param reservedConcurrency the reserved concurrency, when one is set (0 means throttled: it never runs)
 */
public record AuditorFunction(String name, String arn, Optional<Integer> reservedConcurrency) {
}
