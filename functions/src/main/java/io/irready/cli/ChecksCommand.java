package io.irready.cli;

import io.irready.cli.format.CatalogFormat;
import io.irready.core.Check;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code irready checks}: the catalog, straight from the registry. */
@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"List the readiness checks.", "",
            "Id, severity, what one finding is about and what passes, for every check this build runs. "
                    + "'--format md' writes docs/CHECKS.md.", ""})
public final class ChecksCommand implements Callable<Integer> {
    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default), json or md (Markdown, as in docs/CHECKS.md).")
    CatalogFormat.Kind format;

    private final Cli cli;

    public ChecksCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CatalogFormat.of(format).write(cli.registry().all().stream().map(Check::metadata).toList(), cli.out());
        cli.out().flush();
        return 0;
    }
}
