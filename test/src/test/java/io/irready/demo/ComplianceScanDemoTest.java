package io.irready.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.cli.Cli;
import io.irready.cli.Main;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code irready scan --compliance} with the shipped catalog against the simulator's demo account:
 * the run the README shows. {@code -Dirready.printCompliance=true} prints the report to paste there.
 */
class ComplianceScanDemoTest {
    private static String scan(String... options) throws Exception {
        try (AwsSimulator sim = new AwsSimulator(AccountGenerator.demo())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), Catalog.registry(),
                    Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC));
            String[] args = new String[options.length + 5];
            args[0] = "scan";
            args[1] = "--endpoint-url";
            args[2] = sim.endpoint().toString();
            args[3] = "--region";
            args[4] = AccountGenerator.DEMO_REGION;
            System.arraycopy(options, 0, args, 5, options.length);
            int code = new Main(cli).execute(args);
            if (Boolean.getBoolean("irready.printCompliance")) {
                System.out.println("$ ./irready scan " + String.join(" ", options) + "\n" + err + out + "(exit " + code + ")");
            }
            return out.toString();
        }
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
