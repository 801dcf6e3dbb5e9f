package io.irready.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Amazon Bedrock and Bedrock Agents (REST-JSON, both signed as {@code bedrock}): the invocation logging
 * configuration, custom models (paged by the {@code nextToken} query parameter), and empty imported
 * model, provisioned throughput, agent and knowledge base listings.
 */
final class BedrockService {
    private final SimulatedAccount a;

    BedrockService(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        String path = r.path();
        if ("GET".equals(r.method())) {
            return switch (path) {
                case "/logging/modelinvocations" -> json(loggingConfiguration());
                case "/custom-models" -> customModels(r.query().get("nextToken"));
                case "/imported-models" -> json(Reply.object().set("modelSummaries", Reply.object().arrayNode()));
                case "/provisioned-model-throughputs" -> json(Reply.object()
                        .set("provisionedModelSummaries", Reply.object().arrayNode()));
                default -> null;
            };
        }
        if ("POST".equals(r.method())) {
            return switch (path) {
                case "/agents/" -> json(Reply.object().set("agentSummaries", Reply.object().arrayNode()));
                case "/knowledgebases/" -> json(Reply.object().set("knowledgeBaseSummaries", Reply.object().arrayNode()));
                default -> null;
            };
        }
        return null;
    }

    /** GetModelInvocationLoggingConfiguration answers {@code {}} when logging is off. */
    private ObjectNode loggingConfiguration() {
        ObjectNode out = Reply.object();
        if (a.bedrockInvocationLogGroup != null) {
            ObjectNode config = out.putObject("loggingConfig");
            config.putObject("cloudWatchConfig").put("logGroupName", a.bedrockInvocationLogGroup)
                    .put("roleArn", "arn:aws:iam::" + a.account + ":role/BedrockInvocationLogging");
            config.put("textDataDeliveryEnabled", true).put("imageDataDeliveryEnabled", false)
                    .put("embeddingDataDeliveryEnabled", false);
        }
        return out;
    }

    private Reply customModels(String token) {
        Pages<String> page = Pages.of(a.bedrockCustomModels, token, 100);
        ObjectNode out = Reply.object();
        ArrayNode list = out.putArray("modelSummaries");
        page.items().forEach(name -> list.addObject().put("modelName", name)
                .put("modelArn", a.arn("bedrock", "custom-model/amazon.titan-text-express-v1:0:8k/" + name))
                .put("creationTime", "2026-10-01T10:00:00Z")
                .put("baseModelArn", "arn:aws:bedrock:" + a.region + "::foundation-model/amazon.titan-text-express-v1")
                .put("baseModelName", "Titan Text G1 - Express"));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return json(out);
    }

    private static Reply json(ObjectNode body) {
        return new Reply(200, "application/json", body.toString());
    }
}
