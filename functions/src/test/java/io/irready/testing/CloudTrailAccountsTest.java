package io.irready.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fixture accounts other end-to-end tests scan, evaluated with every check over the real SDK. */
class CloudTrailAccountsTest {
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private List<Finding> scan() {
        // the accounts stub CloudTrail, S3, KMS and Logs only: the catalog's other checks are not theirs to judge
        CheckRegistry cloudTrail = new CheckRegistry(Catalog.all().stream()
                .filter(c -> c.id().startsWith("cloudtrail-")).toList());
        return new Evaluator(cloudTrail, Config.defaults(), Clock.systemUTC())
                .evaluateAll(Catalog.inventories(aws.clients()).create(CloudTrailAccounts.ACCOUNT,
                        CloudTrailAccounts.REGION)).findings()
                .stream().filter(f -> f.checkId().startsWith("cloudtrail-")).toList(); // the fixtures stub CloudTrail only
    }

    private static Map<String, Status> byCheck(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::checkId, Finding::status));
    }

    @Test
    void healthyAccountPassesEveryCloudTrailCheck() {
        CloudTrailAccounts.healthy(aws);
        List<Finding> findings = scan();
        assertThat(findings).as(findings.toString()).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
        assertThat(byCheck(findings)).containsOnlyKeys("cloudtrail-logging-all-regions",
                "cloudtrail-management-events", "cloudtrail-log-file-validation", "cloudtrail-cloudwatch-delivery",
                "cloudtrail-kms-encryption", "cloudtrail-bucket-retention", "cloudtrail-bucket-integrity");
        assertThat(findings).extracting(Finding::resourceId).containsExactlyInAnyOrder(
                "123456789012/eu-west-1", "123456789012/eu-west-1", CloudTrailAccounts.TRAIL_ARN,
                "123456789012/eu-west-1", CloudTrailAccounts.TRAIL_ARN, CloudTrailAccounts.BUCKET_ARN,
                CloudTrailAccounts.BUCKET_ARN);
    }

    @Test
    void accessDeniedOnDescribeLogGroupsIsAnErrorNamingItNeverAPass() {
        CloudTrailAccounts.healthy(aws);
        aws.stub(AwsWire.jsonCall("Logs_20140328.DescribeLogGroups").willReturn(AwsWire.jsonError(400,
                "AccessDeniedException", "not authorized to perform: logs:DescribeLogGroups")));
        List<Finding> findings = scan();
        assertThat(findings).filteredOn(f -> f.checkId().equals("cloudtrail-cloudwatch-delivery")).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(Status.ERROR);
                    assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to logs:DescribeLogGroups "
                            + "(AccessDeniedException): grant logs:DescribeLogGroups to irready's role: not authorized "
                            + "to perform: logs:DescribeLogGroups");
                });
        // the other checks do not need CloudWatch Logs and still pass
        assertThat(findings).filteredOn(f -> !f.checkId().equals("cloudtrail-cloudwatch-delivery"))
                .hasSize(6).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    @Test
    void stoppedTrailFailsLoggingAndNamesTheTrail() {
        CloudTrailAccounts.stopped(aws);
        List<Finding> findings = scan();
        Finding logging = findings.stream().filter(f -> f.checkId().equals("cloudtrail-logging-all-regions"))
                .findFirst().orElseThrow();
        assertThat(logging.status()).isEqualTo(Status.FAIL);
        assertThat(logging.reason()).startsWith("No multi-region trail is logging eu-west-1 without errors: "
                + "'management-trail' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail) is not "
                + "logging (stopped at ");
        assertThat(byCheck(findings)).containsEntry("cloudtrail-management-events", Status.FAIL)
                .containsEntry("cloudtrail-cloudwatch-delivery", Status.FAIL)
                .containsEntry("cloudtrail-log-file-validation", Status.PASS)
                .containsEntry("cloudtrail-kms-encryption", Status.PASS)
                .containsEntry("cloudtrail-bucket-retention", Status.PASS);
    }

    @Test
    void oneDayLifecycleAndKeyPendingDeletionFailTheirChecks() {
        CloudTrailAccounts.lifecycleAndKeyPendingDeletion(aws);
        List<Finding> findings = scan();
        assertThat(byCheck(findings)).containsEntry("cloudtrail-bucket-retention", Status.FAIL)
                .containsEntry("cloudtrail-kms-encryption", Status.FAIL)
                .containsEntry("cloudtrail-logging-all-regions", Status.PASS);
        assertThat(findings).filteredOn(f -> f.checkId().equals("cloudtrail-bucket-retention")).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("has lifecycle rule 'nuke' that expires objects under "
                        + "AWSLogs/ after 1 day, sooner than the 365-day retention"));
        assertThat(findings).filteredOn(f -> f.checkId().equals("cloudtrail-kms-encryption")).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("encrypts with KMS key " + CloudTrailAccounts.KEY_ARN
                        + ", which is pending deletion on "));
    }
}
