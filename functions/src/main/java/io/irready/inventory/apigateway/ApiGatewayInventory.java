package io.irready.inventory.apigateway;

import io.irready.core.Memo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * API Gateway state of one region, loaded on first use: REST API stages (v1 API), HTTP and WebSocket
 * API stages (v2 API), and the region's account setting that lets REST APIs write to CloudWatch Logs.
 */
public final class ApiGatewayInventory {
    private final Supplier<List<ApiStage>> restStages;
    private final Supplier<List<ApiStage>> v2Stages;
    private final Supplier<Optional<String>> cloudWatchRole;

    public ApiGatewayInventory(Supplier<List<ApiStage>> restStages, Supplier<List<ApiStage>> v2Stages,
                               Supplier<Optional<String>> cloudWatchRole) {
        this.restStages = Memo.of(restStages);
        this.v2Stages = Memo.of(v2Stages);
        this.cloudWatchRole = Memo.of(cloudWatchRole);
    }

    public static ApiGatewayInventory of(List<ApiStage> stages, Optional<String> cloudWatchRole) {
        List<ApiStage> all = List.copyOf(stages);
        return new ApiGatewayInventory(() -> all.stream().filter(ApiStage::rest).toList(),
                () -> all.stream().filter(s -> !s.rest()).toList(), () -> cloudWatchRole);
    }

    /** Every stage of every REST API ({@code GetRestApis}, {@code GetStages}). */
    public List<ApiStage> restStages() {
        return restStages.get();
    }

    /** Every stage of every HTTP and WebSocket API ({@code GetApis}, {@code GetStages} of API Gateway v2). */
    public List<ApiStage> v2Stages() {
        return v2Stages.get();
    }

    /** {@code GetAccount.cloudwatchRoleArn}: without it REST APIs write neither access nor execution logs. */
    public Optional<String> cloudWatchRole() {
        return cloudWatchRole.get();
    }
}
