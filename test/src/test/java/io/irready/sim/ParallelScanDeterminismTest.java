package io.irready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.cli.Cli;
import io.irready.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks and regions are evaluated concurrently, and AWS answers in whatever order it likes: the report
 * must not show it. The demo account is scanned in two regions three times, each time with other random
 * latencies on every call, and every table report is the same, byte for byte (the json reports too, but
 * for the instants the reads started at).
 */
class ParallelScanDeterminismTest {
    private static final String[] REGIONS = {"--region", AccountGenerator.DEMO_REGION + ",us-east-1"};

    @Test
    void sameReportBytesOverRepeatedRunsWithRandomizedLatencies() throws IOException {
        List<String> tables = new ArrayList<>();
        List<String> jsons = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            try (AwsSimulator sim = new AwsSimulator(AccountGenerator.demo())) {
                sim.randomLatency(Duration.ofMillis(25), seed);
                tables.add(scan(sim, "--format", "table"));
                if (seed <= 2) { // observedAt is when the reads started, a real instant: all else must be identical
                    jsons.add(scan(sim, "--format", "json")
                            .replaceAll("\"observedAt\": \"[^\"]*\"", "\"observedAt\": \"…\""));
                }
            }
        }

        assertThat(tables.getFirst()).contains("FAIL", "PASS", "in scope in us-east-1");
        assertThat(tables).allSatisfy(table -> assertThat(table).isEqualTo(tables.getFirst()));
        assertThat(jsons).allSatisfy(json -> assertThat(json).isEqualTo(jsons.getFirst()));
    }

    private static String scan(AwsSimulator sim, String... format) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), Catalog.registry(),
                Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC));
        List<String> args = new ArrayList<>(List.of("scan", "--endpoint-url", sim.endpoint().toString()));
        args.addAll(List.of(REGIONS));
        args.addAll(List.of(format));
        int exit = new Main(cli).execute(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isEqualTo(1);
        return out.toString();
    }
}
