package io.irready.cli;

import io.irready.cli.format.Json;
import io.irready.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code irready policy}: the least-privilege IAM policy for a scan, generated from the registry. */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print the least-privilege IAM policy for a scan.", "",
            "The IAM policy (JSON) 'irready scan' needs for the selected checks: the union of their read-only "
                    + "actions plus sts:GetCallerIdentity and ec2:DescribeRegions.", ""})
public final class PolicyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checks", split = ",", paramLabel = "ID", description = "Only these checks (ids or globs such as 'cloudtrail-*'). Default: all.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--disable", split = ",", paramLabel = "ID", description = "Leave these checks out (ids or globs).")
    List<String> disable = new ArrayList<>();

    private final Cli cli;

    public PolicyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<Check> selected;
        try {
            selected = CheckSelection.select(cli.registry(), checks, disable, Set.copyOf(disable));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        cli.out().println(Json.write(LeastPrivilegePolicy.document(selected)));
        cli.out().flush();
        return 0;
    }
}
