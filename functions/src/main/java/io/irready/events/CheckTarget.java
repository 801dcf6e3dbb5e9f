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
 *                  names — role names are unique per account, the role's path is not in the event). Non-empty
 *                  only when the roles are all that reached the check: the resources that use them are then
 *                  what to re-evaluate (on top of those in the scope), and the scope is REGION only because
 *                  the table cannot name them. The handler resolves them through the check ({@link RoleUsers});
 *                  no resource using them means nothing to evaluate. Evaluating the region instead is never
 *                  wrong, only dearer.
 */
public record CheckTarget(String checkId, Scope scope, Set<String> roleNames) {
    public CheckTarget {
        roleNames = Set.copyOf(roleNames);
    }

    /** True when the resources are to be found through {@link #roleNames} (see there). */
    public boolean byRole() {
        return !roleNames.isEmpty();
    }
}
