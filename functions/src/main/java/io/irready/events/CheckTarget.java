package io.irready.events;

import io.irready.core.Scope;
import java.util.Set;

/**
 * One check an event re-evaluates, and over what.
 *
 * @param checkId   the check id (may name a check this build does not implement; the evaluator skips it)
 * @param scope     the named resources (canonical ids) when the event names resources of the kind the
 *                  check judges; otherwise {@link Scope#REGION}
 * @param roleNames IAM role names the event changed, for checks that judge what uses a role
 *                  ({@code lambda-can-write-logs}: the functions whose execution role has one of these
 *                  names — role names are unique per account, the role's path is not in the event).
 *                  The scope is then REGION, which is always correct; a handler may narrow it by resolving
 *                  the names through the Lambda inventory (and evaluate nothing if no function uses them).
 */
public record CheckTarget(String checkId, Scope scope, Set<String> roleNames) {
    public CheckTarget {
        roleNames = Set.copyOf(roleNames);
    }
}
