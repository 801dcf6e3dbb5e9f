package io.irready.inventory.apigateway;

import io.irready.core.ResourceIds;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployed stage of an API Gateway API.
 *
 * @param arn                   the canonical id: {@code arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>}
 *                              (REST) or {@code arn:aws:apigateway:<region>::/apis/<id>/stages/<name>} (HTTP, WebSocket)
 * @param apiId                 the API's id
 * @param apiName               the API's name
 * @param protocol              {@link #REST}, {@code HTTP} or {@code WEBSOCKET}
 * @param stageName             the stage's name
 * @param accessLogDestination  {@code accessLogSettings.destinationArn}, when access logging is on
 * @param executionLoggingLevel REST stages: {@code methodSettings."*&#47;*".loggingLevel} ({@code OFF},
 *                              {@code ERROR}, {@code INFO}); empty when not set (off) or for v2 stages
 */
public record ApiStage(String arn, String apiId, String apiName, String protocol, String stageName,
                       Optional<String> accessLogDestination, Optional<String> executionLoggingLevel) {
    public static final String REST = "REST";

    public ApiStage {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(accessLogDestination, "accessLogDestination");
        Objects.requireNonNull(executionLoggingLevel, "executionLoggingLevel");
        apiName = apiName == null ? "" : apiName;
    }

    public boolean rest() {
        return REST.equals(protocol);
    }

    /** The canonical id of a REST API stage. */
    public static String restArn(String region, String apiId, String stage) {
        return "arn:" + ResourceIds.partition(region) + ":apigateway:" + region + "::/restapis/" + apiId
                + "/stages/" + stage;
    }

    /** The canonical id of an HTTP or WebSocket API stage. */
    public static String v2Arn(String region, String apiId, String stage) {
        return "arn:" + ResourceIds.partition(region) + ":apigateway:" + region + "::/apis/" + apiId
                + "/stages/" + stage;
    }
}
