package io.irready.cli;

import io.irready.checks.Catalog;
import io.irready.cli.format.HorizonJson;
import io.irready.cli.format.HorizonText;
import io.irready.cli.format.Text;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Config;
import io.irready.horizon.EvidenceHorizon;
import io.irready.horizon.HorizonReport;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
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
 * {@code irready horizon}: how many days back each evidence source reaches today, and which
 * investigation questions can still be answered, read from the live configuration through the
 * same inventories the checks use. A summary for the investigator, not a verdict: no finding.
 */
@Command(name = "horizon", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {
            "How far back an investigator can read today, source by source.",
            "",
            "For each evidence source (trail bucket and its lifecycle, CloudTrail Event",
            "History, log groups, flow-log, load balancer, CloudFront, WAF and API Gateway",
            "destinations, RDS exports, EKS audit logs, S3 data events): the days back it",
            "reaches today and why. For each investigation question: the longest source",
            "that answers it and the weakest link.",
            "Not a verdict: it writes no finding and never changes the score.",
            "Credentials, region and AWS_ENDPOINT_URL as for 'irready scan'.",
            ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  horizon read", "  2  usage error", "  3  the account could not be identified"})
public final class HorizonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--region", split = ",", paramLabel = "REGION",
            description = "Region to read; repeatable or comma-separated. Default: IRREADY_REGIONS, else the SDK's "
                    + "region chain (AWS_REGION, profile).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--incident-age", paramLabel = "DAYS",
            description = "List the sources whose evidence of an incident this many days old is already gone.")
    Integer incidentAge;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json (for pipelines).")
    String format;

    /** For tests and local simulators: one endpoint for every service (S3 then path-style). */
    @Option(names = "--endpoint-url", hidden = true, paramLabel = "URL")
    URI endpointUrl;

    private final Cli cli;

    public HorizonCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw usage("--format must be text or json, not '" + format + "'");
        }
        if (incidentAge != null && incidentAge < 0) {
            throw usage("--incident-age must be zero or more days");
        }
        Config config;
        try {
            config = Config.fromEnvironment(cli.env());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        List<String> scanned = !regions.isEmpty() ? List.copyOf(new LinkedHashSet<>(regions))
                : !config.regions().isEmpty() ? config.regions() : List.of(defaultRegion());
        AwsClients clients = endpointUrl == null ? AwsClients.standard()
                : AwsClients.forEndpoint(endpointUrl, DefaultCredentialsProvider.builder().build(), 3);
        String account;
        try (StsClient sts = clients.build(StsClient.builder(), scanned.get(0))) {
            account = AwsCall.required("sts:GetCallerIdentity", "Account",
                    AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account());
        } catch (AwsCallFailedException e) {
            cli.err().println("irready: could not identify the account: " + Text.clean(e.getMessage()));
            return 3;
        }
        AwsInventoryFactory inventories = Catalog.inventories(clients);
        Instant now = cli.clock().instant();
        List<HorizonReport> reports = scanned.stream().map(region -> EvidenceHorizon.read(
                inventories.create(account, region), config.forensicLogGroupPrefixes(), now)).toList();
        OptionalInt age = incidentAge == null ? OptionalInt.empty() : OptionalInt.of(incidentAge);
        if (format.equals("json")) {
            HorizonJson.write(reports, age, cli.out());
        } else {
            HorizonText.write(reports, age, cli.out());
        }
        return 0;
    }

    private String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw usage("no region: pass --region REGION, or set AWS_REGION (or a region in your AWS profile)");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
