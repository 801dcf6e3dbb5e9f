package io.irready.checks.logs;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogsKmsEncryptionTest {
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String GROUP = "/aws/lambda/orders";
    private static final String ARN = "arn:aws:logs:eu-west-1:123456789012:log-group:" + GROUP;
    private static final String SUBJECT = "Log group /aws/lambda/orders holds evidence (prefix /aws/lambda/)";
    private final CheckHarness check = CheckHarness.of(new LogsKmsEncryption());

    private static LogGroup group(String name, String key) {
        return new LogGroup(name, "arn:aws:logs:eu-west-1:123456789012:log-group:" + name, Optional.of(30),
                Optional.ofNullable(key));
    }

    private static KmsKey key(String state, String manager) {
        return new KmsKey(KEY, "1234abcd-12ab-34cd-56ef-1234567890ab", state,
                KmsKey.PENDING_DELETION.equals(state) ? Optional.of(Instant.parse("2026-03-08T00:00:00Z"))
                        : Optional.empty(), manager);
    }

    private List<Finding> findings(KmsInventory kms, LogGroup... groups) {
        return check.findings(ForensicSources.none(inventory()).with(LogsInventory.class, LogsInventory.of(List.of(groups)))
                .with(KmsInventory.class, kms).build());
    }

    private Finding only(KmsInventory kms, LogGroup group) {
        List<Finding> findings = findings(kms, group);
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(group.arn());
        return findings.getFirst();
    }

    @Test
    void passesWithAnEnabledCustomerManagedKey() {
        Finding f = only(KmsInventory.of(List.of(key("Enabled", "CUSTOMER"))), group(GROUP, KEY));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(SUBJECT + " and is encrypted with enabled customer managed KMS key " + KEY + ".");
    }

    @Test
    void failsWithoutAKey() {
        Finding f = only(KmsInventory.of(List.of()), group(GROUP, null));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " but is encrypted only by CloudWatch Logs' own key: no kms:Decrypt "
                + "permission guards it and no CloudTrail record shows who reads it. Associate a customer managed key: "
                + "aws logs associate-kms-key --log-group-name /aws/lambda/orders --kms-key-id <key-arn>.");
    }

    @Test
    void failsWhenTheKeyIsPendingDeletion() {
        Finding f = only(KmsInventory.of(List.of(key("PendingDeletion", "CUSTOMER"))), group(GROUP, KEY));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " but its KMS key " + KEY + " is pending deletion on "
                + "2026-03-08T00:00:00Z: after that its events are unreadable. Cancel it: aws kms cancel-key-deletion "
                + "--key-id " + KEY + " && aws kms enable-key --key-id " + KEY + ".");
    }

    @Test
    void failsWhenTheKeyIsDisabled() {
        Finding f = only(KmsInventory.of(List.of(key("Disabled", "CUSTOMER"))), group(GROUP, KEY));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " but its KMS key " + KEY + " is Disabled: CloudWatch Logs can "
                + "neither write nor read its events. Enable it: aws kms enable-key --key-id " + KEY + ".");
    }

    @Test
    void failsWhenTheKeyNoLongerExists() {
        Finding f = only(KmsInventory.of(List.of()), group(GROUP, KEY));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " but its KMS key " + KEY + " no longer exists: its events cannot "
                + "be read. Associate an enabled key: aws logs associate-kms-key --log-group-name /aws/lambda/orders "
                + "--kms-key-id <key-arn>.");
    }

    @Test
    void anAwsManagedKeyIsNotACustomerManagedOne() {
        Finding f = only(KmsInventory.of(List.of(key("Enabled", "AWS"))), group(GROUP, KEY));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(SUBJECT + " but its KMS key " + KEY + " is AWS managed: its policy cannot "
                + "be narrowed to the responders. Associate a customer managed key: aws logs associate-kms-key "
                + "--log-group-name /aws/lambda/orders --kms-key-id <key-arn>.");
    }

    @Test
    void groupsOutsideTheForensicSelectionAreNotApplicableAndGetNoFinding() {
        assertThat(findings(KmsInventory.of(List.of()), group("/app/frontend", null))).isEmpty();
        List<Finding> custom = check.with(Config.builder().forensicLogGroupPrefixes(List.of("/corp/audit")).build())
                .findings(ForensicSources.none(inventory()).with(LogsInventory.class, LogsInventory.of(List.of(group(GROUP, null),
                        group("/corp/audit/app", null)))).with(KmsInventory.class, KmsInventory.of(List.of())).build());
        assertThat(custom).extracting(Finding::resourceId)
                .containsExactly("arn:aws:logs:eu-west-1:123456789012:log-group:/corp/audit/app");
    }

    @Test
    void aKeyThatCannotBeDescribedIsAnErrorOnThatGroupOnly() {
        KmsInventory kms = new KmsInventory(ref -> {
            throw denied("kms:DescribeKey");
        });
        List<Finding> findings = findings(kms, group(GROUP, KEY), group("/aws/lambda/other", null));
        assertThat(findings).extracting(Finding::status).containsExactly(Status.ERROR, Status.FAIL);
        assertThat(findings.getFirst().resourceId()).isEqualTo(ARN);
        assertThat(findings.getFirst().reason()).isEqualTo("Could not evaluate: access denied to kms:DescribeKey "
                + "(AccessDeniedException): grant kms:DescribeKey to irready's role: not authorized");
    }
}
