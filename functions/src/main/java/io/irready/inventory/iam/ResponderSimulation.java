package io.irready.inventory.iam;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Function;

/**
 * Answers of the IAM policy simulator for a principal (irready's use: the incident-response role), cached per
 * question for the evaluation. The simulator evaluates the identity side — inline and managed policies, the
 * permissions boundary and, where it can, SCPs — but not resource policies for a role, nor KMS grants.
 */
public final class ResponderSimulation {
    /** One simulation request: who, which actions, on which resources ({@code *} when empty). */
    public record Question(String principalArn, List<String> actions, List<String> resources) {
        public Question {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }

    private final Function<Question, List<SimulatedDecision>> simulate;

    public ResponderSimulation(Function<Question, List<SimulatedDecision>> simulate) {
        this.simulate = Memo.byKey(simulate);
    }

    /** Every decision of {@code iam:SimulatePrincipalPolicy} (all pages): one per action and resource. */
    public List<SimulatedDecision> simulate(String principalArn, List<String> actions, List<String> resources) {
        return simulate.apply(new Question(principalArn, actions, resources));
    }
}
