package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks every finding against the fields ASFF requires (Security Hub rejects a finding without one). */
class AsffFormatTest {
    /** The ASFF attributes BatchImportFindings requires on every finding. */
    private static final List<String> REQUIRED = List.of("SchemaVersion", "Id", "ProductArn", "GeneratorId",
            "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources");

    private final JsonNode findings = Json.read(Reports.write(new AsffFormat(), Reports.mixed())).get("Findings");

    @Test
    void everyFindingCarriesEveryRequiredAttribute() {
        assertThat(findings).hasSize(4);
        for (JsonNode f : findings) {
            for (String field : REQUIRED) {
                assertThat(f.hasNonNull(field)).as(field + " in " + f).isTrue();
            }
            assertThat(f.get("SchemaVersion").asText()).isEqualTo("2018-10-08");
            assertThat(f.get("ProductArn").asText())
                    .isEqualTo("arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default");
            assertThat(f.get("AwsAccountId").asText()).isEqualTo("123456789012");
            assertThat(f.get("Types").get(0).asText()).startsWith("Software and Configuration Checks/");
            assertThat(f.get("FindingProviderFields").get("Types")).isEqualTo(f.get("Types"));
            assertThat(f.get("FindingProviderFields").get("Severity").get("Label"))
                    .isEqualTo(f.get("Severity").get("Label"));
            assertThat(f.get("Id").asText().length()).isLessThanOrEqualTo(512);
            assertThat(f.get("Resources")).isNotEmpty();
            assertThat(f.get("Remediation").get("Recommendation").get("Text").asText())
                    .isEqualTo("Open the console. CLI: aws logs help");
            assertThat(f.get("ProductFields").get("irready/FindingKey").asText()).startsWith("123456789012|eu-west-1|");
        }
    }

    @Test
    void aFailIsAnActiveFailedFindingOnItsResource() {
        JsonNode fail = findings.get(0);
        assertThat(fail.get("GeneratorId").asText()).isEqualTo("test-log-group-retention");
        assertThat(fail.get("Compliance").get("Status").asText()).isEqualTo("FAILED");
        assertThat(fail.get("RecordState").asText()).isEqualTo("ACTIVE");
        assertThat(fail.get("Severity").get("Label").asText()).isEqualTo("MEDIUM");
        assertThat(fail.get("CreatedAt").asText()).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(fail.get("Description").asText()).startsWith("Log group short keeps events");
        JsonNode resource = fail.get("Resources").get(0);
        // ASFF has no log group type
        assertThat(resource.get("Type").asText()).isEqualTo("Other");
        assertThat(resource.get("Id").asText()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(resource.get("Partition").asText()).isEqualTo("aws");
        assertThat(resource.get("Region").asText()).isEqualTo("eu-west-1");
    }

    @Test
    void verdictsMapToComplianceStatusAndRecordState() {
        Map<String, String> byStatus = new java.util.LinkedHashMap<>();
        findings.forEach(f -> byStatus.put(f.get("ProductFields").get("irready/Status").asText(),
                f.get("Compliance").get("Status").asText() + "/" + f.get("RecordState").asText()));
        assertThat(byStatus).containsExactly(
                Map.entry("FAIL", "FAILED/ACTIVE"),
                Map.entry("ERROR", "WARNING/ACTIVE"),
                Map.entry("NOT_APPLICABLE", "NOT_AVAILABLE/ARCHIVED"),
                Map.entry("PASS", "PASSED/ARCHIVED"));
    }

    @Test
    void aRegionLevelFindingIsAboutTheAccount() {
        JsonNode error = findings.get(1);
        JsonNode resource = error.get("Resources").get(0);
        assertThat(resource.get("Type").asText()).isEqualTo("AwsAccount");
        assertThat(resource.get("Id").asText()).isEqualTo("AWS::::Account:123456789012");
    }

    @Test
    void theIdIsStablePerFindingAndDistinctAcrossFindings() {
        JsonNode again = Json.read(Reports.write(new AsffFormat(), Reports.mixed())).get("Findings");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            assertThat(again.get(i).get("Id")).isEqualTo(findings.get(i).get("Id"));
            ids.add(findings.get(i).get("Id").asText());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }
}
