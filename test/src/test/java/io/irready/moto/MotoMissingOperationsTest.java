package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsClients;
import io.irready.inventory.bedrock.BedrockCollector;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.inventory.config.ConfigRecorderCollector;
import io.irready.inventory.ec2.EbsEncryptionCollector;
import io.irready.inventory.iam.IamCollector;
import io.irready.inventory.iam.ResponderSimulationCollector;
import io.irready.inventory.iam.SimulationRequest;
import io.irready.inventory.ssm.SsmCollector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The operations irready's collectors call that moto does not implement, so the conformance suite
 * cannot prove their wire format. Each one is asserted to be still missing: when a moto upgrade
 * implements one, its test here fails, and the operation should move into a real seeded test.
 */
class MotoMissingOperationsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ROLE = "arn:aws:iam::" + MotoServer.ACCOUNT + ":role/responder";

    /**
     * Operation → the error code the collector reports for moto 5.2.1's answer. "HTTP 500" is how
     * {@code AwsCall} names a failure without an AWS error code: moto's Flask error page for a
     * {@code NotImplementedError} ("The … action has not been implemented" in the server log).
     */
    static final Map<String, String> MISSING = Map.of(
            "iam:SimulatePrincipalPolicy", "HTTP 500",
            "ssm:DescribeInstanceInformation", "HTTP 500",
            "ssm:GetServiceSetting", "HTTP 500",
            "ssm:GetInventory", "HTTP 500",
            "ssm:ListAssociations", "HTTP 500",
            "cloudtrail:LookupEvents", "HTTP 500",
            "ec2:GetEbsDefaultKmsKeyId", "HTTP 500",
            "config:DescribeDeliveryChannelStatus", "HTTP 500",
            "bedrock:ListImportedModels", "HTTP 500",
            "bedrock:ListProvisionedModelThroughputs", "HTTP 500");

    /** How each listed operation is reached through the collector that calls it; answers what moto said. */
    private static final Map<String, Function<AwsClients, String>> PROBES = Map.of(
            "iam:SimulatePrincipalPolicy", c -> failureOf("iam:SimulatePrincipalPolicy", () -> IamCollector.inventory(c)
                    .simulate(new SimulationRequest(ROLE, List.of("cloudtrail:StopLogging"), new TreeSet<>(List.of("*"))))),
            "ssm:DescribeInstanceInformation", c -> failureOf("ssm:DescribeInstanceInformation",
                    () -> SsmCollector.inventory(c, REGION).managedInstance("i-0123")),
            "ssm:GetServiceSetting", c -> failureOf("ssm:GetServiceSetting",
                    () -> SsmCollector.inventory(c, REGION).defaultHostManagement()),
            "ssm:GetInventory", c -> failureOf("ssm:GetInventory",
                    () -> SsmCollector.inventory(c, REGION).hasInventoryData("i-0123")),
            "ssm:ListAssociations", c -> failureOf("ssm:ListAssociations",
                    () -> SsmCollector.inventory(c, REGION).cloudWatchAgentAssociations()),
            "cloudtrail:LookupEvents", MotoMissingOperationsTest::lookupEventsFailure,
            "ec2:GetEbsDefaultKmsKeyId", c -> {
                // the key is only read once default encryption is on (which moto does implement)
                c.build(Ec2Client.builder(), REGION).enableEbsEncryptionByDefault(b -> { });
                return failureOf("ec2:GetEbsDefaultKmsKeyId", () -> EbsEncryptionCollector.inventory(c, REGION).defaults());
            },
            "config:DescribeDeliveryChannelStatus", c -> failureOf("config:DescribeDeliveryChannelStatus",
                    () -> ConfigRecorderCollector.inventory(c, REGION).deliveryChannels()),
            "bedrock:ListImportedModels", c -> failureOf("bedrock:ListImportedModels",
                    () -> BedrockCollector.inventory(c, REGION).importedModels()),
            "bedrock:ListProvisionedModelThroughputs", c -> failureOf("bedrock:ListProvisionedModelThroughputs",
                    () -> BedrockCollector.inventory(c, REGION).provisionedThroughputs()));

    static List<String> missing() {
        return List.copyOf(new TreeSet<>(MISSING.keySet()));
    }

    @Test
    void everyListedOperationIsProbed() {
        assertThat(PROBES.keySet()).isEqualTo(MISSING.keySet());
    }

    @ParameterizedTest
    @MethodSource("missing")
    void motoStillLacks(String operation) {
        assertThat(PROBES.get(operation).apply(MOTO.clients())).as("what moto answers for %s", operation)
                .isEqualTo(MISSING.get(operation));
    }

    @Test
    void theResponderSimulationCollectorHitsTheSameGap() {
        assertThat(failureOf("iam:SimulatePrincipalPolicy", () -> ResponderSimulationCollector
                .inventory(MOTO.clients(), REGION).simulate(ROLE, List.of("ec2:CreateSnapshot"), List.of())))
                .isEqualTo(MISSING.get("iam:SimulatePrincipalPolicy"));
    }

    /** The error the collector surfaced for {@code operation} ({@code HTTP 500} when moto sent no AWS code). */
    private static String failureOf(String operation, Supplier<Object> read) {
        Object answer;
        try {
            answer = read.get();
        } catch (AwsCallFailedException e) {
            assertThat(e.action()).isEqualTo(operation);
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.FAULT);
            return e.errorCode();
        }
        throw new AssertionError(operation + " answered " + answer + ": moto implements it now, so remove it from "
                + "MISSING and assert the collector's real values in a seeded test");
    }

    /** LookupEvents never throws: a region it cannot read becomes a problem and truncates the result. */
    private static String lookupEventsFailure(AwsClients clients) {
        Instant end = Instant.now();
        LookupEventsCollector.Lookup lookup = LookupEventsCollector.standard(clients)
                .writeEvents(List.of(REGION), end.minusSeconds(3600), end);
        assertThat(lookup.problems()).as("moto implements LookupEvents now: move it into a seeded test")
                .hasSize(1);
        assertThat(lookup.truncated()).isTrue();
        assertThat(lookup.events()).isEmpty();
        Matcher failed = Pattern.compile("^" + REGION + ": cloudtrail:LookupEvents failed \\((.+?)\\)")
                .matcher(lookup.problems().getFirst());
        assertThat(failed.find()).as(lookup.problems().getFirst()).isTrue();
        return failed.group(1);
    }
}
