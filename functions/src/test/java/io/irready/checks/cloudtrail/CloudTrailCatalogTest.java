package io.irready.checks.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CloudTrail checks as the catalog (DESIGN.md §3) and the generated IAM policy see them. */
class CloudTrailCatalogTest {
    private final CheckRegistry registry = Catalog.registry();

    private Check check(String id) {
        return registry.find(id).orElseThrow();
    }

    @Test
    void severitiesAndGranularitiesFollowTheCatalog() {
        assertThat(List.of("cloudtrail-logging-all-regions", "cloudtrail-management-events",
                "cloudtrail-log-file-validation", "cloudtrail-cloudwatch-delivery", "cloudtrail-kms-encryption",
                "cloudtrail-bucket-retention")).allSatisfy(id -> assertThat(registry.contains(id)).isTrue());
        assertThat(check("cloudtrail-logging-all-regions").metadata().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(check("cloudtrail-management-events").metadata().severity()).isEqualTo(Severity.HIGH);
        assertThat(check("cloudtrail-bucket-retention").metadata().severity()).isEqualTo(Severity.HIGH);
        assertThat(List.of("cloudtrail-log-file-validation", "cloudtrail-cloudwatch-delivery",
                "cloudtrail-kms-encryption")).allSatisfy(id ->
                assertThat(check(id).metadata().severity()).isEqualTo(Severity.MEDIUM));
        assertThat(List.of("cloudtrail-logging-all-regions", "cloudtrail-management-events",
                "cloudtrail-cloudwatch-delivery")).allSatisfy(id ->
                assertThat(check(id).metadata().granularity()).isEqualTo(Granularity.ACCOUNT_REGION));
        assertThat(List.of("cloudtrail-log-file-validation", "cloudtrail-kms-encryption",
                "cloudtrail-bucket-retention")).allSatisfy(id ->
                assertThat(check(id).metadata().granularity()).isEqualTo(Granularity.RESOURCE));
    }

    @Test
    void thePolicyNamesExactlyTheActionsTheCollectorsCall() {
        List<Check> cloudTrailChecks = registry.all().stream().filter(c -> c.id().startsWith("cloudtrail-")).toList();
        assertThat(CheckRegistry.permissions(cloudTrailChecks)).containsExactly(
                "cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "cloudtrail:GetTrailStatus",
                "cloudtrail:ListTrails", "kms:DescribeKey", "logs:DescribeLogGroups",
                // the account-level Block Public Access, read for a trail bucket its own settings leave public
                "s3:GetAccountPublicAccessBlock", "s3:GetBucketAcl",
                "s3:GetBucketLocation", "s3:GetBucketLogging", "s3:GetBucketObjectLockConfiguration",
                "s3:GetBucketPolicyStatus", "s3:GetBucketPublicAccessBlock", "s3:GetBucketVersioning",
                "s3:GetLifecycleConfiguration", "s3:ListAllMyBuckets", "s3:ListBucket");
    }

    @Test
    void referencesNameTheFrameworksAndStratusTechniques() {
        assertThat(check("cloudtrail-logging-all-regions").metadata().references().stratusRedTeam())
                .containsExactly("aws.defense-evasion.cloudtrail-stop", "aws.defense-evasion.cloudtrail-delete");
        assertThat(check("cloudtrail-management-events").metadata().references().stratusRedTeam())
                .containsExactly("aws.defense-evasion.cloudtrail-event-selectors");
        assertThat(check("cloudtrail-bucket-retention").metadata().references().stratusRedTeam())
                .containsExactly("aws.defense-evasion.cloudtrail-lifecycle-rule");
        assertThat(check("cloudtrail-log-file-validation").metadata().references().securityHub())
                .containsExactly("CloudTrail.4");
        assertThat(check("cloudtrail-kms-encryption").metadata().references().cis())
                .containsExactly("CIS AWS Foundations v4.0.0 3.5", "CIS AWS Foundations v3.0.0 3.5");
        assertThat(check("cloudtrail-logging-all-regions").metadata().references().attack())
                .containsExactly("T1562.008", "T1078.004");
    }
}
