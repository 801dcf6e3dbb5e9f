package io.irready.checks.kms;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.checks.iam.RoleChanges;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
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
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KeyAccessCollector;
import io.irready.inventory.iam.ResponderSimulationCollector;
import io.irready.inventory.ec2.EbsEncryptionCollector;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evidence-decryptable}: every KMS key that protects evidence in the region — the trail's SSE-KMS key,
 * keys of forensic log groups, the EBS default key — is enabled, not pending deletion and, when a responder
 * role is configured, usable by it for {@code kms:Decrypt}, {@code kms:CreateGrant} and
 * {@code kms:ReEncryptFrom} (what reading logs and copying encrypted snapshots need).
 *
 * <p>Access is judged by the IAM policy simulator (identity side, incl. the permissions boundary) <b>plus</b>
 * the key policy and grants read by irready, since the simulator cannot evaluate a key policy for a role nor
 * grants. Conditions are not evaluated; every reason says so.
 */
public final class EvidenceDecryptable implements Check, Routed {
    public static final String ID = "evidence-decryptable";
    static final List<String> KEY_ACTIONS = List.of("kms:Decrypt", "kms:CreateGrant", "kms:ReEncryptFrom");
    static final String SIMPLIFICATION = "Judged by IAM policy simulation of the role plus the key policy and "
            + "grants; policy conditions were not evaluated.";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Keys protecting evidence are enabled, not pending deletion, and usable by the responder role",
            Severity.HIGH,
            "kms",
            "AWS::KMS::Key",
            Granularity.RESOURCE,
            "Encrypted evidence is only evidence while someone can decrypt it. Disabling or scheduling the deletion "
                    + "of the key behind the trail's log files, the forensic log groups or EBS snapshots destroys "
                    + "them without touching a single object (a known ransomware and anti-forensics move), and a "
                    + "responder role that cannot use the key cannot read logs or copy encrypted volumes in an "
                    + "incident.",
            new Remediation(
                    "KMS console → Customer managed keys → (key) → Key actions → Cancel key deletion / Enable; "
                            + "Key policy → allow the responder role kms:Decrypt, kms:CreateGrant and kms:ReEncrypt* "
                            + "(or enable IAM policies and allow them in the role's policy).",
                    "aws kms cancel-key-deletion --key-id <key-arn> && aws kms enable-key --key-id <key-arn>; "
                            + "aws kms create-grant --key-id <key-arn> --grantee-principal <role-arn> "
                            + "--operations Decrypt CreateGrant ReEncryptFrom"),
            List.of(CloudTrailCollector.LIST_TRAILS, CloudTrailCollector.DESCRIBE_TRAILS,
                    LogsCollector.DESCRIBE_LOG_GROUPS,
                    EbsEncryptionCollector.GET_BY_DEFAULT, EbsEncryptionCollector.GET_DEFAULT_KEY,
                    KmsCollector.DESCRIBE_KEY, KeyAccessCollector.GET_KEY_POLICY, KeyAccessCollector.LIST_GRANTS,
                    ResponderSimulationCollector.SIMULATE),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.5", "CIS AWS Foundations v3.0.0 3.5"),
                    List.of("KMS.3", "CloudTrail.2"),
                    List.of(),
                    List.of("T1485", "T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.kms", "DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "RevokeGrant",
                    "DeleteImportedKeyMaterial").naming(Extractors.KEY_ID).disablesEvidence()
                    .because("a disabled key, one scheduled for deletion, one whose imported key material is deleted, "
                            + "or a narrowed policy or grant can leave evidence undecryptable")
            .on("aws.kms", "RetireGrant").naming(Extractors.KEY_ID).onlyWhenNamed().disablesEvidence()
                    .because("a retired grant can take the responder's access to a key; retired by grant token, the "
                            + "event may name no key, and re-judging every evidence key for it is left to the sweep")
            .on("aws.kms", "DeleteKey", "DeleteExpiredKeyMaterial").serviceEvent().naming(Extractors.KEY_ID)
                    .because("KMS deleting the key when its waiting period ends, or deleting expired imported key "
                            + "material, makes the evidence it encrypted undecryptable")
            .on("aws.kms", "EnableKey", "CancelKeyDeletion", "ImportKeyMaterial").naming(Extractors.KEY_ID)
                    .because("re-enabling the key, cancelling its deletion or importing its key material again "
                            + "restores it")
            .on("aws.ec2", "DisableEbsEncryptionByDefault", "ModifyEbsDefaultKmsKeyId", "ResetEbsDefaultKmsKeyId")
                    .because("these change which key protects new EBS volumes (a reset goes back to aws/ebs)")
            .on("aws.logs", "DisassociateKmsKey").naming(Extractors.LOG_GROUP_NAME)
                    .because("a log group that stops using a key changes which keys protect evidence")
            .on("aws.logs", "AssociateKmsKey").naming(Extractors.LOG_GROUP_NAME)
                    .because("a forensic log group's new key becomes one that protects evidence")
            .on("aws.iam", RoleChanges.CALLS)
                    .naming(Extractors.ROLE_NAME).delayedRecheck().everyRegion()
                    .because("the responder role may lose kms:Decrypt on an evidence key; IAM is global and "
                            + "eventually consistent")
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
        Map<String, Set<String>> protectsByRef = evidenceKeys(ctx);
        Map<String, KmsKey> keys = new LinkedHashMap<>();
        Map<String, Set<String>> protects = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        KmsInventory kms = ctx.service(KmsInventory.class);
        for (var entry : protectsByRef.entrySet()) {
            String ref = entry.getKey();
            String refId = canonical(ctx, ref);
            if (!ref.contains("alias/") && !ctx.scope().includes(refId)) {
                // an event about one key describes that key only; an alias must be described to know its key
                continue;
            }
            try {
                Optional<KmsKey> key = kms.key(ref);
                if (key.isEmpty()) {
                    findings.add(ctx.fail(refId, "KMS key " + refId + " (protects " + String.join(", ", entry.getValue())
                            + ") does not exist: the evidence encrypted with it cannot be decrypted. Point these "
                            + "resources at an existing key and treat what was encrypted with the lost key as gone."));
                    continue;
                }
                keys.putIfAbsent(key.get().arn(), key.get());
                protects.computeIfAbsent(key.get().arn(), k -> new LinkedHashSet<>()).addAll(entry.getValue());
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(refId, e));
            }
        }
        for (KmsKey key : keys.values()) {
            if (!ctx.scope().includes(key.arn())) {
                continue;
            }
            String what = "KMS key " + key.arn() + " (protects " + String.join(", ", protects.get(key.arn())) + ")";
            try {
                findings.add(judge(ctx, key, what));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(key.arn(), e));
            }
        }
        return findings;
    }

    /** Key reference (ARN, alias, id) → what it protects, for keys that live in this region. */
    private static Map<String, Set<String>> evidenceKeys(CheckContext ctx) {
        Map<String, Set<String>> refs = new LinkedHashMap<>();
        for (Trail trail : ctx.service(CloudTrailInventory.class).trails()) {
            trail.kmsKeyId().filter(k -> inRegion(k, ctx.region()))
                    .ifPresent(k -> refs.computeIfAbsent(k, x -> new LinkedHashSet<>()).add("trail " + trail.name()));
        }
        for (LogGroup group : ctx.service(LogsInventory.class).logGroups()) {
            boolean forensic = ctx.config().forensicLogGroupPrefixes().stream().anyMatch(group.name()::startsWith);
            if (forensic) {
                group.kmsKeyId().ifPresent(k -> refs.computeIfAbsent(k, x -> new LinkedHashSet<>())
                        .add("log group " + group.name()));
            }
        }
        EbsDefaultEncryption ebs = ctx.service(EbsEncryptionInventory.class).defaults();
        if (ebs.enabled()) {
            refs.computeIfAbsent(ebs.kmsKeyId().orElse("alias/aws/ebs"), x -> new LinkedHashSet<>())
                    .add("EBS default encryption");
        }
        return refs;
    }

    private static boolean inRegion(String keyRef, String region) {
        String keyRegion = ResourceIds.regionOf(keyRef);
        return keyRegion == null || keyRegion.equals(region);
    }

    private static String canonical(CheckContext ctx, String ref) {
        if (ResourceIds.isArn(ref)) {
            return ref;
        }
        return ResourceIds.arn("kms", ctx.region(), ctx.account(), ref.startsWith("alias/") ? ref : "key/" + ref);
    }

    private static Finding judge(CheckContext ctx, KmsKey key, String what) {
        String arn = key.arn();
        if (key.isPendingDeletion()) {
            return ctx.fail(arn, what + " is pending deletion" + key.deletionDate().map(d -> " (scheduled for " + d + ")")
                    .orElse("") + ": once deleted, the evidence it encrypts can never be decrypted. Cancel the "
                    + "deletion (aws kms cancel-key-deletion --key-id " + arn + ") and re-enable the key (aws kms "
                    + "enable-key --key-id " + arn + ").");
        }
        if (!key.isEnabled()) {
            return ctx.fail(arn, what + " is " + key.state() + ": nobody can decrypt the evidence it protects until "
                    + "it is enabled again (aws kms enable-key --key-id " + arn + ").");
        }
        Optional<String> role = ctx.config().responderRoleArn();
        if (role.isEmpty()) {
            return ctx.pass(arn, what + " is enabled. No responder role is configured, so whether it can use the key "
                    + "was not judged.");
        }
        List<String> missing = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        List<String> how = new ArrayList<>();
        judgeAccess(ctx, key, role.get(), missing, notes, how);
        String simplification = " " + SIMPLIFICATION + (notes.isEmpty() ? "" : " Also: " + String.join("; ", notes) + ".");
        if (missing.isEmpty()) {
            return ctx.pass(arn, what + " is enabled and responder role " + role.get() + " can use it ("
                    + String.join(", ", how) + ")." + simplification);
        }
        return ctx.fail(arn, what + " is enabled, but responder role " + role.get() + " cannot use it: "
                + String.join("; ", missing) + ". Allow the role these actions on the key (key policy, IAM policy "
                + "or a grant) before an incident needs them." + simplification);
    }

    private static void judgeAccess(CheckContext ctx, KmsKey key, String role, List<String> missing, Set<String> notes,
                                    List<String> how) {
        List<SimulatedDecision> decisions;
        try {
            decisions = ctx.service(ResponderSimulation.class).simulate(role, KEY_ACTIONS, List.of(key.arn()));
        } catch (AwsCallFailedException e) {
            if (e.kind() != AwsCallFailedException.Kind.NOT_FOUND) {
                throw e;
            }
            missing.add("the role does not exist (" + e.errorCode() + ")");
            return;
        }
        String keyAccount = ResourceIds.accountOf(key.arn());
        boolean sameAccount = keyAccount == null || keyAccount.equals(ctx.account());
        KeyAccessInventory kms = ctx.service(KeyAccessInventory.class);
        String policy = sameAccount ? kms.keyPolicy(key.arn()) : null;
        List<KeyGrant> grants = sameAccount ? kms.grants(key.arn()) : List.of();
        if (!sameAccount) {
            notes.add("the key belongs to account " + keyAccount + ", whose key policy and grants cannot be read "
                    + "from here, so only the IAM simulation was used");
        }
        for (String action : KEY_ACTIONS) {
            String operation = action.substring("kms:".length());
            SimulatedDecision identity = decisions.stream().filter(d -> d.action().equalsIgnoreCase(action))
                    .findFirst().orElse(new SimulatedDecision(action, key.arn(), "implicitDeny", List.of(),
                            Optional.empty(), Optional.empty(), List.of()));
            if (identity.explicitDeny() || identity.allowedByBoundary().filter(b -> !b).isPresent()
                    || identity.allowedByOrganizations().filter(b -> !b).isPresent()) {
                missing.add(action + " (" + identity.why() + ")");
                continue;
            }
            if (!sameAccount) {
                if (identity.allowed()) {
                    how.add(action + " via IAM");
                } else {
                    missing.add(action + " (" + identity.why() + ")");
                }
                continue;
            }
            KeyPolicyAccess.Verdict verdict = KeyPolicyAccess.judge(policy, role, ctx.account(), action);
            notes.addAll(verdict.notes());
            Optional<KeyGrant> grant = grants.stream().filter(g -> role.equals(g.granteePrincipal())
                    && g.operations().contains(operation)).findFirst();
            if (verdict.denied()) {
                missing.add(action + " (the key policy denies it)");
            } else if (grant.isPresent()) {
                how.add(action + " via grant " + grant.get().grantId());
                if (grant.get().constrained()) {
                    notes.add("grant " + grant.get().grantId() + " only applies under an encryption context");
                }
            } else if (verdict.direct()) {
                how.add(action + " via the key policy");
            } else if (verdict.viaIam() && identity.allowed()) {
                how.add(action + " via IAM");
            } else if (verdict.viaIam()) {
                missing.add(action + " (the key policy defers to IAM, and " + identity.why() + ")");
            } else {
                missing.add(action + " (the key policy neither allows the role nor enables IAM policies for account "
                        + ctx.account() + ", and no grant gives it)");
            }
        }
    }
}
