package io.irready.inventory.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bedrock and Bedrock Agents speak REST-JSON: {@code GET /logging/modelinvocations}, {@code GET
 * /custom-models}, {@code /imported-models}, {@code /provisioned-model-throughputs} (paged by the
 * {@code nextToken} query parameter), {@code POST /agents/} and {@code POST /knowledgebases/} (paged
 * by {@code nextToken} in the body).
 */
class BedrockCollectorTest {
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static ResponseDefinitionBuilder restJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private BedrockInventory inventory() {
        return BedrockCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    @Test
    void readsTheLoggingConfigurationsDestinationsAndTextDelivery() {
        aws.stub(get(urlPathEqualTo("/logging/modelinvocations")).willReturn(restJson(200, """
                {"loggingConfig":{"cloudWatchConfig":{"logGroupName":"/aws/bedrock/invocations",
                  "roleArn":"arn:aws:iam::123456789012:role/bedrock-logging",
                  "largeDataDeliveryS3Config":{"bucketName":"bedrock-large","keyPrefix":"big/"}},
                 "s3Config":{"bucketName":"bedrock-invocations-123456789012","keyPrefix":"inv/"},
                 "textDataDeliveryEnabled":true,"imageDataDeliveryEnabled":false,"embeddingDataDeliveryEnabled":false}}""")));

        assertThat(inventory().invocationLogging()).hasValue(new InvocationLogging(
                Optional.of("/aws/bedrock/invocations"), Optional.of("bedrock-invocations-123456789012"), true));
    }

    @Test
    void anAbsentOrDestinationlessConfigurationIsOffAndAMissingTextFlagIsNoTextDelivery() {
        aws.stub(get(urlPathEqualTo("/logging/modelinvocations")).willReturn(restJson(200, "{}")));
        assertThat(inventory().invocationLogging()).isEmpty();

        aws.server().resetAll();
        aws.stub(get(urlPathEqualTo("/logging/modelinvocations")).willReturn(restJson(200,
                "{\"loggingConfig\":{\"s3Config\":{\"bucketName\":\"\"},\"textDataDeliveryEnabled\":true}}")));
        assertThat(inventory().invocationLogging()).isEmpty();

        aws.server().resetAll();
        aws.stub(get(urlPathEqualTo("/logging/modelinvocations")).willReturn(restJson(200,
                "{\"loggingConfig\":{\"s3Config\":{\"bucketName\":\"b\"},\"imageDataDeliveryEnabled\":true}}")));
        assertThat(inventory().invocationLogging()).hasValue(
                new InvocationLogging(Optional.empty(), Optional.of("b"), false));
    }

    @Test
    void pagesTheModelListingsByQueryToken() {
        aws.stub(get(urlPathEqualTo("/custom-models")).withQueryParam("nextToken", absent())
                .willReturn(restJson(200, """
                        {"modelSummaries":[{"modelArn":"arn:aws:bedrock:eu-west-1:123456789012:custom-model/x",
                          "modelName":"fraud-ft","creationTime":"2026-10-01T10:00:00Z",
                          "baseModelArn":"arn:aws:bedrock:eu-west-1::foundation-model/amazon.titan-text-express-v1",
                          "baseModelName":"Titan Text G1 - Express"}],"nextToken":"p2"}""")));
        aws.stub(get(urlPathEqualTo("/custom-models")).withQueryParam("nextToken", equalTo("p2"))
                .willReturn(restJson(200, "{\"modelSummaries\":[{\"modelName\":\"churn-ft\"}]}")));
        aws.stub(get(urlPathEqualTo("/imported-models")).willReturn(restJson(200,
                "{\"modelSummaries\":[{\"modelName\":\"llama-import\",\"modelArn\":\"arn:aws:bedrock:eu-west-1:"
                        + "123456789012:imported-model/abc\",\"creationTime\":\"2026-10-01T10:00:00Z\"}]}")));
        aws.stub(get(urlPathEqualTo("/provisioned-model-throughputs")).willReturn(restJson(200,
                "{\"provisionedModelSummaries\":[{\"provisionedModelName\":\"prod-pt\",\"modelUnits\":1,"
                        + "\"status\":\"InService\"}]}")));

        BedrockInventory bedrock = inventory();

        assertThat(bedrock.customModels()).containsExactly("fraud-ft", "churn-ft");
        assertThat(bedrock.importedModels()).containsExactly("llama-import");
        assertThat(bedrock.provisionedThroughputs()).containsExactly("prod-pt");
        bedrock.customModels();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/custom-models")));
    }

    @Test
    void pagesAgentsAndKnowledgeBasesByBodyToken() {
        aws.stub(post(urlPathEqualTo("/agents/")).withRequestBody(equalToJson("{}")).willReturn(restJson(200, """
                {"agentSummaries":[{"agentId":"AG1","agentName":"support-agent","agentStatus":"PREPARED",
                  "updatedAt":"2026-10-01T10:00:00Z"}],"nextToken":"p2"}""")));
        aws.stub(post(urlPathEqualTo("/agents/")).withRequestBody(equalToJson("{\"nextToken\":\"p2\"}"))
                .willReturn(restJson(200, "{\"agentSummaries\":[{\"agentName\":\"triage-agent\"}]}")));
        aws.stub(post(urlPathEqualTo("/knowledgebases/")).willReturn(restJson(200,
                "{\"knowledgeBaseSummaries\":[{\"knowledgeBaseId\":\"KB1\",\"name\":\"kb-docs\",\"status\":\"ACTIVE\"}]}")));

        BedrockInventory bedrock = inventory();

        assertThat(bedrock.agents()).containsExactly("support-agent", "triage-agent");
        assertThat(bedrock.knowledgeBases()).containsExactly("kb-docs");
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(get(urlPathEqualTo("/custom-models")).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(restJson(429, "{\"message\":\"Rate exceeded\"}")
                        .withHeader("x-amzn-ErrorType", "ThrottlingException")).willSetStateTo("ok"));
        aws.stub(get(urlPathEqualTo("/custom-models")).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(restJson(200, "{\"modelSummaries\":[]}")));

        assertThat(inventory().customModels()).isEmpty();
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/custom-models")));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(get(urlPathEqualTo("/logging/modelinvocations")).willReturn(restJson(403,
                "{\"message\":\"not authorized to perform bedrock:GetModelInvocationLoggingConfiguration\"}")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException")));

        assertThatThrownBy(inventory()::invocationLogging).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.action()).isEqualTo("bedrock:GetModelInvocationLoggingConfiguration");
        });
    }
}
