package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.KEY_ARN;
import static io.irready.testing.CloudTrailFixtures.denied;
import static io.irready.testing.CloudTrailFixtures.organizationTrail;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTrailKmsEncryptionCheckTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String ARN = TRAIL.arn();
    private static final String LABEL = "'management-trail' (" + ARN + ")";
    private final CheckHarness check = CheckHarness.of(new CloudTrailKmsEncryptionCheck());

    private Finding only(Trail trail, KmsInventory kms) {
        List<Finding> findings = check.findings(inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(trail), Map.of(), Map.of()))
                .with(KmsInventory.class, kms).build());
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(trail.arn());
        return findings.getFirst();
    }

    private static KmsInventory key(String state, Optional<Instant> deletion) {
        return KmsInventory.of(List.of(new KmsKey(KEY_ARN, "1234abcd-12ab-34cd-56ef-1234567890ab", state, deletion,
                "CUSTOMER")));
    }

    @Test
    void passesWithAnEnabledKey() {
        Finding f = only(TRAIL, key("Enabled", Optional.empty()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " encrypts its log files with enabled KMS key " + KEY_ARN + ".");
    }

    @Test
    void failsWithSseS3Only() {
        Finding f = only(withKey(TRAIL, Optional.empty()), KmsInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " encrypts its log files with S3-managed keys (SSE-S3) "
                + "only. Use a customer managed KMS key: aws cloudtrail update-trail --name " + ARN
                + " --kms-key-id <key-arn>.");
    }

    @Test
    void failsWhenTheKeyIsPendingDeletion() {
        Finding f = only(TRAIL, key("PendingDeletion", Optional.of(Instant.parse("2026-03-08T00:00:00Z"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " encrypts with KMS key " + KEY_ARN + ", which is pending "
                + "deletion on 2026-03-08T00:00:00Z: after that every log file it encrypted is unreadable. Cancel it: "
                + "aws kms cancel-key-deletion --key-id " + KEY_ARN + " && aws kms enable-key --key-id " + KEY_ARN + ".");
    }

    @Test
    void failsWhenTheKeyIsDisabled() {
        Finding f = only(TRAIL, key("Disabled", Optional.empty()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " encrypts with KMS key " + KEY_ARN + ", which is Disabled: "
                + "CloudTrail cannot deliver and its logs cannot be decrypted. Enable it: aws kms enable-key --key-id "
                + KEY_ARN + ".");
    }

    @Test
    void failsWhenTheKeyNoLongerExists() {
        Finding f = only(TRAIL, KmsInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " encrypts with KMS key " + KEY_ARN + ", which no longer "
                + "exists: CloudTrail cannot deliver and earlier logs cannot be decrypted. Point the trail at an enabled "
                + "key: aws cloudtrail update-trail --name " + ARN + " --kms-key-id <key-arn>.");
    }

    @Test
    void anOrganizationTrailOfAnotherAccountIsNotApplicable() {
        Finding f = only(organizationTrail(TRAIL), KmsInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Trail 'management-trail' (arn:aws:cloudtrail:eu-west-1:111111111111:trail/"
                + "management-trail) belongs to account 111111111111 (an organization trail); only that account can "
                + "change it, so it is judged there.");
    }

    @Test
    void errorOnTheTrailWhenTheKeyCannotBeDescribed() {
        Finding f = only(TRAIL, new KmsInventory(ref -> {
            throw denied("kms:DescribeKey");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to kms:DescribeKey (AccessDeniedException): "
                + "grant kms:DescribeKey to irready's role: User: arn:aws:sts::123456789012:assumed-role/irready/x is "
                + "not authorized to perform: kms:DescribeKey");
    }
}
