package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import org.junit.jupiter.api.Test;

/** {@code irready horizon}'s usage; its output against an account is proven on the simulator's demo account. */
class HorizonCommandTest {
    private static CliRun irready(String... args) {
        return CliRun.run(TestChecks.standard(), args);
    }

    @Test
    void helpSaysItIsNotAVerdict() {
        CliRun run = irready("horizon", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: irready horizon")
                .contains("--incident-age=DAYS", "Not a verdict: it writes no finding and never changes the score.")
                .doesNotContain("--endpoint-url");
    }

    @Test
    void unknownFormatsAndNegativeAgesAreUsageErrors() {
        CliRun format = irready("horizon", "--region", "eu-west-1", "--format", "xml");
        CliRun age = irready("horizon", "--region", "eu-west-1", "--incident-age", "-1");

        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("irready: --format must be text or json, not 'xml'");
        assertThat(age.exitCode()).isEqualTo(2);
        assertThat(age.err()).contains("irready: --incident-age must be zero or more days");
    }
}
