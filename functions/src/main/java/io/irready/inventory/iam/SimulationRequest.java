package io.irready.inventory.iam;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code iam:SimulatePrincipalPolicy} question: may {@code principalArn} do each of
 * {@code actions} on each of {@code resourceArns}? Value semantics, so equal questions are asked once.
 */
public record SimulationRequest(String principalArn, List<String> actions, SortedSet<String> resourceArns) {
    public SimulationRequest {
        Objects.requireNonNull(principalArn, "principalArn");
        actions = List.copyOf(actions);
        resourceArns = Collections.unmodifiableSortedSet(new TreeSet<>(resourceArns));
    }
}
