package io.irready.inventory.lambda;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;

/** Loads {@link LambdaInventory} over the SDK (REST-JSON: {@code GET /2015-03-31/functions/?Marker=…}). */
public final class LambdaCollector {
    public static final String LIST_FUNCTIONS = "lambda:ListFunctions";

    private LambdaCollector() {
    }

    public static LambdaInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(LambdaClient::builder, region));
    }

    public static LambdaInventory inventory(LambdaClient client) {
        return new LambdaInventory(() -> AwsCall.call(LIST_FUNCTIONS, () -> client
                .listFunctionsPaginator(ListFunctionsRequest.builder().build())
                .functions().stream()
                .map(LambdaCollector::function)
                .toList()));
    }

    private static LambdaFunction function(FunctionConfiguration f) {
        Optional<String> customGroup = Optional.ofNullable(f.loggingConfig())
                .map(c -> c.logGroup())
                .filter(g -> !g.isBlank());
        return new LambdaFunction(f.functionName(), f.functionArn(), f.role(), customGroup);
    }
}
