package io.irready.checks.bedrock;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.bedrock.BedrockCollector;
import io.irready.inventory.bedrock.BedrockInventory;
import io.irready.inventory.bedrock.InvocationLogging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code bedrock-invocation-logging}: in a region where the account uses Amazon Bedrock, model
 * invocation logging is on, writes to a CloudWatch Logs group or an S3 bucket, and delivers text data
 * (prompts and completions).
 *
 * <p>"Uses" is decided from what the control plane lists, in this order, stopping at the first
 * non-empty listing: custom models, imported models, provisioned throughput, agents, knowledge bases.
 * A region with none of them is NOT_APPLICABLE — which also covers a region where only on-demand
 * foundation models are invoked, since no listing shows that; the reason says so. A region whose
 * logging is complete PASSes without listing anything.
 */
public final class BedrockInvocationLogging implements Check, Routed {
    public static final String ID = "bedrock-invocation-logging";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Where the account uses Amazon Bedrock, model invocation logging records prompts and completions",
            Severity.MEDIUM,
            "bedrock",
            "AWS::::Account",
            Granularity.ACCOUNT_REGION,
            "CloudTrail records that a model was invoked, not what was asked or answered. Stolen keys are used "
                    + "to run models on the victim's bill (LLMjacking), and prompt injection or data leaks through "
                    + "an agent show only in the prompts and completions; without invocation logging none of it "
                    + "can be reconstructed. Use is read from custom and imported models, provisioned throughput, "
                    + "agents and knowledge bases; a region where only on-demand foundation models are invoked "
                    + "shows none of those and is reported NOT_APPLICABLE, so turn logging on there too if it is "
                    + "used.",
            new Remediation(
                    "Amazon Bedrock console → (region) → Settings → Model invocation logging → on, select Text, "
                            + "choose CloudWatch Logs and/or S3 as destination → Save.",
                    "aws bedrock put-model-invocation-logging-configuration --region <region> --logging-config "
                            + "'{\"cloudWatchConfig\":{\"logGroupName\":\"/aws/bedrock/invocations\",\"roleArn\":"
                            + "\"<role>\"},\"textDataDeliveryEnabled\":true}'"),
            List.of(BedrockCollector.GET_LOGGING, BedrockCollector.LIST_CUSTOM_MODELS,
                    BedrockCollector.LIST_IMPORTED_MODELS, BedrockCollector.LIST_PROVISIONED_THROUGHPUTS,
                    BedrockCollector.LIST_AGENTS, BedrockCollector.LIST_KNOWLEDGE_BASES),
            new References(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("T1562.008", "T1496.004")));

    /** The listings that show use, in the order they are read, each with what it lists. */
    private static final List<Sign> SIGNS = List.of(
            new Sign("custom model", BedrockInventory::customModels),
            new Sign("imported model", BedrockInventory::importedModels),
            new Sign("provisioned throughput", BedrockInventory::provisionedThroughputs),
            new Sign("agent", BedrockInventory::agents),
            new Sign("knowledge base", BedrockInventory::knowledgeBases));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.bedrock", "DeleteModelInvocationLoggingConfiguration").disablesEvidence()
                    .because("deleting the logging configuration stops recording prompts and completions")
            .on("aws.bedrock", "PutModelInvocationLoggingConfiguration")
                    .because("a new configuration can turn logging on, drop text delivery or change where it goes")
            .build();

    private record Sign(String what, Function<BedrockInventory, List<String>> listing) {
    }

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        BedrockInventory bedrock = ctx.service(BedrockInventory.class);
        String id = ctx.regionResourceId();
        Optional<InvocationLogging> logging = bedrock.invocationLogging();
        if (logging.isPresent() && logging.get().textDelivery()) {
            return List.of(ctx.pass(id, "Bedrock model invocation logging is on in " + ctx.region()
                    + ": prompts and completions go to " + destinations(logging.get()) + "."));
        }
        Optional<String> use = firstSignOfUse(bedrock);
        if (use.isEmpty()) {
            return List.of(ctx.notApplicable(id, "no sign of Bedrock use in " + ctx.region() + " (no custom or "
                    + "imported models, provisioned throughput, agents or knowledge bases; on-demand model "
                    + "invocations leave no such trace)."));
        }
        return List.of(ctx.fail(id, "Amazon Bedrock is used in " + ctx.region() + " (" + use.get() + ") but "
                + gap(logging) + ": no record of what was asked or answered. Turn it on with text delivery (aws "
                + "bedrock put-model-invocation-logging-configuration --logging-config "
                + "'{\"cloudWatchConfig\":{...},\"textDataDeliveryEnabled\":true}')."));
    }

    private static Optional<String> firstSignOfUse(BedrockInventory bedrock) {
        for (Sign sign : SIGNS) {
            List<String> names = sign.listing().apply(bedrock);
            if (!names.isEmpty()) {
                String shown = String.join(", ", names.subList(0, Math.min(3, names.size())))
                        + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
                return Optional.of(sign.what() + (names.size() > 1 ? "s " : " ") + shown);
            }
        }
        return Optional.empty();
    }

    private static String gap(Optional<InvocationLogging> logging) {
        if (logging.isEmpty()) {
            return "model invocation logging is off";
        }
        return "model invocation logging does not deliver text data (prompts and completions) to "
                + destinations(logging.get());
    }

    private static String destinations(InvocationLogging logging) {
        List<String> where = new ArrayList<>();
        logging.cloudWatchLogGroup().ifPresent(g -> where.add("CloudWatch Logs group " + g));
        logging.s3Bucket().ifPresent(b -> where.add("S3 bucket " + b));
        return String.join(" and ", where);
    }
}
