package io.irready.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irready}: the command-line entry point (scan, checks, policy, …). */
@Command(name = "irready", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Incident-response readiness auditor for AWS: if we were breached right now, "
                + "would we have the evidence to investigate?",
        subcommands = {CommandLine.HelpCommand.class, RouteCommand.class, FindingsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"irready " + (v == null ? "dev" : v)};
        }
    }
}
