package io.irready.inventory.bedrock;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetModelInvocationLoggingConfigurationRequest;
import software.amazon.awssdk.services.bedrock.model.ListCustomModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ListImportedModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ListProvisionedModelThroughputsRequest;
import software.amazon.awssdk.services.bedrock.model.LoggingConfig;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentClient;
import software.amazon.awssdk.services.bedrockagent.model.ListAgentsRequest;
import software.amazon.awssdk.services.bedrockagent.model.ListKnowledgeBasesRequest;

/**
 * Loads {@link BedrockInventory} over the SDK: the Bedrock control plane and Bedrock Agents, both
 * REST-JSON, listings paged by {@code nextToken}. Agents and knowledge bases are actions of the
 * {@code bedrock} IAM service too.
 */
public final class BedrockCollector {
    public static final String GET_LOGGING = "bedrock:GetModelInvocationLoggingConfiguration";
    public static final String LIST_CUSTOM_MODELS = "bedrock:ListCustomModels";
    public static final String LIST_IMPORTED_MODELS = "bedrock:ListImportedModels";
    public static final String LIST_PROVISIONED_THROUGHPUTS = "bedrock:ListProvisionedModelThroughputs";
    public static final String LIST_AGENTS = "bedrock:ListAgents";
    public static final String LIST_KNOWLEDGE_BASES = "bedrock:ListKnowledgeBases";

    private BedrockCollector() {
    }

    public static BedrockInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(BedrockClient::builder, region), clients.shared(BedrockAgentClient::builder, region));
    }

    public static BedrockInventory inventory(BedrockClient bedrock, BedrockAgentClient agents) {
        return new BedrockInventory(
                () -> AwsCall.call(GET_LOGGING, () -> logging(bedrock.getModelInvocationLoggingConfiguration(
                        GetModelInvocationLoggingConfigurationRequest.builder().build()).loggingConfig())),
                () -> AwsCall.call(LIST_CUSTOM_MODELS, () -> bedrock
                        .listCustomModelsPaginator(ListCustomModelsRequest.builder().build())
                        .modelSummaries().stream().map(m -> m.modelName()).toList()),
                () -> AwsCall.call(LIST_IMPORTED_MODELS, () -> bedrock
                        .listImportedModelsPaginator(ListImportedModelsRequest.builder().build())
                        .modelSummaries().stream().map(m -> m.modelName()).toList()),
                () -> AwsCall.call(LIST_PROVISIONED_THROUGHPUTS, () -> bedrock
                        .listProvisionedModelThroughputsPaginator(ListProvisionedModelThroughputsRequest.builder().build())
                        .provisionedModelSummaries().stream().map(p -> p.provisionedModelName()).toList()),
                () -> AwsCall.call(LIST_AGENTS, () -> agents
                        .listAgentsPaginator(ListAgentsRequest.builder().build())
                        .agentSummaries().stream().map(a -> a.agentName()).toList()),
                () -> AwsCall.call(LIST_KNOWLEDGE_BASES, () -> agents
                        .listKnowledgeBasesPaginator(ListKnowledgeBasesRequest.builder().build())
                        .knowledgeBaseSummaries().stream().map(k -> k.name()).toList()));
    }

    /**
     * The SDK's configuration as the check needs it, or empty when logging is off: no configuration,
     * or one naming neither a log group nor a bucket (an empty {@code loggingConfig} is how an
     * account that never configured logging may answer; logging without a destination writes
     * nothing). Text delivery defaults to off when the field is absent.
     */
    static Optional<InvocationLogging> logging(LoggingConfig config) {
        if (config == null) {
            return Optional.empty();
        }
        Optional<String> logGroup = Optional.ofNullable(config.cloudWatchConfig()).map(c -> c.logGroupName())
                .filter(n -> !n.isBlank());
        Optional<String> bucket = Optional.ofNullable(config.s3Config()).map(s -> s.bucketName())
                .filter(n -> !n.isBlank());
        if (logGroup.isEmpty() && bucket.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InvocationLogging(logGroup, bucket, Boolean.TRUE.equals(config.textDataDeliveryEnabled())));
    }
}
