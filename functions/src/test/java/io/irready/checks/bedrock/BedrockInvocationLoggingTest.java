package io.irready.checks.bedrock;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.bedrock.BedrockInventory;
import io.irready.inventory.bedrock.InvocationLogging;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BedrockInvocationLoggingTest {
    private static final Optional<InvocationLogging> OFF = Optional.empty();
    private static final Optional<InvocationLogging> TO_CLOUDWATCH = Optional.of(new InvocationLogging(
            Optional.of("/aws/bedrock/invocations"), Optional.empty(), true));

    private final CheckHarness check = CheckHarness.of(new BedrockInvocationLogging());
    private final List<String> listed = new ArrayList<>();

    private Finding only(BedrockInventory bedrock) {
        Finding f = CheckHarness.only(check.findings(inventory().with(BedrockInventory.class, bedrock).build()));
        assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
        return f;
    }

    /** An inventory that records which listings the check read. */
    private BedrockInventory bedrock(Optional<InvocationLogging> logging, List<String> customModels,
                                     List<String> agents, List<String> knowledgeBases) {
        return new BedrockInventory(() -> logging, read("custom", customModels), read("imported", List.of()),
                read("provisioned", List.of()), read("agents", agents), read("knowledge bases", knowledgeBases));
    }

    private java.util.function.Supplier<List<String>> read(String listing, List<String> names) {
        return () -> {
            listed.add(listing);
            return names;
        };
    }

    @Test
    void loggingWithTextToCloudWatchPassesWithoutListingAnything() {
        Finding f = only(bedrock(TO_CLOUDWATCH, List.of("fraud-ft"), List.of(), List.of()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Bedrock model invocation logging is on in eu-west-1: prompts and completions "
                + "go to CloudWatch Logs group /aws/bedrock/invocations.");
        assertThat(listed).isEmpty();
    }

    @Test
    void loggingToBothDestinationsNamesThem() {
        Finding f = only(bedrock(Optional.of(new InvocationLogging(Optional.of("g"), Optional.of("b"), true)),
                List.of(), List.of(), List.of()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).endsWith("go to CloudWatch Logs group g and S3 bucket b.");
    }

    @Test
    void customModelWithoutLoggingFailsNamingTheModelAndTheFix() {
        Finding f = only(bedrock(OFF, List.of("fraud-ft"), List.of("support-agent"), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Amazon Bedrock is used in eu-west-1 (custom model fraud-ft) but model "
                + "invocation logging is off: no record of what was asked or answered. Turn it on with text delivery "
                + "(aws bedrock put-model-invocation-logging-configuration --logging-config "
                + "'{\"cloudWatchConfig\":{...},\"textDataDeliveryEnabled\":true}').");
        assertThat(listed).containsExactly("custom");
    }

    @Test
    void anAgentShowsUseWhenNoModelDoesAndManyNamesAreShortened() {
        Finding f = only(bedrock(OFF, List.of(), List.of("a1", "a2", "a3", "a4", "a5"), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("Amazon Bedrock is used in eu-west-1 (agents a1, a2, a3 and 2 more) but");
        assertThat(listed).containsExactly("custom", "imported", "provisioned", "agents");
    }

    @Test
    void loggingWithoutTextDeliveryFails() {
        Finding f = only(bedrock(Optional.of(new InvocationLogging(Optional.empty(), Optional.of("inv-logs"), false)),
                List.of(), List.of(), List.of("kb-docs")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("Amazon Bedrock is used in eu-west-1 (knowledge base kb-docs) but model "
                + "invocation logging does not deliver text data (prompts and completions) to S3 bucket inv-logs:");
    }

    @Test
    void loggingWithoutDestinationCannotBeBuilt() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new InvocationLogging(Optional.empty(), Optional.empty(), true));
    }

    @Test
    void noSignOfUseIsNotApplicableSayingWhatWasLookedAt() {
        Finding f = only(bedrock(OFF, List.of(), List.of(), List.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("no sign of Bedrock use in eu-west-1 (no custom or imported models, "
                + "provisioned throughput, agents or knowledge bases; on-demand model invocations leave no such trace).");
        assertThat(listed).hasSize(5);
    }

    @Test
    void deniedLoggingConfigurationIsAnErrorNamingTheAction() {
        Finding f = only(new BedrockInventory(() -> {
            throw denied("bedrock:GetModelInvocationLoggingConfiguration");
        }, List::of, List::of, List::of, List::of, List::of));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to "
                + "bedrock:GetModelInvocationLoggingConfiguration");
    }

    @Test
    void deniedListingIsAnErrorNamingTheAction() {
        Finding f = only(new BedrockInventory(() -> OFF, List::of, () -> {
            throw denied("bedrock:ListImportedModels");
        }, List::of, List::of, List::of));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to bedrock:ListImportedModels");
    }
}
