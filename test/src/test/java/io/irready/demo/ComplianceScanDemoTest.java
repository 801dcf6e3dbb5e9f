package io.irready.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code irready scan --compliance} with the shipped catalog against the simulator's demo account:
 * the run the README shows. {@code -Dirready.printCompliance=true} prints the report to paste there.
 */
class ComplianceScanDemoTest {
    private static String scan(String... options) throws Exception {
        DemoAccountCli.Run run = DemoAccountCli.run("scan", "irready.printCompliance", options);
        return run.out();
    }

    @Test
    void cisGroupsTheDemoAccountsFindingsByControl() throws Exception {
        String report = scan("--compliance", "cis", "--checks", "cloudtrail-*,config-*,vpc-*");

        assertThat(report).contains("Grouped by CIS AWS Foundations Benchmark control.")
                .containsPattern("\nCIS AWS Foundations v4\\.0\\.0 3\\.1 +(PASS|FAIL)\n")
                .containsPattern("\nCIS AWS Foundations v4\\.0\\.0 3\\.7 +FAIL\n")
                .contains("  checks: cloudtrail-logging-all-regions, cloudtrail-management-events\n");
        assertThat(report.indexOf("v1.4.0 3.3")).isLessThan(report.indexOf("v3.0.0 3.1"));
        assertThat(report.indexOf("v3.0.0 3.7")).isLessThan(report.indexOf("v4.0.0 3.1"));
    }

    @Test
    void attackGroupsTheDemoAccountsFindingsByTechnique() throws Exception {
        String report = scan("--compliance", "attack", "--checks", "lambda-*,guardduty-*,ir-*");

        assertThat(report).contains("Grouped by MITRE ATT&CK technique.")
                .containsPattern("\nT1562\\.001 +PASS\n  checks: guardduty-enabled\n")
                .containsPattern("\nT1562\\.008 +FAIL\n  checks: lambda-can-write-logs\n")
                .contains("unmapped (checks mapped to no MITRE ATT&CK technique)");
    }
}
