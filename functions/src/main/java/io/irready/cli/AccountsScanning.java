package io.irready.cli;

import io.irready.cli.format.ReportFormat;
import io.irready.cli.format.Text;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.Evaluator;
import io.irready.core.Severity;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsClients;
import io.irready.inventory.organizations.OrganizationMembers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The multi-account options of {@code irready scan} ({@code --accounts}, {@code --organization},
 * {@code --ou}, {@code --role-name}, {@code --parallel}): checks them, finds the accounts to scan
 * and runs an {@link AccountsScan} over them. Without these options the scan is unchanged.
 */
record AccountsScanning(Cli cli, CommandSpec spec, List<String> accounts, boolean organization, String ou,
                        String roleName, int parallel, ReportFormat.Kind format, Severity failOn) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}");
    static final int MAX_PARALLEL = 32;

    static void validate(CommandSpec spec, List<String> accounts, boolean organization, String ou, String roleName,
                         int parallel) {
        if (!accounts.isEmpty() && organization) {
            throw usage(spec, "--accounts and --organization cannot be combined");
        }
        if (ou != null && !organization) {
            throw usage(spec, "--ou needs --organization");
        }
        if (ou != null && !OU_ID.matcher(ou).matches()) {
            throw usage(spec, "'" + ou + "' is not an organizational unit id (ou-…) or root id (r-…)");
        }
        for (String account : accounts) {
            if (!ACCOUNT_ID.matcher(account).matches()) {
                throw usage(spec, "'" + account + "' is not an AWS account id (12 digits)");
            }
        }
        if (roleName != null && !roleName.matches("[\\w+=,.@-]{1,64}")) {
            throw usage(spec, "'" + roleName + "' is not an IAM role name");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw usage(spec, "--parallel must be between 1 and " + MAX_PARALLEL + ", got " + parallel);
        }
    }

    /** Scans the accounts; the exit code as for one account (1 FAIL, 3 ERROR or unreadable organization). */
    int run(AwsClients clients, String homeAccount, List<String> regions, List<Check> selected, Evaluator evaluator) {
        String home = regions.get(0);
        AuditRoles roles = new AuditRoles(clients, homeAccount, home,
                roleName != null ? roleName : AuditRoles.roleName(cli.env()), cli.clock());
        Map<String, String> names = new LinkedHashMap<>();
        if (organization) {
            try (OrganizationsClient organizations = clients.build(OrganizationsClient.builder(), home)) {
                OrganizationMembers.active(organizations, ou == null ? List.of() : List.of(ou))
                        .forEach(a -> names.put(a.id(), a.name()));
            } catch (AwsCallFailedException e) {
                cli.err().println("irready: could not list the organization's accounts: " + Text.clean(e.getMessage()));
                return 3;
            }
            if (names.isEmpty()) {
                cli.err().println("irready: could not evaluate: no ACTIVE account in "
                        + (ou == null ? "the organization" : ou));
                return 3;
            }
        }
        List<String> targets = organization ? List.copyOf(names.keySet())
                : List.copyOf(new LinkedHashSet<>(accounts));
        cli.err().println("irready: scanning " + targets.size() + " accounts in " + Text.clean(String.join(", ", regions))
                + " with " + selected.size() + " checks, " + Math.min(parallel, targets.size()) + " at a time, through role "
                + Text.clean(roles.roleName()));
        Instant startedAt = cli.clock().instant();
        AccountsScan scan = new AccountsScan(cli, roles, targets, names, regions, selected, evaluator, parallel,
                format, System.console() != null);
        AccountsScan.Scanned scanned;
        try {
            scanned = scan.evaluate();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cli.err().println("irready: interrupted");
            return 3;
        }
        scan.write(scanned, startedAt, Main.Version.current());
        int code = ScanCommand.exitCode(scanned.findings(), failOn);
        cli.err().println("irready: exit " + code + switch (code) {
            case 1 -> ": FAIL findings at or above " + failOn;
            case 3 -> ": some checks at or above " + failOn + " could not be evaluated (ERROR)";
            default -> ": no FAIL or ERROR at or above " + failOn;
        });
        return code;
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
