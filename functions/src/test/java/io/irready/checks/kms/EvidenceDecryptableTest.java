package io.irready.checks.kms;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.AwsFailures.notFound;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.trail;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.ec2.EbsDefaultEncryption;
import io.irready.inventory.ec2.EbsEncryptionInventory;
import io.irready.inventory.iam.ResponderSimulation;
import io.irready.inventory.iam.SimulatedDecision;
import io.irready.inventory.kms.KeyAccessInventory;
import io.irready.inventory.kms.KeyGrant;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.CheckHarness;
import io.irready.testing.CloudTrailFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EvidenceDecryptableTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/ir-responder";
    private static final String TRAIL_KEY = "arn:aws:kms:eu-west-1:123456789012:key/trail-key";
    private static final String LOGS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/logs-key";
    private static final String EBS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/ebs-key";
    private static final String OTHER_REGION_KEY = "arn:aws:kms:us-east-1:123456789012:key/home-key";
    private static final String ROOT_ONLY_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow",
              "Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}]}""";

    private final CheckHarness check = CheckHarness.of(new EvidenceDecryptable());

    private static CloudTrailInventory trails() {
        return CloudTrailFixtures.trails(
                trail("main", "eu-west-1", "trail-bucket", Optional.of(TRAIL_KEY)),
                trail("shadow", "us-east-1", "other-bucket", Optional.of(OTHER_REGION_KEY)));
    }

    private static LogsInventory logs() {
        return LogsInventory.of(List.of(
                new LogGroup("/aws/vpc/flows", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/flows",
                        Optional.empty(), Optional.of(LOGS_KEY)),
                new LogGroup("app-debug", "arn:aws:logs:eu-west-1:123456789012:log-group:app-debug",
                        Optional.empty(), Optional.of("arn:aws:kms:eu-west-1:123456789012:key/not-evidence"))));
    }

    private static Inventory.Builder base(Keys keys, EbsDefaultEncryption ebs,
                                          Function<ResponderSimulation.Question, List<SimulatedDecision>> sim) {
        return inventory()
                .with(CloudTrailInventory.class, trails())
                .with(KmsInventory.class, keys.states())
                .with(LogsInventory.class, logs())
                .with(EbsEncryptionInventory.class, EbsEncryptionInventory.of(ebs))
                .with(KeyAccessInventory.class, keys.access())
                .with(ResponderSimulation.class, new ResponderSimulation(sim));
    }

    /** DescribeKey answers (ct's {@link KmsInventory}) and key policies + grants ({@link KeyAccessInventory}). */
    private record Keys(KmsInventory states, KeyAccessInventory access) {
        static Keys of(List<KmsKey> keys, Map<String, String> aliases, Map<String, String> policies,
                       Map<String, List<KeyGrant>> grants) {
            return new Keys(new KmsInventory(ref -> keys.stream().filter(k -> k.arn().equals(ref)
                    || k.arn().equals(aliases.get(ref))).findFirst()), KeyAccessInventory.of(policies, grants));
        }
    }

    private static KmsKey enabled(String arn) {
        return new KmsKey(arn, arn.substring(arn.lastIndexOf('/') + 1), "Enabled", Optional.empty(), "CUSTOMER");
    }

    private static SimulatedDecision decision(String action, String decision) {
        return new SimulatedDecision(action, TRAIL_KEY, decision, List.of(), Optional.empty(), Optional.empty(),
                List.of());
    }

    @Test
    void judgesStateOfEveryEvidenceKeyInTheRegionWithoutResponderRole() {
        Keys kms = Keys.of(List.of(
                enabled(TRAIL_KEY),
                new KmsKey(LOGS_KEY, "logs-key", "PendingDeletion", Optional.of(Instant.parse("2026-12-04T00:00:00Z")),
                        "CUSTOMER"),
                new KmsKey(EBS_KEY, "ebs-key", "Disabled", Optional.empty(), "AWS")),
                Map.of("alias/aws/ebs", EBS_KEY), Map.of(), Map.of());

        List<Finding> findings = check.findings(base(kms, new EbsDefaultEncryption(true, Optional.empty()), q -> {
            throw new AssertionError("no responder role: nothing to simulate");
        }).build());

        assertThat(findings).extracting(Finding::resourceId, Finding::status, Finding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TRAIL_KEY, Status.PASS, "KMS key " + TRAIL_KEY
                        + " (protects trail main) is enabled. No responder role is configured, so whether it can use "
                        + "the key was not judged."),
                org.assertj.core.groups.Tuple.tuple(LOGS_KEY, Status.FAIL, "KMS key " + LOGS_KEY
                        + " (protects log group /aws/vpc/flows) is pending deletion (scheduled for 2026-12-04T00:00:00Z):"
                        + " once deleted, the evidence it encrypts can never be decrypted. Cancel the deletion (aws kms "
                        + "cancel-key-deletion --key-id " + LOGS_KEY + ") and re-enable the key (aws kms enable-key "
                        + "--key-id " + LOGS_KEY + ")."),
                org.assertj.core.groups.Tuple.tuple(EBS_KEY, Status.FAIL, "KMS key " + EBS_KEY
                        + " (protects EBS default encryption) is Disabled: nobody can decrypt the evidence it protects "
                        + "until it is enabled again (aws kms enable-key --key-id " + EBS_KEY + ")."));
    }

    @Test
    void deletedKeyFailsUnderItsReference() {
        Keys kms = Keys.of(List.of(enabled(LOGS_KEY)), Map.of(), Map.of(), Map.of());

        List<Finding> findings = check.findings(base(kms, new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of()).build());

        assertThat(findings).filteredOn(f -> f.resourceId().equals(TRAIL_KEY)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo("KMS key " + TRAIL_KEY + " (protects trail main) does not exist: the "
                    + "evidence encrypted with it cannot be decrypted. Point these resources at an existing key and "
                    + "treat what was encrypted with the lost key as gone.");
        });
    }

    @Test
    void responderUsesKeyThroughIamAndAGrant() {
        Keys kms = Keys.of(List.of(enabled(TRAIL_KEY), enabled(LOGS_KEY)), Map.of(),
                Map.of(TRAIL_KEY, ROOT_ONLY_POLICY, LOGS_KEY, ROOT_ONLY_POLICY),
                Map.of(TRAIL_KEY, List.of(new KeyGrant("g-1", ROLE, List.of("Decrypt"), false))));
        Config config = Config.builder().responderRoleArn(ROLE).build();

        List<Finding> findings = check.with(config).findings(base(kms,
                new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of(decision("kms:Decrypt", "implicitDeny"), decision("kms:CreateGrant", "allowed"),
                        decision("kms:ReEncryptFrom", "allowed"))).build());

        assertThat(findings.get(0).status()).isEqualTo(Status.PASS);
        assertThat(findings.get(0).reason()).isEqualTo("KMS key " + TRAIL_KEY + " (protects trail main) is enabled "
                + "and responder role " + ROLE + " can use it (kms:Decrypt via grant g-1, kms:CreateGrant via IAM, "
                + "kms:ReEncryptFrom via IAM). " + EvidenceDecryptable.SIMPLIFICATION);
        assertThat(findings.get(1).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(1).reason()).isEqualTo("KMS key " + LOGS_KEY + " (protects log group /aws/vpc/flows) "
                + "is enabled, but responder role " + ROLE + " cannot use it: kms:Decrypt (the key policy defers to "
                + "IAM, and no policy of the role allows it). Allow the role these actions on the key (key policy, "
                + "IAM policy or a grant) before an incident needs them. " + EvidenceDecryptable.SIMPLIFICATION);
    }

    @Test
    void keyPolicyDenyAndConditionsAreReported() {
        String policy = """
                {"Statement":[
                  {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/ir-responder"]},
                   "Action":["kms:Decrypt","kms:ReEncrypt*"],"Resource":"*",
                   "Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}},
                  {"Effect":"Deny","Principal":"*","Action":"kms:CreateGrant","Resource":"*"}]}""";
        Keys kms = Keys.of(List.of(enabled(TRAIL_KEY), enabled(LOGS_KEY)), Map.of(),
                Map.of(TRAIL_KEY, policy, LOGS_KEY, ROOT_ONLY_POLICY), Map.of());
        Config config = Config.builder().responderRoleArn(ROLE).build();

        List<Finding> findings = check.with(config).findings(base(kms,
                new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of(decision("kms:Decrypt", "allowed"), decision("kms:CreateGrant", "allowed"),
                        decision("kms:ReEncryptFrom", "allowed"))).build());

        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).reason()).contains("cannot use it: kms:CreateGrant (the key policy denies it).")
                .endsWith(EvidenceDecryptable.SIMPLIFICATION + " Also: conditions in the key policy were not evaluated.");
        assertThat(findings.get(1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void permissionsBoundaryBlocksEvenWhenTheKeyPolicyNamesTheRole() {
        String policy = """
                {"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ir-responder"},
                   "Action":"kms:*","Resource":"*"}]}""";
        Keys kms = Keys.of(List.of(enabled(TRAIL_KEY), enabled(LOGS_KEY)), Map.of(),
                Map.of(TRAIL_KEY, policy, LOGS_KEY, policy), Map.of());
        Config config = Config.builder().responderRoleArn(ROLE).build();
        SimulatedDecision boundary = new SimulatedDecision("kms:CreateGrant", TRAIL_KEY, "implicitDeny",
                List.of("boundary"), Optional.of(false), Optional.empty(), List.of());

        List<Finding> findings = check.with(config).findings(base(kms,
                new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of(decision("kms:Decrypt", "implicitDeny"), boundary,
                        decision("kms:ReEncryptFrom", "implicitDeny"))).build());

        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).reason()).contains("cannot use it: kms:CreateGrant (blocked by the role's "
                + "permissions boundary). ");
    }

    @Test
    void deniedDescribeKeyIsAnErrorOnThatKeyOnly() {
        Keys kms = new Keys(new KmsInventory(ref -> {
            if (ref.equals(TRAIL_KEY)) {
                throw denied("kms:DescribeKey");
            }
            return Optional.of(enabled(ref));
        }), new KeyAccessInventory(arn -> ROOT_ONLY_POLICY, arn -> List.of()));

        List<Finding> findings = check.findings(base(kms, new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of()).build());

        assertThat(findings).extracting(Finding::resourceId, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TRAIL_KEY, Status.ERROR),
                org.assertj.core.groups.Tuple.tuple(LOGS_KEY, Status.PASS));
        assertThat(findings.get(0).reason()).startsWith("Could not evaluate: access denied to kms:DescribeKey");
    }

    @Test
    void deniedKeyPolicyIsAnErrorNamingGetKeyPolicy() {
        Keys kms = new Keys(new KmsInventory(ref -> Optional.of(enabled(ref))), new KeyAccessInventory(arn -> {
            throw denied("kms:GetKeyPolicy");
        }, arn -> List.of()));
        Config config = Config.builder().responderRoleArn(ROLE).build();

        List<Finding> findings = check.with(config).findings(base(kms,
                new EbsDefaultEncryption(false, Optional.empty()),
                q -> List.of()).build());

        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to kms:GetKeyPolicy");
        });
    }

    @Test
    void responderRoleThatDoesNotExistFails() {
        Keys kms = Keys.of(List.of(enabled(TRAIL_KEY), enabled(LOGS_KEY)), Map.of(),
                Map.of(), Map.of());
        Config config = Config.builder().responderRoleArn(ROLE).build();

        List<Finding> findings = check.with(config).findings(base(kms,
                new EbsDefaultEncryption(false, Optional.empty()), q -> {
            throw notFound("iam:SimulatePrincipalPolicy", "NoSuchEntity");
        }).build());

        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).reason()).contains("cannot use it: the role does not exist (NoSuchEntity).");
    }

    @Test
    void deniedTrailListingLeavesTheWholeCheckInError() {
        Inventory inventory = base(Keys.of(List.of(), Map.of(), Map.of(), Map.of()),
                new EbsDefaultEncryption(false, Optional.empty()), q -> List.of())
                .with(CloudTrailInventory.class, new CloudTrailInventory(() -> {
                    throw denied("cloudtrail:DescribeTrails");
                }, arn -> null, arn -> null)).build();

        assertThat(check.findings(inventory)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to cloudtrail:DescribeTrails");
        });
    }
}
