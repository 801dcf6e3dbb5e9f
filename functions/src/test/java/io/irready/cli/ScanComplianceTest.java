package io.irready.cli;

import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.cli.format.Json;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.CheckRegistry;
import io.irready.testing.AwsWire;
import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code irready scan --compliance cis|attack}: the report grouped by control, over a WireMock account. */
class ScanComplianceTest {
    private final AwsWire aws = new AwsWire();

    /** Retention fails (7 days), presence passes, the broken check errors; each mapped differently. */
    private final CheckRegistry registry = TestChecks.registry(
            new Mapped(new TestChecks.LogGroupsPresent(), new References(List.of("CIS 3.9"), List.of(), List.of())),
            new Mapped(new TestChecks.LogGroupRetention(),
                    new References(List.of("CIS 3.10", "CIS 3.9"), List.of(), List.of(), List.of("T1070"))),
            new Mapped(new TestChecks.Broken(Granularity.ACCOUNT_REGION),
                    new References(List.of(), List.of(), List.of(), List.of("T1562.001"))));

    @BeforeEach
    void account() {
        CliRun.stubCallerIdentity(aws, AwsWire.ACCOUNT);
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(json("""
                {"logGroups":[{"logGroupName":"short","retentionInDays":7,
                  "arn":"arn:aws:logs:eu-west-1:123456789012:log-group:short:*"}]}""")));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private CliRun scan(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return CliRun.scan(aws, registry, all.toArray(String[]::new));
    }

    @Test
    void cisGroupsFindingsUnderEachControlInNumericOrderWithTheUnmappedLast() {
        CliRun run = scan("--compliance", "cis");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                irready scan of account 123456789012 in eu-west-1 at 2026-11-27T05:00:00Z
                Grouped by CIS AWS Foundations Benchmark control.
                A control FAILs when any of its findings fails (then ERROR, PASS, N/A).

                CIS 3.9                                                                     FAIL
                  checks: test-log-groups-present, test-log-group-retention

                  FAIL   MEDIUM    test-log-group-retention
                         arn:aws:logs:eu-west-1:123456789012:log-group:short
                         Log group short keeps events for only 7 days; set its retention to at
                         least 365 days.

                  PASS   HIGH      test-log-groups-present
                         123456789012/eu-west-1
                         1 log groups exist in eu-west-1.

                CIS 3.10                                                                    FAIL
                  checks: test-log-group-retention

                  FAIL   MEDIUM    test-log-group-retention
                         arn:aws:logs:eu-west-1:123456789012:log-group:short
                         Log group short keeps events for only 7 days; set its retention to at
                         least 365 days.

                unmapped (checks mapped to no CIS AWS Foundations Benchmark control)       ERROR
                  checks: test-broken

                """ + "  " + brokenBlock() + """
                2 controls: 2 FAIL, 0 ERROR, 0 N/A, 0 PASS
                3 findings: 1 FAIL, 1 ERROR, 0 N/A (not applicable), 1 PASS
                """);
    }

    /** The broken check's ERROR block as the plain table prints it, so this test does not restate its reason. */
    private String brokenBlock() {
        String table = scan("--checks", TestChecks.BROKEN).out();
        int start = table.indexOf("ERROR  CRITICAL  test-broken");
        String block = table.substring(start, table.indexOf("\n\n", start) + 2);
        return block.replace("\n       ", "\n         ");
    }

    @Test
    void attackGroupsByTechniqueAndAControlWithOnlyAnErrorIsError() {
        CliRun run = scan("--compliance", "ATTACK");

        assertThat(run.out())
                .contains("Grouped by MITRE ATT&CK technique.")
                .contains("\nT1070 ").contains("\nT1562.001 ")
                .contains("unmapped (checks mapped to no MITRE ATT&CK technique)")
                .contains("2 techniques: 1 FAIL, 1 ERROR, 0 N/A, 0 PASS");
        assertThat(run.out().indexOf("\nT1070 ")).isLessThan(run.out().indexOf("\nT1562.001 "));
        assertThat(run.out().substring(run.out().indexOf("\nT1562.001 ") + 1).lines().findFirst().orElseThrow())
                .endsWith(" ERROR");
        assertThat(run.out().substring(run.out().indexOf("unmapped")))
                .contains("checks: test-log-groups-present").doesNotContain("test-log-group-retention\n");
    }

    @Test
    void jsonCarriesTheGroupingWithStatusChecksAndFindings() {
        JsonNode report = Json.read(scan("--compliance", "cis", "--format", "json").out());

        assertThat(report.get("framework").asText()).isEqualTo("cis");
        JsonNode controls = report.get("controls");
        assertThat(controls).hasSize(2);
        JsonNode first = controls.get(0);
        assertThat(first.get("control").asText()).isEqualTo("CIS 3.9");
        assertThat(first.get("status").asText()).isEqualTo("FAIL");
        assertThat(first.get("checks")).extracting(JsonNode::asText)
                .containsExactly(TestChecks.PRESENT, TestChecks.RETENTION);
        assertThat(first.get("findings")).extracting(f -> f.get("status").asText()).containsExactly("FAIL", "PASS");
        assertThat(first.get("findings").get(0).get("resourceId").asText())
                .isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(controls.get(1).get("control").asText()).isEqualTo("CIS 3.10");
        JsonNode unmapped = report.get("unmapped");
        assertThat(unmapped.get("status").asText()).isEqualTo("ERROR");
        assertThat(unmapped.get("checks")).extracting(JsonNode::asText).containsExactly(TestChecks.BROKEN);
        assertThat(unmapped.get("findings")).hasSize(1);
    }

    @Test
    void aControlWhoseChecksFoundNothingToJudgeIsNotApplicableAndPassesWhenAllPass() {
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(json("""
                {"logGroups":[{"logGroupName":"forever","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:forever:*"}]}""")));

        JsonNode report = Json.read(scan("--compliance", "cis", "--format", "json", "--disable", TestChecks.BROKEN).out());

        assertThat(report.get("controls")).extracting(c -> c.get("status").asText()).containsExactly("PASS", "PASS");
        assertThat(report.get("unmapped").get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(report.get("unmapped").get("checks")).isEmpty();
    }

    @Test
    void complianceWithAFormatThatCannotGroupIsAUsageError() {
        CliRun run = scan("--compliance", "cis", "--format", "sarif");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--compliance groups the table or json report; sarif has no place for controls");
        assertThat(scan("--compliance", "pci").exitCode()).isEqualTo(2);
    }

    /** A test check with other framework mappings: what the grouping reads is the metadata's references. */
    private record Mapped(Check check, References references) implements Check {
        @Override
        public CheckMetadata metadata() {
            CheckMetadata m = check.metadata();
            return new CheckMetadata(m.id(), m.title(), m.severity(), m.service(), m.resourceType(), m.granularity(),
                    m.rationale(), m.remediation(), m.permissions(), references);
        }

        @Override
        public List<Finding> evaluate(CheckContext ctx) {
            return check.evaluate(ctx);
        }
    }
}
