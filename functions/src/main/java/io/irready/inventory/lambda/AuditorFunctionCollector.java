package io.irready.inventory.lambda;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionEventInvokeConfigResponse;

/** Loads {@link AuditorFunctionInventory} over the SDK (REST-JSON: {@code GET /2015-03-31/functions/…}). */
public final class AuditorFunctionCollector {
    public static final String GET_FUNCTION = "lambda:GetFunction";
    public static final String GET_CONCURRENCY = "lambda:GetFunctionConcurrency";
    public static final String GET_POLICY = "lambda:GetPolicy";
    public static final String GET_ALIAS = "lambda:GetAlias";
    public static final String GET_INVOKE_CONFIG = "lambda:GetFunctionEventInvokeConfig";

    private AuditorFunctionCollector() {
    }

    public static AuditorFunctionInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(LambdaClient::builder, region));
    }

    public static AuditorFunctionInventory inventory(LambdaClient client) {
        return new AuditorFunctionInventory(
                name -> orEmpty(() -> {
                    FunctionConfiguration c = AwsCall.call(GET_FUNCTION,
                            () -> client.getFunction(b -> b.functionName(name))).configuration();
                    Integer reserved = AwsCall.call(GET_CONCURRENCY,
                            () -> client.getFunctionConcurrency(b -> b.functionName(name)))
                            .reservedConcurrentExecutions();
                    return new AuditorFunction(c.functionName(), c.functionArn(), Optional.ofNullable(reserved));
                }),
                q -> orEmpty(() -> AwsCall.call(GET_POLICY,
                        () -> client.getPolicy(b -> b.functionName(q.function()).qualifier(q.qualifier())).policy())),
                q -> orEmpty(() -> {
                    GetAliasResponse a = AwsCall.call(GET_ALIAS,
                            () -> client.getAlias(b -> b.functionName(q.function()).name(q.qualifier())));
                    return new AuditorFunctionInventory.AliasVersion(a.name(), a.functionVersion());
                }),
                q -> orEmpty(() -> {
                    GetFunctionEventInvokeConfigResponse c = AwsCall.call(GET_INVOKE_CONFIG,
                            () -> client.getFunctionEventInvokeConfig(b -> b.functionName(q.function())
                                    .qualifier(q.qualifier())));
                    Optional<String> onFailure = Optional.ofNullable(c.destinationConfig())
                            .map(d -> d.onFailure()).map(f -> f.destination()).filter(d -> !d.isBlank());
                    return new AuditorFunctionInventory.InvokeConfig(Optional.ofNullable(c.maximumRetryAttempts()),
                            onFailure);
                }));
    }

    /** "Does not exist" is an answer here (a deleted function, a removed policy), not a failure. */
    private static <T> Optional<T> orEmpty(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (AwsCallFailedException e) {
            if (e.kind() == AwsCallFailedException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
