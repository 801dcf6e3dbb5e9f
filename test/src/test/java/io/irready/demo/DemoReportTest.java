package io.irready.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.cli.Cli;
import io.irready.cli.Main;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code irready scan --format html} of the demo account against the simulator, as a person opens it: the page
 * lands in {@code target/demo-report/report.html} and, where Chromium is installed, its screenshot beside it.
 * The README's {@code docs/report.png} is that screenshot (see "HTML report" in the README to refresh it).
 */
class DemoReportTest {
    private static final Path DIR = Path.of("target", "demo-report");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theDemoAccountsReportNamesItsFailuresAndHowToFixThem() throws Exception {
        SimulatedAccount account = AccountGenerator.demo();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AwsSimulator sim = new AwsSimulator(account)) {
            Cli cli = new Cli(new PrintWriter(out), new PrintWriter(err), Map.of(), Catalog.registry(),
                    Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC));
            exit = new Main(cli).execute("scan", "--region", AccountGenerator.DEMO_REGION,
                    "--endpoint-url", sim.endpoint().toString(), "--format", "html");
        }

        String html = out.toString();
        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("Scan of account " + AccountGenerator.DEMO_ACCOUNT + " in " + AccountGenerator.DEMO_REGION)
                .contains("<article class=\"check\" id=\"fix-", "Why it matters:", "Fix with the AWS CLI:");
        Files.createDirectories(DIR);
        Path page = DIR.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        if (Files.isExecutable(CHROMIUM)) {
            screenshot(page, DIR.resolve("report.png"));
            assertThat(DIR.resolve("report.png")).isNotEmptyFile();
        }
    }

    /** Same flags as the functions module's browser tests: offline, a throw-away profile. */
    private static void screenshot(Path page, Path png) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("irready-chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--hide-scrollbars",
                "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2000", page.toAbsolutePath().toUri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
