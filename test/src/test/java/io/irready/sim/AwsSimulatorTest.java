package io.irready.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.inventory.AwsClients;
import io.irready.inventory.logs.LogsCollector;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The simulator answers the real SDK in each wire format, keeps state, and counts calls. */
class AwsSimulatorTest {
    private final SimulatedAccount account = AccountGenerator.demo();
    private final AwsSimulator sim = start();
    private final AwsClients clients = AwsClients.forEndpoint(sim.endpoint(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1);

    private AwsSimulator start() {
        try {
            return new AwsSimulator(account);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void servesEachProtocolToTheRealSdk() {
        String region = AccountGenerator.DEMO_REGION;
        assertThat(clients.build(StsClient.builder(), region).getCallerIdentity().account())
                .isEqualTo(AccountGenerator.DEMO_ACCOUNT);
        CloudTrailClient cloudTrail = clients.build(CloudTrailClient.builder(), region);
        assertThat(cloudTrail.describeTrails(b -> b.includeShadowTrails(true)).trailList())
                .extracting(t -> t.name()).containsExactly(AccountGenerator.TRAIL);
        assertThat(cloudTrail.getTrailStatus(b -> b.name(AccountGenerator.TRAIL)).isLogging()).isTrue();
        assertThat(LogsCollector.inventory(clients, region).logGroup("/aws/lambda/thumbnailer").orElseThrow()
                .retentionDays()).contains(30);
        Ec2Client ec2 = clients.build(Ec2Client.builder(), region);
        List<String> running = ec2.describeInstancesPaginator(b -> b.maxResults(5)).reservations().stream()
                .map(Reservation::instances).flatMap(List::stream).filter(i -> i.state().nameAsString().equals("running"))
                .map(Instance::instanceId).toList();
        assertThat(running).containsExactly("i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002");
        assertThat(clients.build(RdsClient.builder(), region).describeDBInstances().dbInstances())
                .anySatisfy(db -> assertThat(db.enabledCloudwatchLogsExports()).contains("audit"));
        S3Client s3 = clients.s3(region);
        assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket(AccountGenerator.TRAIL_BUCKET)).rules().get(0)
                .expiration().days()).isEqualTo(400);
    }

    @Test
    void stateChangesShowOnTheWireAndCallsAreCounted() {
        account.stopLogging(AccountGenerator.TRAIL, java.time.Instant.now());
        CloudTrailClient cloudTrail = clients.build(CloudTrailClient.builder(), AccountGenerator.DEMO_REGION);
        assertThat(cloudTrail.getTrailStatus(b -> b.name(AccountGenerator.TRAIL)).isLogging()).isFalse();
        assertThat(sim.calls()).containsEntry("cloudtrail:GetTrailStatus", 1L);
    }

    @Test
    void paginatesScaledAccountsSoCallsGrowWithPages() {
        SimulatedAccount big = AccountGenerator.scaled(600);
        try (AwsSimulator bigSim = new AwsSimulator(big)) {
            AwsClients c = AwsClients.forEndpoint(bigSim.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDEMO", "demo")), 1);
            int groups = LogsCollector.inventory(c, AccountGenerator.DEMO_REGION).logGroups().size();
            assertThat(groups).isEqualTo(big.logGroups.size());
            assertThat(bigSim.calls().get("logs:DescribeLogGroups")).isEqualTo((long) Math.ceil(groups / 50.0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void unimplementedOperationsAnswerAnErrorNamingThem() {
        var ec2 = clients.build(Ec2Client.builder(), AccountGenerator.DEMO_REGION);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ec2.describeVolumes())
                .hasMessageContaining("does not implement ec2:DescribeVolumes");
        assertThat(sim.calls().keySet().stream().collect(Collectors.toList())).contains("ec2:DescribeVolumes");
    }
}
