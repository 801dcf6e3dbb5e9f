package io.irready.securityhub;

import io.irready.core.CheckMetadata;
import io.irready.core.ResourceIds;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;

/**
 * One irready finding in the AWS Security Finding Format, as {@code BatchImportFindings} takes it
 * and as {@code irready scan --format asff} prints it (the same object, so the two cannot drift).
 * <ul>
 *   <li>The id is derived from the finding's key only, so every import of a finding updates the same
 *       Security Hub finding; {@code UpdatedAt} is the transition's time, so a re-import is a no-op.</li>
 *   <li>Severity and types also go through {@code FindingProviderFields}: on an update Security Hub
 *       only takes a provider's changes to them from there.</li>
 *   <li>The product ARN names the finding's own region: a finding is imported where its resource
 *       is (Security Hub's cross-region aggregation gathers them), and Security Hub fills in
 *       {@code Region} itself.</li>
 *   <li>PASS, NOT_APPLICABLE and CLOSED archive the finding; FAIL and ERROR keep it active.</li>
 * </ul>
 */
public final class AsffFinding {
    public static final String SCHEMA_VERSION = "2018-10-08";
    /** Namespace/Category/Classifier of ASFF's finding type taxonomy. */
    public static final String TYPE = "Software and Configuration Checks/AWS Security Best Practices/Incident Response Readiness";
    /** Field values Security Hub accepts are capped; descriptions at 1024 characters. */
    private static final int MAX_DESCRIPTION = 1024;
    private static final int MAX_TITLE = 256;

    private AsffFinding() {
    }

    /**
     * @param subject   what is judged and how it stands
     * @param check     the check's metadata (title, remediation, resource type)
     * @param createdAt when the finding was first seen
     * @param updatedAt when its current state was observed (orders imports of one finding)
     * @param changedBy the event that triggered the evaluation, if any
     */
    public static AwsSecurityFinding of(Subject subject, CheckMetadata check, Instant createdAt, Instant updatedAt,
                                        Optional<ChangedBy> changedBy) {
        String severity = severityLabel(subject).toString();
        Map<String, String> productFields = new LinkedHashMap<>();
        productFields.put("irready/FindingKey", subject.key());
        productFields.put("irready/Status", subject.state().name());
        changedBy.ifPresent(c -> {
            productFields.put("irready/TriggeringEventId", c.eventId());
            if (c.eventName() != null) {
                productFields.put("irready/TriggeringEventName", c.eventName());
            }
            if (c.principalArn() != null) {
                productFields.put("irready/TriggeringPrincipal", c.principalArn());
            }
        });
        return AwsSecurityFinding.builder()
                .schemaVersion(SCHEMA_VERSION)
                .id(id(subject))
                .productArn(productArn(subject.region(), subject.account()))
                .productName("irready")
                .companyName("irready")
                .generatorId(check.id())
                .awsAccountId(subject.account())
                .types(TYPE)
                .createdAt(createdAt.toString())
                .updatedAt(updatedAt.toString())
                .severity(s -> s.label(severity).original(check.severity().name()))
                .findingProviderFields(p -> p.severity(s -> s.label(severity).original(check.severity().name()))
                        .types(TYPE))
                .title(bound(check.title(), MAX_TITLE))
                .description(bound(subject.reason(), MAX_DESCRIPTION))
                .remediation(r -> r.recommendation(rec -> rec.text(bound(check.remediation().console()
                        + " CLI: " + check.remediation().cli(), 512))))
                .productFields(productFields)
                .resources(resource(subject, check))
                .compliance(c -> c.status(complianceStatus(subject.state())))
                .recordState(subject.state().isOpen() ? RecordState.ACTIVE : RecordState.ARCHIVED)
                .build();
    }

    /** The Security Hub finding id: stable per finding key, short whatever the resource id's length. */
    public static String id(Subject subject) {
        return "irready/" + subject.region() + "/" + subject.checkId() + "/" + sha256(subject.key()).substring(0, 32);
    }

    /** The account's default product, the one every account may import its own findings into. */
    public static String productArn(String region, String account) {
        return "arn:" + ResourceIds.partition(region) + ":securityhub:" + region + ":" + account
                + ":product/" + account + "/default";
    }

    public static ComplianceStatus complianceStatus(FindingState state) {
        return switch (state) {
            case PASS -> ComplianceStatus.PASSED;
            case FAIL -> ComplianceStatus.FAILED;
            // irready could not tell: someone must look, but it is not a failure
            case ERROR -> ComplianceStatus.WARNING;
            // as Security Hub maps AWS Config's NOT_APPLICABLE
            case NOT_APPLICABLE, CLOSED -> ComplianceStatus.NOT_AVAILABLE;
        };
    }

    private static SeverityLabel severityLabel(Subject subject) {
        return SeverityLabel.fromValue(subject.severity().name());
    }

    private static software.amazon.awssdk.services.securityhub.model.Resource resource(Subject subject,
                                                                                      CheckMetadata check) {
        boolean arn = ResourceIds.isArn(subject.resourceId());
        // region-level findings are about the account: ASFF names it AWS::::Account:<id>
        String type = arn ? AsffResourceTypes.of(check.resourceType()) : AsffResourceTypes.ACCOUNT;
        String id = arn ? subject.resourceId() : "AWS::::Account:" + subject.account();
        return software.amazon.awssdk.services.securityhub.model.Resource.builder()
                .type(type)
                .id(id)
                .partition(ResourceIds.partition(subject.region()))
                .region(subject.region())
                .build();
    }

    private static String bound(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an ASFF finding is about: one finding key and its state. */
    public record Subject(String account, String region, String checkId, String resourceId,
                          io.irready.core.Severity severity, FindingState state, String reason) {
        public String key() {
            return account + "|" + region + "|" + checkId + "|" + resourceId;
        }

        public static Subject of(io.irready.core.Finding f) {
            return new Subject(f.account(), f.region(), f.checkId(), f.resourceId(), f.severity(),
                    FindingState.of(f.status()), f.reason());
        }
    }
}
