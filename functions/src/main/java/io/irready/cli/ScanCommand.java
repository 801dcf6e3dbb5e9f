package io.irready.cli;

import io.irready.checks.Catalog;
import io.irready.cli.format.Compliance;
import io.irready.cli.format.ComplianceJsonFormat;
import io.irready.cli.format.ComplianceTableFormat;
import io.irready.cli.format.NothingInScope;
import io.irready.cli.format.ReportFormat;
import io.irready.cli.format.ScanReport;
import io.irready.cli.format.Text;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.core.MuteList;
import io.irready.core.Suppression;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code irready scan}: a one-off readiness report for the account of the current credentials.
 * It wires the same inventory factory and evaluator the Lambda handlers use, over each region.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
            "Readiness report for the AWS account of the current credentials.",
            "",
            "Evaluates the readiness checks in each region and prints one finding per resource.",
            "Credentials and region come from the AWS SDK's default chains (environment, AWS_PROFILE, SSO, "
                    + "instance role). AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured, so it also "
                    + "runs against AWS-compatible emulators. Needs the permissions of 'irready policy'.",
            ""},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  clean: no FAIL or ERROR finding at or above --fail-on",
            "  1  FAIL findings at or above --fail-on",
            "  2  usage error (bad option, unknown check id, no region)",
            "  3  could not evaluate: ERROR at or above --fail-on (and no such FAIL),",
            "     or the account could not be identified (credentials, sts:GetCallerIdentity)"})
