package io.irready.checks.logs;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Extractors;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.logs.LogGroup;
import java.util.List;
import java.util.Optional;

/**
 * {@code logs-kms-encryption}: forensic log groups (the selection of {@link ForensicLogGroups}) are
 * encrypted with a customer managed KMS key that is enabled and not pending deletion.
 *
 * <p>LOW, not MEDIUM: CloudWatch Logs encrypts every log group at rest anyway, so a group without a
 * customer managed key loses no evidence. What the key adds is a second door in front of the evidence
 * ({@code kms:Decrypt} on top of {@code logs:GetLogEvents}) and a CloudTrail record of every read, so
 * an investigator can tell who else read the logs. The case that does destroy evidence — the group's key
 * disabled or scheduled for deletion — is also judged HIGH by {@code evidence-decryptable}; here it fails
 * because such a group is not protected by a usable key.
 */
public final class LogsKmsEncryption implements Check, Routed {
    public static final String ID = "logs-kms-encryption";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Forensic CloudWatch Logs log groups are encrypted with an enabled customer managed KMS key",
            Severity.LOW,
            "logs",
            "AWS::Logs::LogGroup",
            Granularity.RESOURCE,
            "CloudWatch Logs encrypts every group anyway, so no evidence is lost without a key (hence LOW); a "
                    + "customer managed key puts reading the evidence behind kms:Decrypt as well as logs:GetLogEvents "
                    + "and records each decryption in CloudTrail, so the responder can tell who else read the logs. "
                    + "A disabled key or one pending deletion makes the group unreadable.",
            new Remediation(
                    "KMS console → create a symmetric customer managed key whose policy allows "
                            + "logs.<region>.amazonaws.com; CloudWatch console → Log groups → the group → Actions → "
                            + "Edit → KMS key ARN.",
                    "aws logs associate-kms-key --log-group-name <name> --kms-key-id <key-arn>"),
            ForensicLogGroups.permissionsAnd(KmsCollector.DESCRIBE_KEY),
            new References(
                    // CIS asks for KMS on the trail (3.5), not on log groups
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("T1530", "T1485")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.logs", "DisassociateKmsKey").naming(Extractors.LOG_GROUP_NAME).disablesEvidence()
                    .because("removing the key leaves the group without a customer managed key")
            .on("aws.logs", "AssociateKmsKey", "CreateLogGroup").naming(Extractors.LOG_GROUP_NAME)
                    .because("a key is set on the group; a new forensic group is judged")
            .on("aws.kms", "DisableKey", "ScheduleKeyDeletion", "DeleteImportedKeyMaterial").disablesEvidence()
                    .because("a disabled key, one scheduled for deletion or without its imported key material makes "
                            + "the groups it protects unreadable (the event names a key, not a group: the region is "
                            + "re-judged)")
            .on("aws.kms", "DeleteKey", "DeleteExpiredKeyMaterial").serviceEvent()
                    .because("KMS deleting a group's key when its waiting period ends, or its expired imported key "
                            + "material, makes the group unreadable")
            .on("aws.kms", "EnableKey", "CancelKeyDeletion", "ImportKeyMaterial")
                    .because("re-enabling the key, cancelling its deletion or importing its key material again makes "
                            + "the groups it protects readable again")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return EachResource.judge(ctx, ForensicLogGroups.inScope(ctx), f -> f.group().arn(),
                f -> judge(ctx, f.group(), f.subject()));
    }

    private static Finding judge(CheckContext ctx, LogGroup group, String subject) {
        String associate = "aws logs associate-kms-key --log-group-name " + group.name() + " --kms-key-id <key-arn>";
        if (group.kmsKeyId().isEmpty()) {
            return ctx.fail(group.arn(), subject + " but is encrypted only by CloudWatch Logs' own key: no kms:Decrypt "
                    + "permission guards it and no CloudTrail record shows who reads it. Associate a customer managed "
                    + "key: " + associate + ".");
        }
        String reference = group.kmsKeyId().get();
        Optional<KmsKey> found = ctx.service(KmsInventory.class).key(reference);
        if (found.isEmpty()) {
            return ctx.fail(group.arn(), subject + " but its KMS key " + reference + " no longer exists: its events "
                    + "cannot be read. Associate an enabled key: " + associate + ".");
        }
        KmsKey key = found.get();
        if (key.isPendingDeletion()) {
            return ctx.fail(group.arn(), subject + " but its KMS key " + key.arn() + " is pending deletion"
                    + key.deletionDate().map(d -> " on " + d).orElse("") + ": after that its events are unreadable. "
                    + "Cancel it: aws kms cancel-key-deletion --key-id " + key.arn() + " && aws kms enable-key --key-id "
                    + key.arn() + ".");
        }
        if (!key.isEnabled()) {
            return ctx.fail(group.arn(), subject + " but its KMS key " + key.arn() + " is " + key.state()
                    + ": CloudWatch Logs can neither write nor read its events. Enable it: aws kms enable-key --key-id "
                    + key.arn() + ".");
        }
        if (!"CUSTOMER".equals(key.keyManager())) {
            return ctx.fail(group.arn(), subject + " but its KMS key " + key.arn() + " is AWS managed: its policy "
                    + "cannot be narrowed to the responders. Associate a customer managed key: " + associate + ".");
        }
        return ctx.pass(group.arn(), subject + " and is encrypted with enabled customer managed KMS key "
                + key.arn() + ".");
    }
}
