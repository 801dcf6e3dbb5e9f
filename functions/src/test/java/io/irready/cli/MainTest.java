package io.irready.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private static CliRun irready(String... args) {
        return CliRun.run(TestChecks.standard(), args);
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("scan"), List.of("checks"),
                List.of("policy"), List.of("route"), List.of("findings"))) {
            String name = String.join(" ", command);
            CliRun help = irready(concat(command, "--help"));
            assertThat(help.exitCode()).as(name).isZero();
            assertThat(help.out()).as(name).startsWith("Usage: irready" + (name.isEmpty() ? "" : " " + name))
                    .contains("-h, --help", "-V, --version");
            assertThat(help.out().lines()).as(name).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));

            CliRun version = irready(concat(command, "--version"));
            assertThat(version.exitCode()).as(name).isZero();
            assertThat(version.out()).as(name).isEqualTo("irready dev\n");
        }
    }

    @Test
    void withoutACommandItPrintsTheCommands() {
        CliRun run = irready();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Commands:", "scan", "checks", "policy", "route", "findings", "help");
    }

    @Test
    void scanHelpDocumentsTheExitCodesAndHidesTheTestEndpoint() {
        String help = irready("scan", "--help").out();

        assertThat(help).contains("Exit codes:", "  0  clean", "  1  FAIL findings", "  2  usage error",
                "  3  could not evaluate", "--fail-on=SEVERITY", "--all-regions", "--format=FORMAT");
        assertThat(help).doesNotContain("--endpoint-url");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        CliRun command = irready("scann");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).contains("irready: Unmatched argument at index 0: 'scann'", "Did you mean",
                "scan", "Try 'irready --help' for usage.");

        CliRun option = irready("checks", "--colour");
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--colour'", "Try 'irready checks --help' for usage.");
        assertThat(option.out()).isEmpty();
    }

    @Test
    void helpCommandShowsSubcommandHelp() {
        CliRun run = irready("help", "policy");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: irready policy");
    }

    private static String[] concat(List<String> command, String option) {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of(option))
                .toArray(String[]::new);
    }
}
