package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.EventFixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RouteCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        RouteCommand command = new RouteCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    private static String oneLine(String fixture) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(EventFixtures.read(fixture)).toString();
    }

    @Test
    void printsOneLinePerEventAndExitsTwoAfterAMalformedLine() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, String.join("\n", oneLine("cloudtrail/StopLogging.envelope.json"),
                "{\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.cloudtrail\"}",
                oneLine("s3/DeleteBucketCors.record.json"), oneLine("ec2/DeleteFlowLogs-list.record.json")));

        int code = run("", file.toString());

        assertThat(code).isEqualTo(2);
        String stopId = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(EventFixtures.read("cloudtrail/StopLogging.envelope.json")).at("/detail/eventID").asText();
        assertThat(lines()).containsExactly(
                "{\"eventSource\":\"cloudtrail.amazonaws.com\",\"eventName\":\"StopLogging\",\"eventId\":\"" + stopId + "\","
                        + "\"checks\":[\"cloudtrail-cloudwatch-delivery\",\"cloudtrail-logging-all-regions\","
                        + "\"cloudtrail-management-events\"],\"resources\":[]}",
                "{\"error\":\"line 2: detail is missing; an EventBridge envelope carries the CloudTrail record in detail\"}",
                lines().get(2),
                lines().get(3));
        assertThat(lines().get(2)).contains("\"eventName\":\"DeleteBucketCors\"").endsWith("\"checks\":[],\"resources\":[]}");
        assertThat(lines().get(3)).contains("\"eventName\":\"DeleteFlowLogs\"")
                .endsWith("\"checks\":[\"vpc-flow-logs-enabled\"],\"resources\":[]}");
    }

    @Test
    void readsALogFileFromStandardInputAndExitsZero() {
        int code = run(EventFixtures.read("logfile/cloudtrail-log-file.json"), "-");

        assertThat(code).isZero();
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(1)).contains("\"eventName\":\"DescribeInstances\"")
                .endsWith("\"checks\":[],\"resources\":[]}");
    }

    @Test
    void defaultsToStandardInputAndReadsAPrettyPrintedRecord() {
        int code = run(EventFixtures.read("ec2/RunInstances.envelope.json"));

        assertThat(code).isZero();
        assertThat(lines()).singleElement().asString().endsWith("\"checks\":[\"ec2-cloudwatch-agent\",\"ec2-ssm-managed\"],"
                + "\"resources\":[\"arn:aws:ec2:eu-west-1:123456789012:instance/i-0a1b2c3d4e5f60718\","
                + "\"arn:aws:ec2:eu-west-1:123456789012:instance/i-0f9e8d7c6b5a40312\"]}");
    }

    @Test
    void routesTheMissingCallsDeleteImportedKeyMaterialResetEbsDefaultKmsKeyIdPutConfigurationRecorderAssociateKmsKeyAndCreateDistributionWithTags()
            throws Exception {
        Path file = dir.resolve("missing-routes.jsonl");
        Files.writeString(file, String.join("\n", oneLine("kms/DeleteImportedKeyMaterial.record.json"),
                oneLine("ec2/ResetEbsDefaultKmsKeyId.record.json"), oneLine("config/PutConfigurationRecorder.record.json"),
                oneLine("logs/AssociateKmsKey.record.json"),
                oneLine("cloudfront/CreateDistributionWithTags2020_05_31.record.json")));

        int code = run("", file.toString());

        assertThat(code).isZero();
        assertThat(lines()).hasSize(5);
        assertThat(lines().get(0)).contains("\"eventName\":\"DeleteImportedKeyMaterial\"")
                .endsWith("\"checks\":[\"cloudtrail-kms-encryption\",\"evidence-decryptable\",\"logs-kms-encryption\"],"
                        + "\"resources\":[\"arn:aws:kms:eu-west-1:123456789012:key/0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01\"]}");
        assertThat(lines().get(1)).contains("\"eventName\":\"ResetEbsDefaultKmsKeyId\"")
                .endsWith("\"checks\":[\"evidence-decryptable\"],\"resources\":[]}");
        assertThat(lines().get(2)).contains("\"eventName\":\"PutConfigurationRecorder\"")
                .endsWith("\"checks\":[\"config-recorder-on\"],\"resources\":[]}");
        assertThat(lines().get(3)).contains("\"eventName\":\"AssociateKmsKey\"")
                .endsWith("\"checks\":[\"evidence-decryptable\",\"logs-kms-encryption\"],"
                        + "\"resources\":[\"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders-api\"]}");
        assertThat(lines().get(4)).contains("\"eventName\":\"CreateDistributionWithTags2020_05_31\"")
                .endsWith("\"checks\":[\"cloudfront-access-logging\"],"
                        + "\"resources\":[\"arn:aws:cloudfront::123456789012:distribution/E1A2B3C4D5E6F7\"]}");
    }

    @Test
    void saysWhichEventsAreServiceEventsAndWhichChecksAreLeftToTheSweep() throws Exception {
        int code = run(oneLine("kms/DeleteKey.envelope.json") + "\n" + oneLine("kms/RetireGrant-grantToken.record.json"));

        assertThat(code).isZero();
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).contains("\"eventName\":\"DeleteKey\"",
                "\"detailType\":\"AWS Service Event via CloudTrail\"",
                "\"checks\":[\"cloudtrail-kms-encryption\",\"evidence-decryptable\",\"logs-kms-encryption\"]");
        assertThat(lines().get(1)).contains("\"eventName\":\"RetireGrant\"").doesNotContain("detailType")
                .endsWith("\"checks\":[],\"resources\":[],"
                        + "\"leftToSweep\":[\"cloudtrail-kms-encryption\",\"evidence-decryptable\"]}");
    }

    @Test
    void notJsonAtAllIsOneErrorLine() {
        int code = run("hello\u0007world");

        assertThat(code).isEqualTo(2);
        assertThat(lines()).singleElement().asString().startsWith("{\"error\":\"input: not valid JSON");
    }

    @Test
    void aMissingFileIsExitCodeOne() {
        int code = run("", dir.resolve("nope.json").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void isASubcommandOfIrready() {
        CommandLine cli = new CommandLine(new Main());
        assertThat(cli.getSubcommands()).containsKey("route");
    }
}
