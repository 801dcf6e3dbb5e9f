package io.irready.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.cli.format.Json;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK reads {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} from the real process
 * environment, so this runs {@code irready scan} as a child JVM (as {@code ./irready} does) against
 * a WireMock account: an emulator user gets the same result, with S3 addressed path-style.
 */
class ScanEndpointEnvironmentTest {
    private final AwsWire aws = new AwsWire();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        aws.close();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result irready(Map<String, String> env, String... args) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, Main.class.getName()));
        command.addAll(List.of(args));
        File out = dir.resolve("out").toFile();
        File err = dir.resolve("err").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_ENDPOINT_URL") || k.equals("AWS_PROFILE"));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_REGION", AwsWire.REGION, "AWS_EC2_METADATA_DISABLED", "true"));
        builder.environment().putAll(env);
        builder.environment().values().removeIf(String::isEmpty); // "" means: unset it
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("irready scan finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    private static void assertHealthy(Result run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Json.read(run.out()).findValuesAsText("status")).hasSize(7).containsOnly("PASS");
    }

    @Test
    void awsEndpointUrlPointsEveryServiceAtTheEmulatorAndS3GoesPathStyle() throws Exception {
        CloudTrailAccounts.healthy(aws);

        assertHealthy(irready(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString()), "scan", "--checks", "cloudtrail-*", "--format", "json"));
        // the lifecycle stub answers only on /<bucket>: a virtual-hosted request would not have reached it
        aws.server().verify(getRequestedFor(urlPathEqualTo("/" + CloudTrailAccounts.BUCKET)));
    }

    @Test
    void withoutCredentialsItExitsThreeAndSaysHowToConfigureThem() throws Exception {
        Result run = irready(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString(), "AWS_ACCESS_KEY_ID", "",
                "AWS_SECRET_ACCESS_KEY", "", "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString(),
                "AWS_CONFIG_FILE", dir.resolve("none").toString()), "scan");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("irready: could not evaluate: sts:GetCallerIdentity failed (MissingCredentials): "
                + "Unable to load credentials").contains("irready: no AWS credentials found: run 'aws configure'");
        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void serviceSpecificEndpointsWinOverTheGeneralOne() throws Exception {
        CloudTrailAccounts.healthy(aws);
        String wire = aws.endpoint().toString();

        assertHealthy(irready(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", // nothing listens there
                "AWS_ENDPOINT_URL_STS", wire,
                "AWS_ENDPOINT_URL_CLOUDTRAIL", wire,
                "AWS_ENDPOINT_URL_S3", wire,
                "AWS_ENDPOINT_URL_KMS", wire,
                "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", wire), "scan", "--checks", "cloudtrail-*", "--format", "json"));
    }
}
