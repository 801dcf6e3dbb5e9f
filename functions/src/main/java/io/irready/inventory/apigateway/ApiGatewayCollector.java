package io.irready.inventory.apigateway;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.MethodSetting;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Api;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;

/**
 * Loads {@link ApiGatewayInventory} over the SDK (REST-JSON, v1 paging by {@code position}, v2 by
 * {@code nextToken}). API Gateway authorises its management API by HTTP method on the resource path:
 * every read here is the IAM action {@code apigateway:GET}; the constants name the operation for errors.
 */
public final class ApiGatewayCollector {
    public static final String GET = "apigateway:GET";
    public static final String GET_REST_APIS = GET;
    public static final String GET_STAGES = GET;
    public static final String GET_ACCOUNT = GET;
    public static final String GET_APIS = GET;
    /** The key of the method settings that apply to every resource and method of a REST stage. */
    static final String ALL_METHODS = "*/*";

    private ApiGatewayCollector() {
    }

    public static ApiGatewayInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(ApiGatewayClient::builder, region),
                clients.shared(ApiGatewayV2Client::builder, region), region);
    }

    public static ApiGatewayInventory inventory(ApiGatewayClient v1, ApiGatewayV2Client v2, String region) {
        return new ApiGatewayInventory(() -> restStages(v1, region), () -> v2Stages(v2, region),
                () -> Optional.ofNullable(AwsCall.call(GET_ACCOUNT, () -> v1.getAccount(r -> { })).cloudwatchRoleArn())
                        .filter(arn -> !arn.isBlank()));
    }

    private static List<ApiStage> restStages(ApiGatewayClient client, String region) {
        List<RestApi> apis = AwsCall.call(GET_REST_APIS, () -> client.getRestApisPaginator(r -> r.limit(500))
                .items().stream().toList());
        List<ApiStage> stages = new ArrayList<>();
        for (RestApi api : apis) {
            List<Stage> items = AwsCall.call(GET_STAGES, () -> client.getStages(r -> r.restApiId(api.id())).item());
            for (Stage s : items) {
                MethodSetting all = s.methodSettings().get(ALL_METHODS);
                stages.add(new ApiStage(ApiStage.restArn(region, api.id(), s.stageName()), api.id(), api.name(),
                        ApiStage.REST, s.stageName(),
                        Optional.ofNullable(s.accessLogSettings()).map(a -> a.destinationArn()).filter(d -> !d.isBlank()),
                        Optional.ofNullable(all).map(MethodSetting::loggingLevel).filter(l -> !l.isBlank())));
            }
        }
        return stages;
    }

    private static List<ApiStage> v2Stages(ApiGatewayV2Client client, String region) {
        List<Api> apis = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetApisResponse page = AwsCall.call(GET_APIS, () -> client.getApis(r -> r.nextToken(next)));
            apis.addAll(page.items());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        List<ApiStage> stages = new ArrayList<>();
        for (Api api : apis) {
            String stageToken = null;
            do {
                String next = stageToken;
                GetStagesResponse page = AwsCall.call(GET_STAGES,
                        () -> client.getStages(r -> r.apiId(api.apiId()).nextToken(next)));
                for (var s : page.items()) {
                    stages.add(new ApiStage(ApiStage.v2Arn(region, api.apiId(), s.stageName()), api.apiId(),
                            api.name(), api.protocolTypeAsString(), s.stageName(),
                            Optional.ofNullable(s.accessLogSettings()).map(a -> a.destinationArn())
                                    .filter(d -> !d.isBlank()),
                            Optional.empty()));
                }
                stageToken = page.nextToken();
            } while (stageToken != null && !stageToken.isEmpty());
        }
        return stages;
    }
}
