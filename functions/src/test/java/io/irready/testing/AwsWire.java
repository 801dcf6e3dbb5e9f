package io.irready.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.irready.inventory.AwsClients;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A WireMock server that plays AWS on loopback, with helpers for the wire protocols the SDK
 * speaks. Collector tests stub real response bodies and assert on the real SDK's requests.
 */
public final class AwsWire implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "eu-west-1";

    private final WireMockServer server;

    public AwsWire() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** SDK clients aimed at this server; {@code maxAttempts} 2 keeps retry tests quick. */
    public AwsClients clients() {
        return AwsClients.forEndpoint(endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), 2);
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    // ---- JSON 1.0 / 1.1 protocols (CloudTrail, Logs, KMS, SSM, DynamoDB …): POST / with X-Amz-Target

    /** Matches a JSON-protocol call by its {@code X-Amz-Target} header, e.g. {@code Logs_20140328.DescribeLogGroups}. */
    public static MappingBuilder jsonCall(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    public static RequestPatternBuilder jsonCallMade(String target) {
        return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** A JSON-protocol error as AWS sends it ({@code __type} and {@code message}). */
    public static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    // ---- AWS query protocol (IAM, RDS, SNS, STS; EC2's own variant): POST / form-encoded Action=…

    public static MappingBuilder queryCall(String action) {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action));
    }

    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
    }

    /** An AWS query-protocol error ({@code <ErrorResponse><Error>…}): IAM, RDS, SNS, STS. */
    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return xml("<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>req-1</RequestId></ErrorResponse>").withStatus(status);
    }

    /** An EC2 error ({@code <Response><Errors><Error>…}). */
    public static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return xml("<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error></Errors><RequestID>req-1</RequestID></Response>").withStatus(status);
    }

    /** An S3 / CloudFront REST-XML error ({@code <Error>…}). */
    public static ResponseDefinitionBuilder restXmlError(int status, String code, String message) {
        return xml("<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>req-1</RequestId></Error>")
                .withStatus(status);
    }

    @Override
    public void close() {
        server.stop();
    }
}
