package io.irready.inventory.iam;

import java.util.List;
import java.util.Optional;

/**
 * The simulator's answers for one principal: one {@link Result} per action and resource.
 * Identity policies, permissions boundaries and SCPs are evaluated by IAM; resource policies of
 * the target are not (the simulator cannot evaluate them for a role).
 */
public record PolicySimulation(String principalArn, List<Result> results) {
    public PolicySimulation {
        results = List.copyOf(results);
    }

    /** One verdict: {@code action} on {@code resourceArn} ({@code *} when the simulator answered for every resource). */
    public record Result(String action, String resourceArn, Decision decision) {
    }

    /**
     * The verdict on {@code action} for {@code resourceArn}; a result for {@code *} applies to every
     * resource. Empty when the simulator said nothing about it (treat as not allowed).
     */
    public Optional<Decision> decision(String action, String resourceArn) {
        Optional<Decision> exact = results.stream()
                .filter(r -> r.action().equalsIgnoreCase(action) && r.resourceArn().equals(resourceArn))
                .map(Result::decision).findFirst();
        return exact.isPresent() ? exact : results.stream()
                .filter(r -> r.action().equalsIgnoreCase(action) && "*".equals(r.resourceArn()))
                .map(Result::decision).findFirst();
    }
}
