package io.irready.inventory.iam;

import java.util.List;
import java.util.Optional;

/**
 * One answer of the IAM policy simulator ({@code SimulatePrincipalPolicy}) for an action on a resource.
 *
 * @param action                 the action, e.g. {@code ec2:CreateSnapshot}
 * @param resource               the resource ARN it was simulated on ({@code *} when none)
 * @param decision               {@code allowed}, {@code explicitDeny} or {@code implicitDeny}
 * @param matchedStatements      ids of the policies whose statements decided it
 * @param allowedByBoundary      the permissions boundary's verdict, when the role has one
 * @param allowedByOrganizations the SCPs' verdict, when the simulator evaluated them
 * @param missingContextKeys     condition keys the simulator had no value for (their conditions were not met)
 */
public record SimulatedDecision(
        String action,
        String resource,
        String decision,
        List<String> matchedStatements,
        Optional<Boolean> allowedByBoundary,
        Optional<Boolean> allowedByOrganizations,
        List<String> missingContextKeys) {

    public SimulatedDecision {
        matchedStatements = List.copyOf(matchedStatements);
        missingContextKeys = List.copyOf(missingContextKeys);
    }

    public boolean allowed() {
        return "allowed".equals(decision);
    }

    public boolean explicitDeny() {
        return "explicitDeny".equals(decision);
    }

    /** Why the simulator did not allow it, in words (empty when it did). */
    public String why() {
        if (allowed()) {
            return "";
        }
        if (allowedByBoundary.filter(b -> !b).isPresent()) {
            return "blocked by the role's permissions boundary";
        }
        if (allowedByOrganizations.filter(b -> !b).isPresent()) {
            return "blocked by a service control policy";
        }
        if (explicitDeny()) {
            return "explicitly denied" + (matchedStatements.isEmpty() ? "" : " by " + String.join(", ", matchedStatements));
        }
        return "no policy of the role allows it" + (missingContextKeys.isEmpty() ? ""
                : " (conditions on " + String.join(", ", missingContextKeys) + " were not met in the simulation)");
    }
}
