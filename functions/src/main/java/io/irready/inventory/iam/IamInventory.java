package io.irready.inventory.iam;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * IAM answers for one evaluation. Simulations are memoised per {@link SimulationRequest}, so a
 * check that asks once per role pays one (paginated) call per role, and a second check asking the
 * same question pays nothing. Tests build it with {@link #of(Map)}.
 */
public final class IamInventory {
    private final Function<SimulationRequest, PolicySimulation> simulate;

    public IamInventory(Function<SimulationRequest, PolicySimulation> simulate) {
        this.simulate = Memo.byKey(simulate);
    }

    /** Hand-built answers by principal ARN; an unknown principal gets an empty simulation (nothing allowed). */
    public static IamInventory of(Map<String, PolicySimulation> byPrincipal) {
        return new IamInventory(request -> byPrincipal.getOrDefault(request.principalArn(),
                new PolicySimulation(request.principalArn(), List.of())));
    }

    /** Simulates {@code request} ({@code iam:SimulatePrincipalPolicy}, all pages), once per evaluation. */
    public PolicySimulation simulate(SimulationRequest request) {
        return simulate.apply(request);
    }
}
