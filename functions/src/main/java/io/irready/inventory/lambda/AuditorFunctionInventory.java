package io.irready.inventory.lambda;

import io.irready.core.Memo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * irready's own Lambda functions looked up by name: existence, reserved concurrency, and for the alias
 * EventBridge invokes: its resource policy, the version it points to and its event invoke config. Cached per
 * function for the evaluation.
 */
public final class AuditorFunctionInventory {
    /** A function and a qualifier (alias) whose resource policy, alias or invoke config is wanted. */
    public record Qualified(String function, String qualifier) {
    }

    /** An alias: the version it points to ({@code $LATEST} would bypass the published SnapStart version). */
    public record AliasVersion(String name, String functionVersion) {
    }

    /**
     * An event invoke config (asynchronous invocation settings).
     *
     * @param maximumRetryAttempts how often a failed event is retried (absent: Lambda's default, 2)
     * @param onFailureArn         where events go that failed every retry
     */
    public record InvokeConfig(Optional<Integer> maximumRetryAttempts, Optional<String> onFailureArn) {
    }

    private final Function<String, Optional<AuditorFunction>> functions;
    private final Function<Qualified, Optional<String>> policies;
    private final Function<Qualified, Optional<AliasVersion>> aliases;
    private final Function<Qualified, Optional<InvokeConfig>> invokeConfigs;

    /**
     * @param functions     name or ARN → the function, empty when it does not exist
     *                      ({@code lambda:GetFunction} + {@code lambda:GetFunctionConcurrency})
     * @param policies      function + alias → its resource policy JSON, empty when it has none ({@code lambda:GetPolicy})
     * @param aliases       function + alias → the alias, empty when it does not exist ({@code lambda:GetAlias})
     * @param invokeConfigs function + alias → its event invoke config, empty when it has none
     *                      ({@code lambda:GetFunctionEventInvokeConfig})
     */
    public AuditorFunctionInventory(Function<String, Optional<AuditorFunction>> functions,
                                    Function<Qualified, Optional<String>> policies,
                                    Function<Qualified, Optional<AliasVersion>> aliases,
                                    Function<Qualified, Optional<InvokeConfig>> invokeConfigs) {
        this.functions = Memo.byKey(functions);
        this.policies = Memo.byKey(policies);
        this.aliases = Memo.byKey(aliases);
        this.invokeConfigs = Memo.byKey(invokeConfigs);
    }

    /** Functions whose aliases all point to version 1 and carry no invoke config. */
    public static AuditorFunctionInventory of(List<AuditorFunction> functions, Map<String, String> policiesByName) {
        return of(functions, policiesByName, Map.of(), Map.of());
    }

    /**
     * @param versionsByName function name → the version its alias points to (absent: version 1; null value: no alias)
     * @param invokeConfigsByName function name → its alias' invoke config (absent: none)
     */
    public static AuditorFunctionInventory of(List<AuditorFunction> functions, Map<String, String> policiesByName,
                                              Map<String, Optional<String>> versionsByName,
                                              Map<String, InvokeConfig> invokeConfigsByName) {
        return new AuditorFunctionInventory(
                name -> functions.stream().filter(f -> f.name().equals(name) || f.arn().equals(name)).findFirst(),
                q -> Optional.ofNullable(policiesByName.get(q.function())),
                q -> versionsByName.getOrDefault(q.function(), Optional.of("1"))
                        .map(v -> new AliasVersion(q.qualifier(), v)),
                q -> Optional.ofNullable(invokeConfigsByName.get(q.function())));
    }

    public Optional<AuditorFunction> function(String nameOrArn) {
        return functions.apply(nameOrArn);
    }

    public Optional<String> policy(String function, String qualifier) {
        return policies.apply(new Qualified(function, qualifier));
    }

    public Optional<AliasVersion> alias(String function, String alias) {
        return aliases.apply(new Qualified(function, alias));
    }

    public Optional<InvokeConfig> invokeConfig(String function, String qualifier) {
        return invokeConfigs.apply(new Qualified(function, qualifier));
    }
}
