package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.checks.Catalog;
import io.irready.cli.format.Json;
import io.irready.testing.AwsWire;
import io.irready.testing.CliRun;
import io.irready.testing.CloudTrailAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code irready scan} with the shipped CloudTrail checks against whole WireMock accounts (the acceptance scenarios). */
class ScanCloudTrailAccountsTest {
    private static final String TRAIL = CloudTrailAccounts.TRAIL_ARN;
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    /** The CloudTrail checks of the shipped catalog (the fixture accounts stub only what they read). */
    private CliRun scan(String... args) {
        List<String> all = new ArrayList<>(List.of("--checks", "cloudtrail-*"));
        all.addAll(List.of(args));
        return CliRun.scan(aws, Catalog.registry(), all.toArray(String[]::new));
    }

    /** checkId → status, from the JSON output. */
    private static Map<String, String> statuses(CliRun run) {
        Map<String, String> byCheck = new TreeMap<>();
        Json.read(run.out()).forEach(f -> byCheck.put(f.get("checkId").asText(), f.get("status").asText()));
        return byCheck;
    }

    private static JsonNode finding(CliRun run, String checkId) {
        List<JsonNode> matching = new ArrayList<>();
        Json.read(run.out()).forEach(f -> {
            if (f.get("checkId").asText().equals(checkId)) {
                matching.add(f);
            }
        });
        assertThat(matching).as(checkId).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aHealthyAccountPassesEveryCheckAndExitsZero() {
        CloudTrailAccounts.healthy(aws);

        CliRun run = scan("--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(statuses(run)).containsOnlyKeys("cloudtrail-logging-all-regions", "cloudtrail-management-events",
                "cloudtrail-log-file-validation", "cloudtrail-cloudwatch-delivery", "cloudtrail-kms-encryption",
                "cloudtrail-bucket-retention", "cloudtrail-bucket-integrity")
                .allSatisfy((id, status) -> assertThat(status).as(id).isEqualTo("PASS"));
        assertThat(finding(run, "cloudtrail-logging-all-regions").get("resourceId").asText())
                .isEqualTo("123456789012/eu-west-1");
        assertThat(finding(run, "cloudtrail-bucket-retention").get("resourceId").asText())
                .isEqualTo(CloudTrailAccounts.BUCKET_ARN);
        assertThat(run.err()).startsWith("irready: scanning account 123456789012 in eu-west-1 with 7 checks");
    }

    @Test
    void anAccountWhoseOnlyMultiRegionTrailIsStoppedFailsLoggingNamingTheTrail() {
        CloudTrailAccounts.stopped(aws);

        CliRun run = scan("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode logging = finding(run, "cloudtrail-logging-all-regions");
        assertThat(logging.get("status").asText()).isEqualTo("FAIL");
        assertThat(logging.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(logging.get("reason").asText()).startsWith("No multi-region trail is logging eu-west-1 without "
                + "errors: 'management-trail' (" + TRAIL + ") is not logging (stopped at ");
        assertThat(statuses(run)).containsEntry("cloudtrail-log-file-validation", "PASS")
                .containsEntry("cloudtrail-kms-encryption", "PASS")
                .containsEntry("cloudtrail-bucket-retention", "PASS");
        // a stopped trail is CRITICAL: even the strictest threshold fails the run
        assertThat(scan("--fail-on", "CRITICAL").exitCode()).isEqualTo(1);
    }

    @Test
    void aOneDayLifecycleAndAKeyPendingDeletionFailTheirChecks() {
        CloudTrailAccounts.lifecycleAndKeyPendingDeletion(aws);

        CliRun run = scan("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode retention = finding(run, "cloudtrail-bucket-retention");
        assertThat(retention.get("status").asText()).isEqualTo("FAIL");
        assertThat(retention.get("resourceId").asText()).isEqualTo(CloudTrailAccounts.BUCKET_ARN);
        assertThat(retention.get("reason").asText()).contains("has lifecycle rule 'nuke' that expires objects under "
                + "AWSLogs/ after 1 day, sooner than the 365-day retention");
        JsonNode kms = finding(run, "cloudtrail-kms-encryption");
        assertThat(kms.get("status").asText()).isEqualTo("FAIL");
        assertThat(kms.get("resourceId").asText()).isEqualTo(TRAIL);
        assertThat(kms.get("reason").asText()).contains("encrypts with KMS key " + CloudTrailAccounts.KEY_ARN
                + ", which is pending deletion on ");
        assertThat(statuses(run)).containsEntry("cloudtrail-logging-all-regions", "PASS");

        // the bucket FAIL is HIGH, the key FAIL MEDIUM: above CRITICAL nothing fails
        assertThat(scan("--fail-on", "HIGH").exitCode()).isEqualTo(1);
        assertThat(scan("--fail-on", "CRITICAL").exitCode()).isZero();
        // a shorter threshold passes the 1-day rule only if it is 1 day
        assertThat(statuses(scan("--format", "json", "--retention-days", "1")))
                .containsEntry("cloudtrail-bucket-retention", "PASS");
    }

    @Test
    void sarifOfAFailingAccountCarriesTheCatalogAsRulesAndTheFailuresAsResults() {
        CloudTrailAccounts.lifecycleAndKeyPendingDeletion(aws);

        JsonNode sarif = Json.read(scan("--format", "sarif").out());

        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules")).hasSize(7);
        assertThat(run.get("results").findValuesAsText("ruleId"))
                .containsExactly("cloudtrail-bucket-retention", "cloudtrail-kms-encryption");
        assertThat(run.get("results").get(0).get("level").asText()).isEqualTo("error");
        assertThat(run.get("results").get(1).get("level").asText()).isEqualTo("warning");
        assertThat(run.get("results").get(0).findValue("fullyQualifiedName").asText())
                .isEqualTo(CloudTrailAccounts.BUCKET_ARN);
    }

    @Test
    void theTableReadsInEightyColumns() {
        CloudTrailAccounts.stopped(aws);

        CliRun run = scan();

        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(run.out()).contains("FAIL   CRITICAL  cloudtrail-logging-all-regions\n       123456789012/eu-west-1\n");
    }
}
