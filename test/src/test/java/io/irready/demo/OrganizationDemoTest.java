package io.irready.demo;

import static io.irready.sim.OrganizationGenerator.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.organization.OrganizationScore;
import io.irready.sim.OrganizationGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code irready demo --accounts 4} non-interactively and checks the organization story it tells. */
class OrganizationDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OrganizationDemo.Result result;
    private static String output;

    @BeforeAll
    static void runDemo() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = new OrganizationDemo(new PrintStream(buffer, true, StandardCharsets.UTF_8), false, 4)
                .run(Demo.repositoryRoot());
        output = buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thePlanListsEveryAccountAndEachIsSweptThroughItsOwnItem() {
        assertThat(result.plan().path("accounts")).extracting(a -> a.path("account").asText())
                .containsExactly(OrganizationGenerator.MANAGEMENT, member(1), member(2), member(3));
        assertThat(result.items()).hasSize(4).allSatisfy(i -> assertThat(i.path("reachable").asBoolean()).isTrue());
        assertThat(result.assumeRoleCalls()).as("one session per member, reused by the event path").isEqualTo(3);
    }

    @Test
    void eachAccountHasAScoreAndTheOrganizationIsTheirMean() {
        OrganizationScore before = result.before();
        assertThat(before.accounts()).hasSize(4).allSatisfy(a -> assertThat(a.score().pass()).isPositive());
        double mean = before.accounts().stream().mapToDouble(a -> a.score().score()).average().orElseThrow();
        assertThat(before.score()).isCloseTo(mean, org.assertj.core.data.Offset.offset(0.05));
        // dev has GuardDuty suspended and Config not recording: the least ready
        assertThat(before.lowest()).get().extracting(OrganizationScore.AccountScore::name).isEqualTo("dev");
        assertThat(before.units()).extracting(OrganizationScore.UnitScore::name)
                .containsExactly("Production", "Non-production");
        assertThat(output).contains("ACCOUNT", "OU Production",
                "Organization readiness " + before.score() + "/100, the mean of 4 account scores; lowest: dev ("
                        + member(3) + ")");
    }

    @Test
    void stopLoggingInMemberProdAlertsNamingTheAccountAndLowersItsScore() throws Exception {
        JsonNode trail = result.stopLoggingAlerts().stream().map(OrganizationDemoTest::message)
                .filter(m -> m.path("email").asText().contains("cloudtrail-logging-all-regions")).findFirst()
                .orElseThrow();
        assertThat(trail.path("email").asText()).contains("Readiness dropped", "Account:     prod (" + member(1) + ")",
                "arn:aws:iam::" + member(1) + ":user/mallory");
        assertThat(trail.path("https").asText()).contains("prod (`" + member(1) + "`)");
        double prodBefore = score(result.before(), member(1));
        assertThat(score(result.after(), member(1))).isLessThan(prodBefore);
        assertThat(result.after().score()).isLessThan(result.before().score());
        assertThat(output).contains("Account:     prod (" + member(1) + ")");
    }

    private static double score(OrganizationScore org, String account) {
        return org.accounts().stream().filter(a -> a.account().equals(account)).findFirst().orElseThrow().score().score();
    }

    private static JsonNode message(java.util.Map<String, String> publish) {
        try {
            return JSON.readTree(publish.get("Message"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
