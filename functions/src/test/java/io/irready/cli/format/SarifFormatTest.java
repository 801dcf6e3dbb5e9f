package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.core.Status;
import org.junit.jupiter.api.Test;

class SarifFormatTest {
    private final JsonNode sarif = Json.read(Reports.write(new SarifFormat(), Reports.mixed()));
    private final JsonNode run = sarif.get("runs").get(0);

    @Test
    void isSarif210WithTheToolAndOneRulePerCheck() {
        assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("irready");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");

        JsonNode rules = driver.get("rules");
        assertThat(rules.findValuesAsText("id")).containsExactly("test-log-groups-present", "test-log-group-retention");
        JsonNode rule = rules.get(0);
        assertThat(rule.get("shortDescription").get("text").asText()).isEqualTo("Test check test-log-groups-present");
        assertThat(rule.get("fullDescription").get("text").asText()).isEqualTo("Exists to test the engine.");
        assertThat(rule.get("help").get("text").asText()).isEqualTo("Open the console.\n\nCLI: aws logs help");
        assertThat(rule.get("help").get("markdown").asText()).contains("```sh\naws logs help\n```");
        assertThat(rule.get("defaultConfiguration").get("level").asText()).isEqualTo("error");
        assertThat(rule.get("properties").get("security-severity").asText()).isEqualTo("8.0");
        assertThat(rules.get(1).get("properties").get("security-severity").asText()).isEqualTo("5.5");
        assertThat(rules.get(1).get("defaultConfiguration").get("level").asText()).isEqualTo("warning");
    }

    @Test
    void onlyFailAndErrorBecomeResultsNamingTheResourceAsALogicalLocation() {
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2);

        JsonNode fail = results.get(0);
        assertThat(fail.get("ruleId").asText()).isEqualTo("test-log-group-retention");
        assertThat(fail.get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(fail.get("level").asText()).isEqualTo("warning");
        assertThat(fail.get("message").get("text").asText()).startsWith("Log group short keeps events");
        JsonNode location = fail.get("locations").get(0).get("logicalLocations").get(0);
        assertThat(location.get("fullyQualifiedName").asText())
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(location.get("kind").asText()).isEqualTo("resource");
        assertThat(fail.get("partialFingerprints").get("irreadyFindingKey/v1").asText()).isEqualTo(
                "123456789012|eu-west-1|test-log-group-retention|arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(fail.get("properties").get("status").asText()).isEqualTo("FAIL");

        JsonNode error = results.get(1);
        assertThat(error.get("ruleId").asText()).isEqualTo("test-log-groups-present");
        assertThat(error.get("level").asText()).isEqualTo("warning");
        assertThat(error.get("properties").get("status").asText()).isEqualTo("ERROR");
        assertThat(error.get("message").get("text").asText()).startsWith("Could not evaluate");
    }

    @Test
    void levelsFollowSeverity() {
        assertThat(SarifFormat.level(io.irready.core.Severity.CRITICAL)).isEqualTo("error");
        assertThat(SarifFormat.level(io.irready.core.Severity.HIGH)).isEqualTo("error");
        assertThat(SarifFormat.level(io.irready.core.Severity.MEDIUM)).isEqualTo("warning");
        assertThat(SarifFormat.level(io.irready.core.Severity.LOW)).isEqualTo("note");
        assertThat(SarifFormat.securitySeverity(io.irready.core.Severity.CRITICAL)).isEqualTo("9.5");
    }

    @Test
    void aCleanScanHasRulesButNoResults() {
        JsonNode clean = Json.read(Reports.write(new SarifFormat(), Reports.report(Reports.finding(Reports.PRESENT,
                "123456789012/eu-west-1", Status.PASS, "ok"))));
        assertThat(clean.get("runs").get(0).get("results")).isEmpty();
        assertThat(clean.get("runs").get(0).get("tool").get("driver").get("rules")).hasSize(2);
    }
}
