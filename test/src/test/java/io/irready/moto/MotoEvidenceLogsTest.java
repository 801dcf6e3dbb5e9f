package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksCollector;
import io.irready.inventory.networkfirewall.Firewall;
import io.irready.inventory.networkfirewall.NetworkFirewallCollector;
import io.irready.inventory.wafv2.WafCollector;
import io.irready.inventory.wafv2.WebAcl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;
import software.amazon.awssdk.services.networkfirewall.model.LogDestinationType;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

/** EKS control-plane logging, WAFv2 logging configurations and Network Firewall logging against moto. */
class MotoEvidenceLogsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private final AwsClients clients = MOTO.clients();

    @Test
    void eksClustersAreReadWithTheirEnabledLogTypes() {
        EksClient eks = clients.build(EksClient.builder(), REGION);
        eks.createCluster(b -> b.name("audited").roleArn("arn:aws:iam::" + ACCOUNT + ":role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-1"))
                .logging(l -> l.clusterLogging(s -> s.types(LogType.AUDIT, LogType.AUTHENTICATOR).enabled(true))));
        eks.createCluster(b -> b.name("silent").roleArn("arn:aws:iam::" + ACCOUNT + ":role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-1")));

        List<EksCluster> clusters = EksCollector.inventory(clients, REGION).clusters();

        assertThat(clusters).extracting(EksCluster::name).containsExactlyInAnyOrder("audited", "silent");
        assertThat(clusters).filteredOn(c -> c.name().equals("audited")).singleElement().satisfies(c -> {
            assertThat(c.loggedTypes()).containsExactlyInAnyOrder("audit", "authenticator");
            assertThat(c.arn()).isEqualTo("arn:aws:eks:" + REGION + ":" + ACCOUNT + ":cluster/audited");
        });
        assertThat(clusters).filteredOn(c -> c.name().equals("silent")).singleElement()
                .satisfies(c -> assertThat(c.loggedTypes()).doesNotContain("audit", "authenticator"));
    }

    @Test
    void webAclsAreReadWithTheirLoggingConfiguration() {
        Wafv2Client waf = clients.build(Wafv2Client.builder(), REGION);
        String logged = waf.createWebACL(b -> b.name("logged").scope(Scope.REGIONAL).defaultAction(a -> a.allow(x -> { }))
                .visibilityConfig(v -> v.sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true).metricName("logged")))
                .summary().arn();
        String unlogged = waf.createWebACL(b -> b.name("unlogged").scope(Scope.REGIONAL).defaultAction(a -> a.allow(x -> { }))
                .visibilityConfig(v -> v.sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true).metricName("unlogged")))
                .summary().arn();
        String destination = "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:aws-waf-logs-logged";
        waf.putLoggingConfiguration(b -> b.loggingConfiguration(c -> c.resourceArn(logged).logDestinationConfigs(destination)));

        assertThat(WafCollector.inventory(clients, REGION).webAcls()).containsExactlyInAnyOrder(
                new WebAcl("logged", logged, "REGIONAL", List.of(destination)),
                new WebAcl("unlogged", unlogged, "REGIONAL", List.of()));
    }

    @Test
    void firewallsAreReadWithTheirLogTypes() {
        NetworkFirewallClient nfw = clients.build(NetworkFirewallClient.builder(), REGION);
        String arn = nfw.createFirewall(b -> b.firewallName("egress").vpcId("vpc-1")
                .firewallPolicyArn("arn:aws:network-firewall:" + REGION + ":" + ACCOUNT + ":firewall-policy/p")
                .subnetMappings(s -> s.subnetId("subnet-1"))).firewall().firewallArn();
        nfw.updateLoggingConfiguration(b -> b.firewallArn(arn).loggingConfiguration(l -> l.logDestinationConfigs(
                d -> d.logType("ALERT").logDestinationType(LogDestinationType.S3).logDestination(Map.of("bucketName", "b")))));

        assertThat(NetworkFirewallCollector.inventory(clients, REGION).firewalls())
                .containsExactly(new Firewall("egress", arn, true, Map.of("ALERT", "S3")));
    }
}
