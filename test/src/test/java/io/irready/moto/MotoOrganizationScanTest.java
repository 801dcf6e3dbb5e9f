package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.checks.Catalog;
import io.irready.cli.Cli;
import io.irready.cli.Main;
import io.irready.cli.format.Json;
import io.irready.inventory.AwsClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;

/**
 * {@code irready scan --accounts} and {@code --organization} against moto: an organization of a
 * management account and two members created through the Organizations API (moto assigns their
 * ids), one member with a logging trail and one whose trail is stopped. Each account's verdict must
 * come from that account's own state, entered through the audit role, and carry its id.
 */
class MotoOrganizationScanTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String TRAIL_CHECK = "cloudtrail-logging-all-regions";
    private static final String MANAGEMENT = MotoServer.ACCOUNT;

    private String logging;
    private String stopped;

    @BeforeEach
    void organization() {
        try (OrganizationsClient organizations = MOTO.clients().build(OrganizationsClient.builder(), "us-east-1")) {
            organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            logging = organizations.createAccount(r -> r.accountName("prod").email("prod@example.com"))
                    .createAccountStatus().accountId();
            stopped = organizations.createAccount(r -> r.accountName("sandbox").email("sandbox@example.com"))
                    .createAccountStatus().accountId();
        }
        trail(MOTO.server().clientsAs(logging), "prod-trail", true);
        trail(MOTO.server().clientsAs(stopped), "sandbox-trail", false);
    }

    private static void trail(AwsClients clients, String name, boolean logging) {
        String bucket = name + "-logs";
        clients.s3(REGION).createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        try (CloudTrailClient cloudtrail = clients.build(CloudTrailClient.builder(), REGION)) {
            cloudtrail.createTrail(r -> r.name(name).s3BucketName(bucket).isMultiRegionTrail(true)
                    .includeGlobalServiceEvents(true));
            cloudtrail.startLogging(r -> r.name(name));
            if (!logging) {
                cloudtrail.stopLogging(r -> r.name(name));
            }
        }
    }

    private record Run(int exitCode, List<JsonNode> findings, String err) {
        /** {@code checkId -> status} of one account's findings. */
        Map<String, String> of(String account) {
            return findings.stream().filter(f -> f.get("account").asText().equals(account))
                    .collect(Collectors.toMap(f -> f.get("checkId").asText(), f -> f.get("status").asText()));
        }
    }

    private static Run scan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("scan", "--endpoint-url", MOTO.server().endpoint().toString(),
                "--region", REGION, "--format", "json"));
        all.addAll(List.of(args));
        int code = new Main(new Cli(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Catalog.registry(), Clock.systemUTC())).execute(all.toArray(String[]::new));
        List<JsonNode> findings = new ArrayList<>();
        if (!out.toString().isBlank()) {
            Json.read(out.toString()).forEach(findings::add);
        }
        return new Run(code, findings, err.toString());
    }

    @Test
    void eachListedAccountIsJudgedOnItsOwnTrail() {
        Run run = scan("--accounts", logging + "," + stopped, "--checks", TRAIL_CHECK, "--role-name", "OrgAudit");

        assertThat(run.of(logging)).as(run.err()).containsEntry(TRAIL_CHECK, "PASS");
        assertThat(run.of(stopped)).as(run.err()).containsEntry(TRAIL_CHECK, "FAIL");
        assertThat(run.findings()).extracting(f -> f.get("account").asText()).containsOnly(logging, stopped);
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void theOrganizationIsEveryActiveAccountEachCoveredAndJudged() {
        Run run = scan("--organization", "--checks", TRAIL_CHECK + ",organization-coverage");

        assertThat(run.err()).contains("irready: scanning 3 accounts in eu-west-1");
        assertThat(run.of(MANAGEMENT)).as(run.err())
                .containsEntry("organization-coverage", "PASS").containsEntry(TRAIL_CHECK, "FAIL");
        assertThat(run.of(logging)).as(run.err())
                .containsEntry("organization-coverage", "PASS").containsEntry(TRAIL_CHECK, "PASS");
        assertThat(run.of(stopped)).as(run.err())
                .containsEntry("organization-coverage", "PASS").containsEntry(TRAIL_CHECK, "FAIL");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
