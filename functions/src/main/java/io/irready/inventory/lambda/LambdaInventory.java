package io.irready.inventory.lambda;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda state of one region, loaded on first use and cached for the evaluation. Tests build it
 * with {@link #of(List)}; {@link LambdaCollector} builds it over the SDK.
 */
public final class LambdaInventory {
    private final Supplier<List<LambdaFunction>> functions;

    public LambdaInventory(Supplier<List<LambdaFunction>> functions) {
        this.functions = Memo.of(functions);
    }

    public static LambdaInventory of(List<LambdaFunction> functions) {
        return new LambdaInventory(() -> List.copyOf(functions));
    }

    /** Every function of the region ({@code lambda:ListFunctions}, all pages). */
    public List<LambdaFunction> functions() {
        return functions.get();
    }
}
