package io.irready.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.cli.format.Json;
import io.irready.sim.AccountGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@code irready horizon} with the shipped inventories against the simulator's demo account: the
 * run the README shows. {@code -Dirready.printHorizon=true} prints the output to paste there.
 */
class HorizonDemoTest {
    private static String horizon(String... options) throws Exception {
        DemoAccountCli.Run run = DemoAccountCli.run("horizon", "irready.printHorizon", options);
        assertThat(run.code()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void readsTheDemoAccountsHorizonSourceBySource() throws Exception {
        String text = horizon("--incident-age", "120");

        assertThat(text).contains("Account " + AccountGenerator.DEMO_ACCOUNT + ", " + AccountGenerator.DEMO_REGION)
                .contains("  Who called the API?            400 days   CloudTrail trail bucket " + AccountGenerator.TRAIL
                        + "\n    weakest link                 90 days    CloudTrail Event History "
                        + AccountGenerator.DEMO_REGION)
                .contains("  400 days   CloudTrail trail bucket " + AccountGenerator.TRAIL + "\n             lifecycle rule "
                        + "'expire' expires objects under s3://" + AccountGenerator.TRAIL_BUCKET + "/AWSLogs/"
                        + AccountGenerator.DEMO_ACCOUNT + "/CloudTrail/ after 400 days")
                .contains("  0 days     VPC flow logs vpc-0a1b2c3d4e5f60003\n             no flow log captures this VPC")
                .contains("  0 days     Load balancer access logs legacy-web\n             bucket legacy-elb-logs-")
                .contains("Already gone for an incident 120 days old: 14 sources\n")
                .contains("  90 days    CloudTrail Event History " + AccountGenerator.DEMO_REGION + "\n");
    }

    @Test
    void jsonCarriesEveryQuestionAndSource() throws Exception {
        JsonNode report = Json.read(horizon("--format", "json", "--incident-age", "120")).get(0);

        assertThat(report.get("account").asText()).isEqualTo(AccountGenerator.DEMO_ACCOUNT);
        assertThat(report.get("questions")).hasSize(5);
        assertThat(report.get("sources").findValuesAsText("source")).contains("EVENT_HISTORY", "TRAIL_BUCKET");
        assertThat(report.get("gone")).hasSize(14);
        JsonNode who = report.get("questions").get(0);
        assertThat(who.get("question").asText()).isEqualTo("Who called the API?");
        assertThat(who.get("days").asInt()).isEqualTo(400);
        assertThat(who.get("weakest").get("source").asText()).isEqualTo("EVENT_HISTORY");
    }
}
