package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.cli.format.Json;
import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import org.junit.jupiter.api.Test;

class ChecksCommandTest {
    @Test
    void tableListsIdSeverityGranularityAndTitle() {
        CliRun run = CliRun.run(TestChecks.standard(), "checks");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                ID                        SEVERITY  ONE FINDING PER
                test-log-groups-present   HIGH      account+region
                    Test check test-log-groups-present
                test-log-group-retention  MEDIUM    resource
                    Test check test-log-group-retention

                2 checks. Details: irready checks --format md (docs/CHECKS.md).
                """);
    }

    @Test
    void jsonCarriesTheWholeMetadata() {
        JsonNode checks = Json.read(CliRun.run(TestChecks.standard(), "checks", "--format", "json").out());

        assertThat(checks).hasSize(2);
        JsonNode present = checks.get(0);
        assertThat(present.get("id").asText()).isEqualTo(TestChecks.PRESENT);
        assertThat(present.get("severity").asText()).isEqualTo("HIGH");
        assertThat(present.get("granularity").asText()).isEqualTo("ACCOUNT_REGION");
        assertThat(present.get("resourceType").asText()).isEqualTo("AWS::Logs::LogGroup");
        assertThat(present.get("remediation").get("cli").asText()).isEqualTo("aws logs help");
        assertThat(present.get("permissions").get(1).asText()).isEqualTo("logs:DescribeLogStreams");
        assertThat(present.get("references").get("stratusRedTeam").get(0).asText()).isEqualTo("aws.test.technique");
        assertThat(present.get("references").get("attack").get(0).asText()).isEqualTo("T1562.008");
        assertThat(present.get("references").get("cis").get(0).asText()).isEqualTo("9.9");
    }

    @Test
    void markdownHasTheSummaryTableAndASectionPerCheck() {
        String md = CliRun.run(TestChecks.standard(), "checks", "--format", "MD").out();

        assertThat(md).startsWith("# irready checks\n")
                .contains("| [`test-log-groups-present`](#test-log-groups-present) | HIGH | account+region | "
                        + "Test check test-log-groups-present |")
                .contains("\n## test-log-group-retention\n")
                .contains("- **IAM permissions:** `logs:DescribeLogGroups`, `logs:DescribeLogStreams`")
                .contains("- **CIS:** 9.9\n- **Security Hub controls:** Test.1\n"
                        + "- **Stratus Red Team techniques:** `aws.test.technique`\n"
                        + "- **MITRE ATT&CK techniques:** [T1562.008](https://attack.mitre.org/techniques/T1562/008/)\n")
                .contains("**Remediation (CLI).**\n\n```sh\naws logs help\n```\n");
    }

    @Test
    void anEmptyCatalogSaysSo() {
        assertThat(CliRun.run(TestChecks.registry(), "checks").out()).isEqualTo("No checks are registered in this build.\n");
    }
}
