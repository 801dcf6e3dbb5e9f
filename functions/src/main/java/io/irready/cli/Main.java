package io.irready.cli;

import io.irready.core.EnvironmentNames;
import io.irready.core.Severity;
import io.irready.core.Suppression;
import io.irready.cli.format.Text;
import io.irready.logging.JsonLoggerProvider;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code irready}: the command-line entry point (scan, checks, policy, …). */
@Command(name = "irready", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Incident-response readiness auditor for AWS: if we were breached right now, "
                + "would we have the evidence to investigate?",
        footer = {"", "The ./irready launcher also runs:",
            "  demo    the whole loop on a simulated AWS account (no AWS account needed)",
            "  bench   the benchmark suite (figures in docs/BENCHMARKS.md)"},
        subcommands = {CommandLine.HelpCommand.class, RouteCommand.class, FindingsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Cli cli;

    public Main(Cli cli) {
        this.cli = cli;
    }

    /** On the real streams, with the shipped catalog. */
    public Main() {
        this(Cli.system());
    }

    public static void main(String[] args) {
        SdkWarmUp.startFor(args);
        // the CLI reports problems as findings; library logging would only repeat them on stderr
        if (System.getProperty(JsonLoggerProvider.LEVEL_PROPERTY) == null) {
            System.setProperty(JsonLoggerProvider.LEVEL_PROPERTY,
                    System.getenv().getOrDefault(EnvironmentNames.IRREADY_LOG_LEVEL, "error"));
        }
        System.exit(run(args));
    }

    /** Runs the CLI on the real streams and returns its exit code. */
    public static int run(String... args) {
        return new Main(Cli.system()).execute(args);
    }

    /** Runs the CLI against {@code cli} and returns its exit code (tests call this; nothing exits). */
    public int execute(String... args) {
        try {
            return commandLine().execute(args);
        } finally {
            cli.out().flush();
            cli.err().flush();
        }
    }

    /**
     * The command tree: the annotation's subcommands (no-argument constructors), then those that
     * need the {@link Cli} context.
     */
    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(this);
        cmd.addSubcommand(new ScanCommand(cli));
        cmd.addSubcommand(new ChecksCommand(cli));
        cmd.addSubcommand(new PolicyCommand(cli));
        cmd.addSubcommand(new HorizonCommand(cli));
        // settings below apply to the subcommands added above
        cmd.setOut(cli.out());
        cmd.setErr(cli.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.registerConverter(Severity.class, text -> convert(() -> Severity.parse(text)));
        cmd.registerConverter(Suppression.class, text -> convert(() -> Suppression.parse(text)));
        cmd.setParameterExceptionHandler(Main::usageError);
        cmd.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("irready: internal error: " + Text.clean(String.valueOf(e)));
            return 3;
        });
        return cmd;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A usage error: the message and where to look, not a screen of usage text. Exit code 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("irready: " + Text.clean(e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static <T> T convert(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The version from the jar manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        static String current() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"irready " + current()};
        }
    }
}
