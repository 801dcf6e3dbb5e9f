package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.ec2.EbsEncryptionCollector;
import io.irready.inventory.ec2.Ec2Collector;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.Ec2Instance;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.ec2.Subnet;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.route53resolver.QueryLogAssociation;
import io.irready.inventory.route53resolver.QueryLogCollector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;

/** EC2 (VPCs, subnets, flow logs, interfaces, instances, EBS defaults) and Resolver query logging against moto. */
class MotoNetworkTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private final AwsClients clients = MOTO.clients();
    private final Ec2Client ec2 = clients.build(Ec2Client.builder(), REGION);

    @Test
    void vpcsSubnetsAndFlowLogsAreRead() {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.20.1.0/24")).subnet().subnetId();
        String toLogs = ec2.createFlowLogs(b -> b.resourceIds(vpc).resourceType(FlowLogsResourceType.VPC)
                .trafficType(TrafficType.ALL).logDestinationType(LogDestinationType.CLOUD_WATCH_LOGS)
                .logGroupName("/vpc/flow").deliverLogsPermissionArn("arn:aws:iam::" + ACCOUNT + ":role/flow-logs"))
                .flowLogIds().getFirst();
        clients.s3(REGION).createBucket(b -> b.bucket("flow-log-archive")
                .createBucketConfiguration(c -> c.locationConstraint(REGION)));
        String toS3 = ec2.createFlowLogs(b -> b.resourceIds(subnet).resourceType(FlowLogsResourceType.SUBNET)
                .trafficType(TrafficType.REJECT).logDestinationType(LogDestinationType.S3)
                .logDestination("arn:aws:s3:::flow-log-archive")).flowLogIds().getFirst();

        Ec2Inventory inventory = Ec2Collector.inventory(clients, REGION);

        assertThat(inventory.vpcs()).contains(new Vpc(vpc, ACCOUNT, false));
        assertThat(inventory.vpcs()).filteredOn(Vpc::isDefault).hasSize(1); // moto seeds a default VPC per region
        assertThat(inventory.subnetsOf(vpc)).containsExactly(new Subnet(subnet, vpc));
        FlowLog vpcLog = inventory.flowLogsOf(vpc).getFirst();
        assertThat(vpcLog.id()).isEqualTo(toLogs);
        assertThat(vpcLog.captures("REJECT")).isTrue();
        assertThat(vpcLog.isActive()).isTrue();
        assertThat(vpcLog.destinationType()).isEqualTo(FlowLog.CLOUD_WATCH_LOGS);
        assertThat(vpcLog.logGroupName()).contains("/vpc/flow");
        FlowLog subnetLog = inventory.flowLogsOf(subnet).getFirst();
        assertThat(subnetLog.id()).isEqualTo(toS3);
        assertThat(subnetLog.trafficType()).contains("REJECT");
        assertThat(subnetLog.captures("ACCEPT")).isFalse();
        assertThat(subnetLog.destinationType()).isEqualTo("s3");
        assertThat(subnetLog.destination()).contains("arn:aws:s3:::flow-log-archive");
        assertThat(subnetLog.logGroupName()).isEmpty();
    }

    @Test
    void instancesCarryStateProfileTagsAndCountAsInterfacesOfTheirVpc() {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.1.0/24")).subnet().subnetId();
        IamClient iam = clients.build(IamClient.builder(), "aws-global");
        String profile = iam.createInstanceProfile(b -> b.instanceProfileName("web")).instanceProfile().arn();
        // moto launches unknown images as Linux; listing its 1,000+ built-in images would take seconds
        String image = "ami-12345678";
        String windows = ec2.describeImages(b -> b.filters(f -> f.name("platform").values("windows"))).images()
                .getFirst().imageId();
        String server = ec2.runInstances(b -> b.imageId(windows).minCount(1).maxCount(1)).instances().getFirst()
                .instanceId();
        List<String> ids = ec2.runInstances(b -> b.imageId(image).minCount(2).maxCount(2).subnetId(subnet)
                .iamInstanceProfile(p -> p.arn(profile))
                .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE).tags(x -> x.key("Name").value("web"))))
                .instances().stream().map(i -> i.instanceId()).toList();
        ec2.stopInstances(b -> b.instanceIds(ids.get(1)));

        Ec2Inventory inventory = Ec2Collector.inventory(clients, REGION);

        Ec2Instance running = inventory.instance(ids.get(0)).orElseThrow();
        assertThat(running.isRunning()).isTrue();
        assertThat(running.instanceProfileArn()).contains(profile);
        assertThat(running.tags()).containsEntry("Name", "web");
        assertThat(running.platform()).isEmpty();
        assertThat(running.launchTime()).isNotNull();
        assertThat(inventory.instance(ids.get(1)).orElseThrow().state()).isIn("stopping", "stopped");
        assertThat(inventory.instance(server).orElseThrow().platform()).contains("windows");
        assertThat(inventory.networkInterfaceCount(vpc)).isEqualTo(2);
    }

    @Test
    void ebsEncryptionByDefaultStartsOff() {
        assertThat(EbsEncryptionCollector.inventory(clients, REGION).defaults().enabled()).isFalse();
        assertThat(EbsEncryptionCollector.inventory(clients, REGION).defaults().kmsKeyId()).isEmpty();
    }

    @Test
    void resolverQueryLogAssociationsAreReadPerVpc() {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String other = ec2.createVpc(b -> b.cidrBlock("10.41.0.0/16")).vpc().vpcId();
        Route53ResolverClient resolver = clients.build(Route53ResolverClient.builder(), REGION);
        String config = resolver.createResolverQueryLogConfig(b -> b.name("dns").creatorRequestId("seed-1")
                .destinationArn("arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:/dns/queries"))
                .resolverQueryLogConfig().id();
        String association = resolver.associateResolverQueryLogConfig(b -> b.resolverQueryLogConfigId(config)
                .resourceId(vpc)).resolverQueryLogConfigAssociation().id();

        var inventory = QueryLogCollector.inventory(clients, REGION);

        assertThat(inventory.associationsOf(vpc)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(association);
            assertThat(a.configId()).isEqualTo(config);
            assertThat(a.vpcId()).isEqualTo(vpc);
            assertThat(a.status()).isIn("ACTIVE", "CREATING");
            assertThat(a.errorMessage()).isEqualTo(Optional.empty());
        });
        assertThat(inventory.associationsOf(other)).isEmpty();
        assertThat(inventory.associations()).extracting(QueryLogAssociation::id).containsExactly(association);
    }
}