public final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "Region to scan; repeatable or comma-separated. Default: IRREADY_REGIONS, else the SDK's "
                    + "region chain (AWS_REGION, profile).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--all-regions",
            description = "Scan every region enabled for the account (from EC2 DescribeRegions).")
    boolean allRegions;

    @Option(names = "--checks", split = ",", paramLabel = "ID",
            description = "Only these checks: comma-separated ids or globs such as 'cloudtrail-*' "
                    + "(see 'irready checks'). Default: all.")
    List<String> checks = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default, 80 columns), json, csv, sarif (SARIF 2.1.0), html (a self-contained page: "
                    + "irready scan --format html > readiness.html), asff (AWS Security Finding Format, for Security "
                    + "Hub) or ocsf (OCSF 1.1 Compliance Finding events).")
    ReportFormat.Kind format;

    @Option(names = "--compliance", paramLabel = "FRAMEWORK",
            description = "Group the report by control: cis (CIS AWS Foundations Benchmark) or attack "
                    + "(MITRE ATT&CK techniques). A control FAILs when any of its findings fails; checks "
                    + "mapped to no control are listed under 'unmapped'. With table or json only.")
    Compliance.Framework compliance;

    @Option(names = "--fail-on", defaultValue = "LOW", paramLabel = "SEVERITY",
            description = "Lowest severity whose FAIL (exit 1) or ERROR (exit 3) findings fail the run: "
                    + "CRITICAL, HIGH, MEDIUM, LOW (default) or INFORMATIONAL.")
    Severity failOn;

    @Option(names = "--retention-days", paramLabel = "DAYS",
            description = "Minimum days forensic logs must be kept (default 365, or IRREADY_RETENTION_DAYS).")
    Integer retentionDays;

    @Option(names = "--disable", split = ",", paramLabel = "ID",
            description = "Switch these checks off (comma-separated ids or globs).")
    List<String> disable = new ArrayList<>();

    @Option(names = "--suppress", paramLabel = "ID:PATTERN",
            description = "Accept a risk: mute findings of check ID (or *) whose resource id matches the glob "
                    + "PATTERN (* matches anything), reason 'suppressed by configuration'. Repeatable.")
    List<Suppression> suppress = new ArrayList<>();

    @Option(names = "--mutelist", paramLabel = "FILE",
            description = "Accepted risks: a JSON mute list (see the README); muted findings show as MUTED with "
                    + "their reason and do not fail the run (default IRREADY_MUTELIST_FILE).")
    Path mutelist;

    @Option(names = "--responder-role-arn", paramLabel = "ARN",
            description = "The incident-response role whose access the responder checks verify.")
    String responderRoleArn;

    @Option(names = "--accounts", split = ",", paramLabel = "ID",
            description = "Scan these accounts (12-digit ids, comma-separated) through the audit role in each; "
                    + "the caller's own account with its own credentials.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--organization",
            description = "Scan every ACTIVE account of the AWS Organization (run from the management or a "
                    + "delegated administrator account).")
    boolean organization;

    @Option(names = "--ou", paramLabel = "OU",
            description = "With --organization: only accounts under this organizational unit (ou-…), at any depth.")
    String ou;

    @Option(names = "--role-name", paramLabel = "NAME",
            description = "The role assumed in each other account (default IRREADY_AUDIT_ROLE_NAME, else "
                    + AuditRoles.DEFAULT_ROLE_NAME + ").")
    String roleName;

    @Option(names = "--parallel", defaultValue = "4", paramLabel = "N",
            description = "With --accounts or --organization: accounts scanned at once (default 4).")
    int parallel;

    /** For tests and local simulators: one endpoint for every service (S3 then path-style). */
    @Option(names = "--endpoint-url", hidden = true, paramLabel = "URL")
    URI endpointUrl;

    private static final int PARALLEL_REGIONS = 4;
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2,}(-[a-z]+)+-\\d+");

    private final Cli cli;

    public ScanCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Config config = config();
        List<Check> selected = selected(config);
        ReportFormat output = output();
        if (!regions.isEmpty() && allRegions) {
            throw usage("--region and --all-regions cannot be combined");
        }
        AccountsScanning.validate(spec, accounts, organization, ou, roleName, parallel);
        for (String region : regions) {
            // a typo would otherwise surface as connection failures after the SDK's retries
            if (!REGION_NAME.matcher(region).matches()) {
                throw usage("'" + region + "' is not an AWS region name (e.g. eu-west-1, us-gov-west-1)");
            }
        }
        AwsClients clients = endpointUrl == null ? AwsClients.standard()
                : AwsClients.forEndpoint(endpointUrl, DefaultCredentialsProvider.builder().build(), 3);
        String home = homeRegion(config);

        String account;
        List<String> scanned;
        try {
            account = callerAccount(clients, home);
            scanned = allRegions ? EnabledRegions.of(clients, home)
                    : !regions.isEmpty() ? List.copyOf(new LinkedHashSet<>(regions))
                    : !config.regions().isEmpty() ? config.regions() : List.of(home);
        } catch (AwsCallFailedException e) {
            cli.err().println("irready: could not evaluate: " + Text.clean(e.getMessage()));
            if (e.getCause() instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
                cli.err().println("irready: no AWS credentials found: run 'aws configure' or 'aws sso login', "
                        + "or set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), then try again.");
            }
            return 3;
        }

        if (!accounts.isEmpty() || organization) {
            return new AccountsScanning(cli, spec, accounts, organization, ou, roleName, parallel, format, failOn)
                    .run(clients, account, scanned, selected, new Evaluator(cli.registry(), config, cli.clock()));
        }
        List<String> ids = selected.stream().map(Check::id).toList();
        cli.err().println("irready: scanning account " + Text.clean(account) + " in "
                + Text.clean(String.join(", ", scanned)) + " with " + ids.size() + " checks");
        Instant startedAt = cli.clock().instant();
        AwsInventoryFactory inventories = Catalog.inventories(clients);
        Evaluator evaluator = new Evaluator(cli.registry(), config, cli.clock());
        List<Finding> findings = new ArrayList<>();
        List<NothingInScope> nothingInScope = new ArrayList<>();
        // regions are independent (one inventory each) and mostly waiting on AWS: a few at a time
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_REGIONS, scanned.size()))) {
            List<Future<Evaluation>> evaluations = scanned.stream().map(region -> pool.submit(
                    () -> evaluator.evaluate(inventories.create(account, region), ids, Scope.REGION))).toList();
            for (Future<Evaluation> future : evaluations) {
                Evaluation evaluation = future.get();
                findings.addAll(evaluation.findings());
                evaluation.checksWithNothingInScope().forEach(id -> nothingInScope.add(
                        new NothingInScope(id, evaluation.account(), evaluation.region())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cli.err().println("irready: interrupted");
            return 3;
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed unexpectedly", e.getCause());
        }

        ScanReport report = new ScanReport(Main.Version.current(), account, scanned, startedAt,
                selected.stream().map(Check::metadata).toList(), findings, nothingInScope);
        output.write(report, cli.out());
        cli.out().flush();
        for (String region : scanned) { // on stderr: the report formats (json, sarif, csv) stay parseable
            cli.err().println("irready: " + io.irready.store.ReadinessScore.ofFindings(findings.stream()
                    .filter(f -> f.region().equals(region)).toList()).summary(Text.clean(account), region));
        }
        int code = exitCode(findings, failOn);
        cli.err().println("irready: exit " + code + switch (code) {
            case 1 -> ": FAIL findings at or above " + failOn;
            case 3 -> ": some checks at or above " + failOn + " could not be evaluated (ERROR)";
            default -> ": no FAIL or ERROR at or above " + failOn;
        });
        return code;
    }

    /**
     * 1 when a FAIL is at or above the threshold; else 3 when an ERROR is (irready was blind
     * where it matters); else 0. Below-threshold findings are reported but never fail the run.
     */
    static int exitCode(Collection<Finding> findings, Severity failOn) {
        if (findings.stream().anyMatch(f -> !f.isMuted() && f.status() == Status.FAIL && f.severity().isAtLeast(failOn))) {
            return 1;
        }
        if (findings.stream().anyMatch(f -> !f.isMuted() && f.status() == Status.ERROR && f.severity().isAtLeast(failOn))) {
            return 3;
        }
        return 0;
    }

    /** The report's format: as {@code --format} says, grouped by control with {@code --compliance}. */
    private ReportFormat output() {
        if (compliance == null) {
            return ReportFormat.of(format);
        }
        return switch (format) {
            case TABLE -> new ComplianceTableFormat(compliance);
            case JSON -> new ComplianceJsonFormat(compliance);
            case CSV, SARIF, HTML, ASFF, OCSF -> throw usage("--compliance groups the table or json report; "
                    + format.name().toLowerCase(Locale.ROOT) + " has no place for controls");
        };
    }

    /** {@code IRREADY_*} environment settings, overridden by flags. */
    private Config config() {
        try {
            Config base = Config.fromEnvironment(cli.env());
            Config.Builder b = base.toBuilder();
            if (retentionDays != null) {
                b.retentionDays(retentionDays);
            }
            if (responderRoleArn != null) {
                b.responderRoleArn(responderRoleArn);
            }
            Set<String> disabled = new LinkedHashSet<>(base.disabledChecks());
            disabled.addAll(CheckSelection.expand(cli.registry(), disable));
            b.disabledChecks(disabled);
            List<Suppression> suppressions = new ArrayList<>(base.suppressions());
            suppressions.addAll(suppress);
            b.suppressions(suppressions);
            if (mutelist != null) {
                b.mutes(MuteList.read(mutelist));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private List<Check> selected(Config config) {
        List<Check> selected;
        try {
            selected = CheckSelection.select(cli.registry(), checks, disable, config.disabledChecks());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (selected.isEmpty()) {
            throw usage(cli.registry().all().isEmpty() ? "no checks are registered in this build"
                    : "no checks left to run after --checks and --disable");
        }
        return selected;
    }

    /** The region STS and DescribeRegions are asked in: the first --region, else the SDK's chain. */
    private String homeRegion(Config config) {
        if (!regions.isEmpty()) {
            return regions.get(0);
        }
        if (!allRegions && !config.regions().isEmpty()) {
            return config.regions().get(0);
        }
        Optional<String> fromChain = defaultRegion();
        if (fromChain.isPresent()) {
            return fromChain.get();
        }
        if (allRegions) {
            return "us-east-1";
        }
        throw usage("no region: pass --region REGION or --all-regions, or set AWS_REGION (or a region in your AWS profile)");
    }

    private static Optional<String> defaultRegion() {
        try {
            return Optional.of(new DefaultAwsRegionProviderChain().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    private static String callerAccount(AwsClients clients, String region) {
        // the shared client: building an SDK client is the costly part, and the scan may ask STS again
        StsClient sts = clients.shared(StsClient::builder, region);
        return AwsCall.required("sts:GetCallerIdentity", "Account",
                AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
