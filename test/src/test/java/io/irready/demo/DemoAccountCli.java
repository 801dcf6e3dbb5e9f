package io.irready.demo;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code ./irready} command against the simulator's demo account in its home region, at a fixed time: the
 * runs the README shows. With {@code -D<printProperty>=true} it prints the run as it would appear in a shell, to
 * paste into the README.
 */
final class DemoAccountCli {
    /** What the command printed and returned. */
    record Run(int code, String out, String err) {
    }

    private DemoAccountCli() {
    }

    static Run run(String command, String printProperty, String... options) throws Exception {
        try (AwsSimulator sim = new AwsSimulator(AccountGenerator.demo())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Cli cli = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), Catalog.registry(),
                    Clock.fixed(Instant.parse("2026-11-27T05:00:00Z"), ZoneOffset.UTC));
            List<String> args = new ArrayList<>(List.of(command, "--endpoint-url", sim.endpoint().toString(),
                    "--region", AccountGenerator.DEMO_REGION));
            args.addAll(List.of(options));
            int code = new Main(cli).execute(args.toArray(String[]::new));
            if (Boolean.getBoolean(printProperty)) {
                System.out.println("$ ./irready " + command + " " + String.join(" ", options) + "\n" + err + out
                        + "(exit " + code + ")");
            }
            return new Run(code, out.toString(), err.toString());
        }
    }
}
