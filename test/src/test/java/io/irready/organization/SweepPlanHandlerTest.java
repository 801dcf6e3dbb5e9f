package io.irready.organization;

import static io.irready.sim.OrganizationGenerator.MANAGEMENT;
import static io.irready.sim.OrganizationGenerator.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.core.EnvironmentNames;
import io.irready.inventory.AwsClients;
import io.irready.lambda.SweepPlanHandler;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.Fault;
import io.irready.sim.OrganizationGenerator;
import io.irready.sim.SimulatedOrganization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The plan the organization sweep's state machine fans out over, through the Lambda handler wired from the
 * deployment's environment, against an organization of 25 accounts on the simulator (Organizations pages by
 * 20, so the listing takes two pages).
 */
class SweepPlanHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SimulatedOrganization org;
    private AwsSimulator sim;

    @BeforeEach
    void organization() throws Exception {
        org = OrganizationGenerator.organization(25, AccountGenerator.DEMO_REGION);
        sim = new AwsSimulator(org);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1",
                EnvironmentNames.IRREADY_REGIONS, "eu-west-1,us-east-1,eu-central-1"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private JsonNode plan(AwsSimulator on, Map<String, String> env, String input) throws Exception {
        AwsClients clients = AwsClients.forEndpoint(on.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPLAN", "plan")), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SweepPlanHandler(SweepPlanHandler.fromEnvironment(env, clients))
                .handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static List<String> accounts(JsonNode plan) {
        List<String> ids = new ArrayList<>();
        plan.path("accounts").forEach(a -> ids.add(a.path("account").asText()));
        return ids;
    }

    @Test
    void everyActiveAccountOfTheOrganizationWithItsNameTheWatchedRegionsAndTheMode() throws Exception {
        JsonNode plan = plan(sim, env(), "{\"mode\":\"critical\"}");

        assertThat(plan.path("mode").asText()).isEqualTo("critical");
        assertThat(plan.path("regions")).extracting(JsonNode::asText)
                .containsExactly("eu-west-1", "us-east-1", "eu-central-1");
        List<String> expected = new ArrayList<>(List.of(MANAGEMENT));
        for (int n = 1; n < 25; n++) {
            expected.add(member(n));
        }
        assertThat(accounts(plan)).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(plan.path("accounts").get(0).path("name").asText()).isEqualTo("management");
        assertThat(plan.path("accounts").get(2).path("account").asText()).isEqualTo(member(2));
        assertThat(plan.path("accounts").get(2).path("name").asText()).isEqualTo("staging");
        assertThat(sim.calls()).containsEntry("organizations:ListAccounts", 2L); // 25 accounts, 20 a page
    }

    @Test
    void suspendedAccountsAreLeftOut() throws Exception {
        org.suspend(member(4));

        assertThat(accounts(plan(sim, env(), "{\"mode\":\"full\"}"))).hasSize(24).doesNotContain(member(4));
    }

    @Test
    void configuredUnitsNarrowThePlanToTheirAccountsAndTheHomeAccountStaysIn() throws Exception {
        JsonNode plan = plan(sim, env(EnvironmentNames.IRREADY_ORGANIZATION_UNITS, OrganizationGenerator.PRODUCTION_OU),
                "{\"mode\":\"full\"}");

        List<String> production = new ArrayList<>(List.of(member(1)));
        for (int n = 2; n < 25; n += 2) {
            production.add(member(n));
        }
        // the management account sits at the root, outside the OU: irready still audits the account it runs in
        production.add(MANAGEMENT);
        assertThat(accounts(plan)).containsExactlyElementsOf(production.stream().sorted().toList());
        assertThat(sim.calls()).containsKeys("organizations:ListAccountsForParent", "organizations:ListChildren")
                .doesNotContainKey("organizations:ListAccounts");
    }

    @Test
    void theAccountScopeNarrowsThePlanAndTheHomeAccountStaysIn() throws Exception {
        JsonNode plan = plan(sim, env(EnvironmentNames.IRREADY_ACCOUNT_SCOPE, member(3) + "," + member(1)
                + ",999999999999"), "{\"mode\":\"critical\"}");

        // an id in scope that the organization does not list (closed, or a typo) is not swept
        assertThat(accounts(plan)).containsExactly(MANAGEMENT, member(1), member(3));
    }

    @Test
    void anOrganizationThatCannotBeReadFailsThePlanSoThatStepFunctionsRetriesIt() {
        sim.inject("organizations", Fault.ACCESS_DENIED);

        assertThatThrownBy(() -> plan(sim, env(), "{\"mode\":\"critical\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not list the organization's accounts for the critical sweep")
                .hasMessageContaining("organizations:ListAccounts")
                .hasMessageContaining("management account or a delegated administrator");
    }

    @Test
    void aBadlyConfiguredUnitIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> plan(sim, env(EnvironmentNames.IRREADY_ORGANIZATION_UNITS, "production"), "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'production'");
        assertThat(sim.totalCalls()).isZero();
    }

    @Test
    void aStandaloneAccountIsAnOrganizationOfOne() throws Exception {
        try (AwsSimulator standalone = new AwsSimulator(AccountGenerator.demo())) {
            JsonNode plan = plan(standalone, env(), "");

            assertThat(plan.path("mode").asText()).isEqualTo("full");
            assertThat(accounts(plan)).containsExactly(AccountGenerator.DEMO_ACCOUNT);
        }
    }
}
