package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.FindingStore;
import io.irready.store.ScoreHistory;
import io.irready.testing.Dynalite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code irready findings --format html}: the stored findings and the score trend of two sweeps as one page. */
class FindingsHtmlTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static String table;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void twoSweeps() {
        table = DYNALITE.newTable();
        sweep(T0, Status.PASS);
        sweep(T0.plusSeconds(3600), Status.FAIL);
    }

    private static void sweep(Instant at, Status logging) {
        FindingStore store = new FindingStore(DYNALITE.client(), table, Config.defaults(), Clock.fixed(at, ZoneOffset.UTC));
        store.record(new Evaluation(ACCOUNT, REGION, at, Scope.REGION, List.of(), List.of(
                new Finding("cloudtrail-logging-all-regions", Severity.CRITICAL, ACCOUNT, REGION, ACCOUNT + "/" + REGION,
                        logging, "No multi-region trail is logging <stopped>.", at),
                new Finding("guardduty-enabled", Severity.MEDIUM, ACCOUNT, REGION, ACCOUNT + "/" + REGION,
                        Status.PASS, "detector", at))), Optional.empty());
        new ScoreHistory(DYNALITE.client(), table, Config.defaults(), Clock.fixed(at, ZoneOffset.UTC))
                .recordScore(ACCOUNT, REGION);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--table-name";
        all[1] = table;
        all[2] = "--endpoint-url";
        all[3] = DYNALITE.endpoint().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return new CommandLine(new FindingsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all);
    }

    @Test
    void aPageWithTheCurrentScoreTheTrendAndTheFixOfTheFailingCheck() {
        assertThat(run("--format", "html")).isZero();

        String html = out.toString();
        // CRITICAL FAIL (10) against MEDIUM PASS (3)
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<span class=\"value\">23.1</span>",
                "Findings stored in table " + table)
                .contains("<section id=\"trend\">", "<figcaption>123456789012/eu-west-1</figcaption>",
                        "<title>2026-11-27 10:00 UTC: 100.0/100", "<title>2026-11-27 11:00 UTC: 23.1/100")
                .contains("id=\"fix-cloudtrail-logging-all-regions\"", "Why it matters:", "aws cloudtrail ")
                .contains("No multi-region trail is logging &lt;stopped&gt;.", "<th>Since</th>",
                        "<td>2026-11-27T11:00:00Z</td><td>sweep</td>");
    }

    @Test
    void theFiltersApplyBeforeThePageIsWritten() {
        assertThat(run("--format", "html", "--status", "FAIL")).isZero();

        assertThat(out.toString()).contains("data-status=\"FAIL\"").doesNotContain("data-status=\"PASS\"");
    }

    @Test
    void theTrendOptionIsPartOfThePage() {
        assertThat(run("--format", "html", "--trend")).isEqualTo(1);
        assertThat(err.toString()).contains("--format html includes the trend");
    }
}
