package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.apigateway.ApiGatewayCollector;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.apigateway.ApiStage;
import io.irready.inventory.elb.ElbCollector;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.elb.LoadBalancer;
import io.irready.inventory.elb.LoadBalancer.AccessLogs;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;

/** Elastic Load Balancing (v2 and Classic) and API Gateway (v1 and v2) collectors against moto. */
class MotoLoadBalancersAndApisTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private final AwsClients clients = MOTO.clients();

    @Test
    void albAccessLogAttributesAndClassicAccessLogsAreRead() {
        Ec2Client ec2 = clients.build(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone(REGION + "a"))
                .subnet().subnetId();
        String b2 = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.2.0/24").availabilityZone(REGION + "b"))
                .subnet().subnetId();
        ElasticLoadBalancingV2Client v2 = clients.build(ElasticLoadBalancingV2Client.builder(), REGION);
        String alb = v2.createLoadBalancer(b -> b.name("orders").subnets(a, b2).type(LoadBalancerTypeEnum.APPLICATION))
                .loadBalancers().getFirst().loadBalancerArn();
        v2.modifyLoadBalancerAttributes(b -> b.loadBalancerArn(alb).attributes(
                x -> x.key("access_logs.s3.enabled").value("true"), x -> x.key("access_logs.s3.bucket").value("alb-logs")));
        ElasticLoadBalancingClient classic = clients.build(ElasticLoadBalancingClient.builder(), REGION);
        classic.createLoadBalancer(b -> b.loadBalancerName("legacy-web").availabilityZones(REGION + "a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(80)));

        ElbInventory elb = ElbCollector.inventory(clients, ACCOUNT, REGION);

        assertThat(elb.v2LoadBalancers()).containsExactly(new LoadBalancer(alb, "orders", "application", false,
                Optional.of(new AccessLogs(true, "alb-logs"))));
        assertThat(elb.classicLoadBalancers()).singleElement().satisfies(lb -> {
            assertThat(lb.arn()).isEqualTo("arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT
                    + ":loadbalancer/legacy-web");
            assertThat(lb.accessLogs()).contains(new AccessLogs(false, ""));
        });
    }

    @Test
    void restStagesWithTheirLoggingAndHttpApiStagesAreRead() {
        ApiGatewayClient v1 = clients.build(ApiGatewayClient.builder(), REGION);
        String rest = v1.createRestApi(b -> b.name("orders")).id();
        String root = v1.getResources(b -> b.restApiId(rest)).items().getFirst().id();
        v1.putMethod(b -> b.restApiId(rest).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        v1.putIntegration(b -> b.restApiId(rest).resourceId(root).httpMethod("GET").type("MOCK"));
        // a deployment's new stage has no logging; UpdateStage (PATCH) cannot be sent by the JDK's HTTP client
        v1.createDeployment(b -> b.restApiId(rest).stageName("prod"));
        ApiGatewayV2Client v2 = clients.build(ApiGatewayV2Client.builder(), REGION);
        String http = v2.createApi(b -> b.name("webhooks").protocolType(ProtocolType.HTTP)).apiId();
        v2.createStage(b -> b.apiId(http).stageName("live").accessLogSettings(s -> s
                .destinationArn("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:webhooks").format("$context.requestId")));

        ApiGatewayInventory apigw = ApiGatewayCollector.inventory(clients, REGION);

        assertThat(apigw.restStages()).singleElement().satisfies(s -> {
            assertThat(s.arn()).isEqualTo(ApiStage.restArn(REGION, rest, "prod"));
            assertThat(s.executionLoggingLevel()).isEmpty();
            assertThat(s.accessLogDestination()).isEmpty();
        });
        assertThat(apigw.v2Stages()).containsExactly(new ApiStage(ApiStage.v2Arn(REGION, http, "live"), http,
                "webhooks", "HTTP", "live", Optional.of("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:webhooks"),
                Optional.empty()));
    }
}
