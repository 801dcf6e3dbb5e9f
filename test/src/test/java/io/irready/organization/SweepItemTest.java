package io.irready.organization;

import static io.irready.sim.OrganizationGenerator.MANAGEMENT;
import static io.irready.sim.OrganizationGenerator.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.bench.OrganizationAuditor;
import io.irready.checks.organizations.OrganizationCoverage;
import io.irready.core.AccountScope;
import io.irready.demo.LocalDynamo;
import io.irready.sim.AwsSimulator;
import io.irready.sim.Fault;
import io.irready.sim.OrganizationGenerator;
import io.irready.sim.SimulatedOrganization;
import io.irready.store.FindingQueries;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One item of the organization sweep through the sweep function, as the Distributed Map invokes it: exactly
 * that account and region is read (a member with the credentials of its audit role), stored and scored; a
 * member whose role cannot be assumed is one {@code organization-coverage} ERROR and a normal return.
 */
class SweepItemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "eu-west-1";
    /** One table for the class (dynalite starts in seconds): each test sweeps accounts no other test touches. */
    private static LocalDynamo dynamo;
    private SimulatedOrganization org;
    private AwsSimulator sim;
    private OrganizationAuditor auditor;

    @BeforeAll
    static void startStore() throws Exception {
        dynamo = LocalDynamo.start(Path.of("..").toAbsolutePath().normalize(), "irready-items-0");
    }

    @AfterAll
    static void stopStore() {
        dynamo.close();
    }

    @BeforeEach
    void organization() throws Exception {
        org = OrganizationGenerator.organization(5, REGION);
        sim = new AwsSimulator(org);
        auditor = new OrganizationAuditor(sim, dynamo.client(), dynamo.tableName(), List.of(REGION, "us-east-1"),
                AccountScope.any(), List.of(), new PrintStream(OutputStream.nullOutputStream()));
        sim.resetCalls();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode sweep(String item) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        auditor.sweepHandler().handleRequest(new ByteArrayInputStream(item.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String item(String mode, String account, String region) {
        return "{\"mode\":\"" + mode + "\",\"account\":\"" + account + "\",\"region\":\"" + region + "\"}";
    }

    private FindingQueries queries() {
        return new FindingQueries(dynamo.client(), dynamo.tableName());
    }

    @Test
    void aMemberItemIsReadWithTheMembersOwnCredentialsAndStoredUnderItsAccount() throws Exception {
        JsonNode outcome = sweep(item("full", member(1), REGION));

        assertThat(outcome.path("account").asText()).isEqualTo(member(1));
        assertThat(outcome.path("region").asText()).isEqualTo(REGION);
        assertThat(outcome.path("reachable").asBoolean()).isTrue();
        assertThat(outcome.path("findings").asInt()).isPositive();
        Map<String, Long> byAccount = sim.callsByAccount();
        // the management account's credentials only assumed the role; every read was signed as the member
        assertThat(sim.calls()).containsEntry("sts:AssumeRole", 1L);
        assertThat(byAccount.get(member(1))).isGreaterThan(20);
        assertThat(byAccount).doesNotContainKeys(member(2), member(3), member(4));
        List<StoredFinding> stored = queries().findings(member(1), REGION);
        assertThat(stored).hasSize(outcome.path("findings").asInt())
                .allSatisfy(f -> assertThat(f.account()).isEqualTo(member(1)));
        assertThat(stored).filteredOn(f -> f.checkId().equals("cloudtrail-logging-all-regions"))
                .singleElement().satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingState.PASS);
                    assertThat(f.resourceId()).isEqualTo(member(1) + "/" + REGION);
                });
        assertThat(queries().findings(member(1), "us-east-1"))
                .as("the coverage verdict on the member, under the coverage check's own key")
                .filteredOn(f -> f.checkId().equals(OrganizationCoverage.ID)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
        assertThat(auditor.engine().store().scores().scores(member(1), REGION)).hasSize(1);
    }

    @Test
    void theSecondRegionOfAnAccountReusesTheRoleSessionOfTheContainer() throws Exception {
        sweep(item("critical", member(3), REGION));
        sweep(item("critical", member(3), "us-east-1"));
        sweep(item("critical", member(4), REGION));

        assertThat(sim.calls()).containsEntry("sts:AssumeRole", 2L);
        assertThat(auditor.roles().assumeCalls()).isEqualTo(2);
    }

    @Test
    void theHomeAccountIsReadWithIrreadysOwnCredentials() throws Exception {
        JsonNode outcome = sweep(item("critical", MANAGEMENT, REGION));

        assertThat(outcome.path("reachable").asBoolean()).isTrue();
        assertThat(sim.calls()).doesNotContainKey("sts:AssumeRole");
        assertThat(sim.callsByAccount()).containsOnlyKeys(MANAGEMENT);
    }

    @Test
    void aMemberWithoutTheAuditRoleIsOneCoverageErrorNamingTheAccountAndTheItemReturnsNormally() throws Exception {
        org.withoutAuditRole.add(member(2));

        JsonNode outcome = sweep(item("full", member(2), REGION));

        assertThat(outcome.path("reachable").asBoolean()).isFalse();
        assertThat(queries().findings(member(2), REGION)).as("nothing was read, nothing claims to be clean").isEmpty();
        StoredFinding coverage = queries().get(member(2), "us-east-1", OrganizationCoverage.ID,
                member(2) + "/us-east-1").orElseThrow();
        assertThat(coverage.status()).isEqualTo(FindingState.ERROR);
        assertThat(coverage.reason()).startsWith("irready cannot audit account " + member(2) + ": cannot assume its "
                + "audit role: access denied to sts:AssumeRole");
        // the blind account is alerted, by its name as Organizations knows it
        assertThat(sim.published()).singleElement().satisfies(p -> {
            JsonNode message = JSON.readTree(p.get("Message"));
            assertThat(message.path("email").asText()).contains("Account:     staging (" + member(2) + ")");
            assertThat(message.path("https").asText()).contains("staging (`" + member(2) + "`)");
        });
        assertThat(sim.calls()).containsEntry("organizations:DescribeAccount", 1L);
    }

    @Test
    void aStsOutageFailsTheItemSoThatTheMapRetriesItInsteadOfReportingABlindAccount() {
        sim.inject("sts", Fault.SERVER_ERROR);

        assertThatThrownBy(() -> sweep(item("critical", member(1), REGION)))
                .hasMessageContaining("sts:AssumeRole");
        assertThat(queries().findings(member(1), "us-east-1")).as("no account is reported blind for STS's fault")
                .noneMatch(f -> f.status() == FindingState.ERROR);
    }

    @Test
    void irreadysOwnDeploymentIsJudgedInTheHomeAccountOnlyNeverInAMember() throws Exception {
        sweep(item("full", member(1), REGION));
        sweep(item("full", MANAGEMENT, REGION));

        assertThat(queries().findings(member(1), REGION)).as("a member has no irready rules or functions to judge")
                .isNotEmpty().noneMatch(f -> f.checkId().equals("auditor-integrity"));
        assertThat(queries().findings(MANAGEMENT, REGION)).anyMatch(f -> f.checkId().equals("auditor-integrity"));
    }

    @Test
    void aMalformedItemFailsLoudly() {
        assertThatThrownBy(() -> sweep(item("critical", "prod", REGION)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12-digit");
        assertThatThrownBy(() -> sweep(item("critical", member(1), "Ireland")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("region");
    }
}
