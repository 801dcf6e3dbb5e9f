package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.bedrock.BedrockCollector;
import io.irready.inventory.bedrock.InvocationLogging;
import io.irready.inventory.logs.SubscriptionFilter;
import io.irready.inventory.logs.SubscriptionFilterCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * Bedrock invocation logging and log group subscription filters against moto. Bedrock Agents'
 * listings are proven against WireMock only: moto 5.2.1 answers their timestamps as epoch numbers
 * where the API sends ISO-8601 strings, which the SDK refuses.
 */
class MotoBedrockAndLogCopiesTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private final AwsClients clients = MOTO.clients();

    @Test
    void invocationLoggingIsOffUntilConfiguredThenReadWithItsDestinationAndTextDelivery() {
        assertThat(BedrockCollector.inventory(clients, REGION).invocationLogging()).isEmpty();

        clients.build(BedrockClient.builder(), REGION).putModelInvocationLoggingConfiguration(b -> b.loggingConfig(c -> c
                .cloudWatchConfig(w -> w.logGroupName("/aws/bedrock/invocations")
                        .roleArn("arn:aws:iam::" + ACCOUNT + ":role/bedrock-logging"))
                .textDataDeliveryEnabled(true)));

        assertThat(BedrockCollector.inventory(clients, REGION).invocationLogging()).hasValue(new InvocationLogging(
                Optional.of("/aws/bedrock/invocations"), Optional.empty(), true));
    }

    @Test
    void subscriptionFiltersAreReadPerGroupWithTheirDestination() {
        String role = clients.build(IamClient.builder(), "aws-global").createRole(b -> b.roleName("shipper-role")
                .assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""))
                .role().arn();
        String shipper = clients.build(LambdaClient.builder(), REGION).createFunction(b -> b.functionName("ship")
                .role(role).runtime(Runtime.PYTHON3_12).handler("h.handler").code(c -> c.zipFile(zip())))
                .functionArn();
        CloudWatchLogsClient logs = clients.build(CloudWatchLogsClient.builder(), REGION);
        logs.createLogGroup(b -> b.logGroupName("/aws/lambda/orders"));
        logs.createLogGroup(b -> b.logGroupName("/aws/lambda/quiet"));
        logs.putSubscriptionFilter(b -> b.logGroupName("/aws/lambda/orders").filterName("to-siem").filterPattern("")
                .destinationArn(shipper));

        var filters = SubscriptionFilterCollector.inventory(clients, REGION);

        assertThat(filters.filters("/aws/lambda/orders")).containsExactly(
                new SubscriptionFilter("to-siem", "/aws/lambda/orders", shipper));
        assertThat(filters.filters("/aws/lambda/quiet")).isEmpty();
    }

    private static SdkBytes zip() {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("h.py"));
            zip.write("def handler(event, context):\n    return None\n".getBytes());
            zip.closeEntry();
            zip.finish();
            return SdkBytes.fromByteArray(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
