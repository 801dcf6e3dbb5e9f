package io.irready.inventory.networkfirewall;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Network Firewall speaks JSON ({@code NetworkFirewall_20201112.*}); ListFirewalls pages by NextToken. */
class NetworkFirewallCollectorTest {
    private static final String LIST = "NetworkFirewall_20201112.ListFirewalls";
    private static final String LOGGING = "NetworkFirewall_20201112.DescribeLoggingConfiguration";
    private static final String EGRESS = "arn:aws:network-firewall:eu-west-1:123456789012:firewall/egress";
    private static final String INSPECTION = "arn:aws:network-firewall:eu-west-1:123456789012:firewall/inspection";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void pagesFirewallsAndReadsTheLogTypesOfEach() {
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{}")).willReturn(json(
                "{\"NextToken\":\"t2\",\"Firewalls\":[{\"FirewallName\":\"egress\",\"FirewallArn\":\"" + EGRESS + "\"}]}")));
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"NextToken\":\"t2\"}")).willReturn(json(
                "{\"Firewalls\":[{\"FirewallName\":\"inspection\",\"FirewallArn\":\"" + INSPECTION + "\"}]}")));
        aws.stub(jsonCall(LOGGING).withRequestBody(equalToJson("{\"FirewallArn\":\"" + EGRESS + "\"}")).willReturn(json("""
                {"FirewallArn":"%s","LoggingConfiguration":{"LogDestinationConfigs":[
                  {"LogType":"ALERT","LogDestinationType":"CloudWatchLogs","LogDestination":{"logGroup":"/nfw/alert"}},
                  {"LogType":"FLOW","LogDestinationType":"S3","LogDestination":{"bucketName":"nfw-flow","prefix":"egress"}}]},
                 "EnableMonitoringDashboard":false}""".formatted(EGRESS))));
        aws.stub(jsonCall(LOGGING).withRequestBody(equalToJson("{\"FirewallArn\":\"" + INSPECTION + "\"}"))
                .willReturn(json("{\"FirewallArn\":\"" + INSPECTION + "\",\"LoggingConfiguration\":{\"LogDestinationConfigs\":[]}}")));

        NetworkFirewallInventory nfw = NetworkFirewallCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(nfw.firewalls()).containsExactly(
                // the CloudWatch Logs destination's group is kept: logs checks find forensic groups by it
                new Firewall("egress", EGRESS, true, Map.of("ALERT", "CloudWatchLogs", "FLOW", "S3"),
                        Map.of("ALERT", "/nfw/alert")),
                new Firewall("inspection", INSPECTION, true, Map.of()));
        aws.server().verify(2, jsonCallMade(LIST));
    }

    @Test
    void aFirewallDeletedMeanwhileIsMarkedDeleted() {
        aws.stub(jsonCall(LIST).willReturn(json(
                "{\"Firewalls\":[{\"FirewallName\":\"egress\",\"FirewallArn\":\"" + EGRESS + "\"}]}")));
        aws.stub(jsonCall(LOGGING).willReturn(jsonError(400, "ResourceNotFoundException", "Firewall not found")));

        assertThat(NetworkFirewallCollector.inventory(aws.clients(), AwsWire.REGION).firewalls())
                .containsExactly(Firewall.deleted("egress", EGRESS));
    }

    @Test
    void throttlingThatOutlastsRetriesNamesTheAction() {
        aws.stub(jsonCall(LIST).willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")));

        NetworkFirewallInventory nfw = NetworkFirewallCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThatThrownBy(nfw::firewalls).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.THROTTLED);
            assertThat(e.action()).isEqualTo("network-firewall:ListFirewalls");
        });
        aws.server().verify(2, jsonCallMade(LIST));
    }
}
