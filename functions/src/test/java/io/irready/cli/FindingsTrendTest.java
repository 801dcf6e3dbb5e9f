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

/** {@code irready findings --trend} over score points two sweeps stored in dynalite. */
class FindingsTrendTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static String table;

    private final StringWriter out = new StringWriter();

    @BeforeAll
    static void twoSweeps() {
        table = DYNALITE.newTable();
        sweep(T0, Status.FAIL);
        sweep(T0.plusSeconds(3600), Status.PASS);
    }

    private static void sweep(Instant at, Status logging) {
        FindingStore store = new FindingStore(DYNALITE.client(), table, Config.defaults(), Clock.fixed(at, ZoneOffset.UTC));
        store.record(new Evaluation(ACCOUNT, REGION, at, Scope.REGION, List.of(), List.of(
                new Finding("cloudtrail-logging-all-regions", Severity.CRITICAL, ACCOUNT, REGION, ACCOUNT + "/" + REGION,
                        logging, "trail", at),
                new Finding("guardduty-enabled", Severity.MEDIUM, ACCOUNT, REGION, ACCOUNT + "/" + REGION,
                        Status.PASS, "detector", at))), Optional.empty());
        new ScoreHistory(DYNALITE.client(), table, Config.defaults(), Clock.fixed(at, ZoneOffset.UTC))
                .recordScore(ACCOUNT, REGION);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--table-name";
        all[1] = table;
        all[2] = "--endpoint-url";
        all[3] = DYNALITE.endpoint().toString();
        all[4] = "--trend";
        System.arraycopy(args, 0, all, 5, args.length);
        return new CommandLine(new FindingsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute(all);
    }

    @Test
    void printsTheScoreSeriesWithTheChange() {
        assertThat(run()).isZero();
        assertThat(out.toString().lines().toList()).containsExactly(
                "ACCOUNT/REGION                AT                     SCORE  CHANGE   PASS   FAIL  ERROR    N/A",
                "123456789012/eu-west-1        2026-11-27T10:00:00Z    23.1              1      1      0      0",
                "123456789012/eu-west-1        2026-11-27T11:00:00Z   100.0   +76.9      2      0      0      0");
    }

    @Test
    void asJson() {
        assertThat(run("--format", "json")).isZero();
        assertThat(out.toString()).contains("\"score\" : 23.1", "\"score\" : 100.0", "\"at\" : \"2026-11-27T11:00:00Z\"");
    }
}
