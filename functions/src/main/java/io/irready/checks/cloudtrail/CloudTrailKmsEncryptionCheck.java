package io.irready.checks.cloudtrail;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.List;
import java.util.Optional;

/**
 * {@code cloudtrail-kms-encryption}: one finding per trail, judged in one region (see
 * {@link CloudTrailLogFileValidationCheck}). Passes when the trail uses SSE-KMS with a key
 * that is enabled. A key pending deletion fails even though it still works today: once deleted,
 * every log file it encrypted is unreadable evidence. A key KMS reports as not found fails; a key
 * irready may not describe (e.g. a cross-account key whose policy does not allow it) is an ERROR
 * on that trail.
 */
public final class CloudTrailKmsEncryptionCheck implements Check, Routed {
    public static final String ID = "cloudtrail-kms-encryption";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "CloudTrail logs are encrypted with SSE-KMS by a key that is enabled and not pending deletion",
            Severity.MEDIUM,
            "cloudtrail",
            "AWS::CloudTrail::Trail",
            Granularity.RESOURCE,
            "SSE-KMS puts reading the logs behind a second permission (kms:Decrypt) and records every decryption; "
                    + "but the key is also a single point of failure: a disabled key, or one an attacker "
                    + "scheduled for deletion, makes every log file it encrypted unreadable.",
            new Remediation(
                    "CloudTrail console → Trails → the trail → General details → Edit → 'Log file SSE-KMS "
                            + "encryption' with a customer managed key; KMS console → the key → 'Cancel key deletion' "
                            + "and 'Enable' if it is pending deletion or disabled.",
                    "aws cloudtrail update-trail --name <trail-arn> --kms-key-id <key-arn>; "
                            + "aws kms cancel-key-deletion --key-id <key-arn> && aws kms enable-key --key-id <key-arn>"),
            TrailChecks.permissions(KmsCollector.DESCRIBE_KEY),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.5", "CIS AWS Foundations v3.0.0 3.5"),
                    List.of("CloudTrail.2"),
                    List.of(),
                    List.of("T1562.008", "T1530")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "UpdateTrail", "DeleteTrail").naming(Extractors.TRAIL_NAME).disablesEvidence()
                    .everyRegion()
                    .because("UpdateTrail can remove or swap the trail's KMS key; a deleted trail's finding is closed")
            .on("aws.cloudtrail", "CreateTrail").naming(Extractors.TRAIL_NAME).everyRegion()
                    .because("a new trail is judged")
            .on("aws.kms", "DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "RevokeGrant",
                    "DeleteImportedKeyMaterial").naming(Extractors.KEY_ID).disablesEvidence()
                    .because("a disabled key, one scheduled for deletion or without its imported key material, or a "
                            + "narrowed policy or grant stops CloudTrail encrypting with it (the event names a key, "
                            + "not a trail: the region is re-judged)")
            .on("aws.kms", "RetireGrant").naming(Extractors.KEY_ID).onlyWhenNamed().disablesEvidence()
                    .because("a retired grant can stop CloudTrail using the key; retired by grant token, the event may "
                            + "name no key, and that is left to the sweep")
            .on("aws.kms", "DeleteKey", "DeleteExpiredKeyMaterial").serviceEvent().naming(Extractors.KEY_ID)
                    .because("KMS deleting the trail's key when its waiting period ends, or its expired imported key "
                            + "material, leaves CloudTrail nothing to encrypt with and the log files undecryptable")
            .on("aws.kms", "EnableKey", "CancelKeyDeletion", "ImportKeyMaterial").naming(Extractors.KEY_ID)
                    .because("re-enabling the key, cancelling its deletion or importing its key material again "
                            + "restores it")
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
        return TrailChecks.judgeEachTrail(ctx, trail -> judge(ctx, trail));
    }

    private static Finding judge(CheckContext ctx, Trail trail) {
        if (trail.kmsKeyId().isEmpty()) {
            return ctx.fail(trail.arn(), "Trail " + trail.label() + " encrypts its log files with S3-managed keys "
                    + "(SSE-S3) only. Use a customer managed KMS key: aws cloudtrail update-trail --name "
                    + trail.arn() + " --kms-key-id <key-arn>.");
        }
        String reference = trail.kmsKeyId().get();
        Optional<KmsKey> found = ctx.service(KmsInventory.class).key(reference);
        if (found.isEmpty()) {
            return ctx.fail(trail.arn(), "Trail " + trail.label() + " encrypts with KMS key " + reference
                    + ", which no longer exists: CloudTrail cannot deliver and earlier logs cannot be decrypted. "
                    + "Point the trail at an enabled key: aws cloudtrail update-trail --name " + trail.arn()
                    + " --kms-key-id <key-arn>.");
        }
        KmsKey key = found.get();
        if (key.isPendingDeletion()) {
            return ctx.fail(trail.arn(), "Trail " + trail.label() + " encrypts with KMS key " + key.arn()
                    + ", which is pending deletion" + key.deletionDate().map(d -> " on " + d).orElse("")
                    + ": after that every log file it encrypted is unreadable. Cancel it: aws kms cancel-key-deletion "
                    + "--key-id " + key.arn() + " && aws kms enable-key --key-id " + key.arn() + ".");
        }
        if (!key.isEnabled()) {
            return ctx.fail(trail.arn(), "Trail " + trail.label() + " encrypts with KMS key " + key.arn()
                    + ", which is " + key.state() + ": CloudTrail cannot deliver and its logs cannot be decrypted. "
                    + "Enable it: aws kms enable-key --key-id " + key.arn() + ".");
        }
        return ctx.pass(trail.arn(), "Trail " + trail.label() + " encrypts its log files with enabled KMS key "
                + key.arn() + ".");
    }
}
