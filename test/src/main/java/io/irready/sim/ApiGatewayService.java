package io.irready.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.sim.SimulatedAccount.ApiStage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway in REST-JSON: REST APIs under {@code /restapis} and the account setting under
 * {@code /account} (v1), HTTP and WebSocket APIs under {@code /v2/apis} (v2). Both sign as
 * {@code apigateway}. Every API fits in one page here.
 */
final class ApiGatewayService {
    private final SimulatedAccount a;

    ApiGatewayService(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        if (!"GET".equals(r.method())) {
            return null;
        }
        String[] p = r.path().replaceFirst("^/", "").split("/");
        if (p.length == 1 && p[0].equals("account")) {
            ObjectNode out = Reply.object();
            if (a.apiGatewayCloudWatchRole != null) {
                out.put("cloudwatchRoleArn", a.apiGatewayCloudWatchRole);
            }
            out.putObject("throttleSettings").put("burstLimit", 5000).put("rateLimit", 10000.0);
            return ok(out);
        }
        if (p.length == 1 && p[0].equals("restapis")) {
            return ok(Reply.object().set("item", apis(true, "id")));
        }
        if (p.length == 3 && p[0].equals("restapis") && p[2].equals("stages")) {
            return ok(Reply.object().set("item", stages(true, p[1])));
        }
        if (p.length == 2 && p[0].equals("v2") && p[1].equals("apis")) {
            return ok(Reply.object().set("items", apis(false, "apiId")));
        }
        if (p.length == 4 && p[0].equals("v2") && p[1].equals("apis") && p[3].equals("stages")) {
            return ok(Reply.object().set("items", stages(false, p[2])));
        }
        return null;
    }

    private ArrayNode apis(boolean rest, String idField) {
        Map<String, ApiStage> byApi = new LinkedHashMap<>();
        a.apiStages.stream().filter(s -> rest == "REST".equals(s.protocol())).forEach(s -> byApi.putIfAbsent(s.apiId(), s));
        ArrayNode items = Reply.JSON.createArrayNode();
        byApi.values().forEach(s -> {
            ObjectNode api = items.addObject().put(idField, s.apiId()).put("name", s.apiName());
            if (!rest) {
                api.put("protocolType", s.protocol());
            }
        });
        return items;
    }

    private ArrayNode stages(boolean rest, String apiId) {
        ArrayNode items = Reply.JSON.createArrayNode();
        a.apiStages.stream().filter(s -> s.apiId().equals(apiId) && rest == "REST".equals(s.protocol())).forEach(s -> {
            ObjectNode stage = items.addObject().put("stageName", s.stageName());
            if (s.accessLogGroup() != null) {
                stage.putObject("accessLogSettings").put("destinationArn", a.arn("logs", "log-group:" + s.accessLogGroup()))
                        .put("format", "$context.requestId $context.identity.sourceIp");
            }
            if (rest && s.loggingLevel() != null) {
                stage.putObject("methodSettings").putObject("*/*").put("loggingLevel", s.loggingLevel())
                        .put("metricsEnabled", false);
            }
        });
        return items;
    }

    private static Reply ok(ObjectNode body) {
        return new Reply(200, "application/json", body.toString());
    }
}
