package io.irready.inventory.lambda;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * irready's own Lambda functions looked up by name: existence, reserved concurrency and the resource policy
 * of the alias EventBridge invokes. Cached per function for the evaluation.
 */
public final class AuditorFunctionInventory {
    /** A function and a qualifier (alias) whose resource policy is wanted. */
    public record Qualified(String function, String qualifier) {
    }

    private final Function<String, Optional<AuditorFunction>> functions;
    private final Function<Qualified, Optional<String>> policies;

    /**
     * @param functions name or ARN → the function, empty when it does not exist
     *                  ({@code lambda:GetFunction} + {@code lambda:GetFunctionConcurrency})
     * @param policies  function + alias → its resource policy JSON, empty when it has none ({@code lambda:GetPolicy})
     */
    public AuditorFunctionInventory(Function<String, Optional<AuditorFunction>> functions,
                                    Function<Qualified, Optional<String>> policies) {
        this.functions = Memo.byKey(functions);
        this.policies = Memo.byKey(policies);
    }

    public static AuditorFunctionInventory of(List<AuditorFunction> functions, Map<String, String> policiesByName) {
        return new AuditorFunctionInventory(
                name -> functions.stream().filter(f -> f.name().equals(name) || f.arn().equals(name)).findFirst(),
                q -> Optional.ofNullable(policiesByName.get(q.function())));
    }

    public Optional<AuditorFunction> function(String nameOrArn) {
        return functions.apply(nameOrArn);
    }

    public Optional<String> policy(String function, String qualifier) {
        return policies.apply(new Qualified(function, qualifier));
    }
}
