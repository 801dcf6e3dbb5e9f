package io.irready.inventory.bedrock;

import io.irready.core.Memo;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Amazon Bedrock state of one region: the invocation logging configuration and the listings that
 * show the account uses Bedrock there (custom and imported models, provisioned throughput, agents,
 * knowledge bases), each by name, each read on first use and cached for the evaluation.
 * {@link BedrockCollector} builds it over the SDK; tests build it by hand with {@link #of}.
 */
public final class BedrockInventory {
    private final Supplier<Optional<InvocationLogging>> logging;
    private final Supplier<List<String>> customModels;
    private final Supplier<List<String>> importedModels;
    private final Supplier<List<String>> provisionedThroughputs;
    private final Supplier<List<String>> agents;
    private final Supplier<List<String>> knowledgeBases;

    public BedrockInventory(Supplier<Optional<InvocationLogging>> logging, Supplier<List<String>> customModels,
                            Supplier<List<String>> importedModels, Supplier<List<String>> provisionedThroughputs,
                            Supplier<List<String>> agents, Supplier<List<String>> knowledgeBases) {
        this.logging = Memo.of(logging);
        this.customModels = Memo.of(customModels);
        this.importedModels = Memo.of(importedModels);
        this.provisionedThroughputs = Memo.of(provisionedThroughputs);
        this.agents = Memo.of(agents);
        this.knowledgeBases = Memo.of(knowledgeBases);
    }

    /** A hand-built inventory (tests): the logging configuration, then the listings, by name. */
    public static BedrockInventory of(Optional<InvocationLogging> logging, List<String> customModels,
                                      List<String> importedModels, List<String> provisionedThroughputs,
                                      List<String> agents, List<String> knowledgeBases) {
        return new BedrockInventory(() -> logging, () -> List.copyOf(customModels), () -> List.copyOf(importedModels),
                () -> List.copyOf(provisionedThroughputs), () -> List.copyOf(agents),
                () -> List.copyOf(knowledgeBases));
    }

    /** The region's invocation logging ({@code bedrock:GetModelInvocationLoggingConfiguration}); empty when off. */
    public Optional<InvocationLogging> invocationLogging() {
        return logging.get();
    }

    /** Custom (fine-tuned or distilled) model names ({@code bedrock:ListCustomModels}, all pages). */
    public List<String> customModels() {
        return customModels.get();
    }

    /** Imported model names ({@code bedrock:ListImportedModels}, all pages). */
    public List<String> importedModels() {
        return importedModels.get();
    }

    /** Provisioned throughput names ({@code bedrock:ListProvisionedModelThroughputs}, all pages). */
    public List<String> provisionedThroughputs() {
        return provisionedThroughputs.get();
    }

    /** Agent names ({@code bedrock:ListAgents}, all pages). */
    public List<String> agents() {
        return agents.get();
    }

    /** Knowledge base names ({@code bedrock:ListKnowledgeBases}, all pages). */
    public List<String> knowledgeBases() {
        return knowledgeBases.get();
    }
}
