package io.irready.checks.ec2;

import static io.irready.checks.ec2.Ec2Fixtures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.ec2.Ec2Instance;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ssm.DefaultHostManagement;
import io.irready.inventory.ssm.ManagedInstance;
import io.irready.inventory.ssm.SsmInventory;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Ec2SsmManagedTest {
    private static final String ARN = "arn:aws:ec2:eu-west-1:123456789012:instance/i-1";
    private static final String PROFILE = "arn:aws:iam::123456789012:instance-profile/web";
    private final CheckHarness check = CheckHarness.of(new Ec2SsmManaged());

    private static Ec2Instance instance(String id, String state, Optional<String> profile) {
        return new Ec2Instance(id, state, profile, Optional.empty(), Instant.parse("2025-01-01T00:00:00Z"), Map.of());
    }

    private List<Finding> evaluate(Ec2Inventory ec2, SsmInventory ssm) {
        return check.findings(inventory().with(Ec2Inventory.class, ec2).with(SsmInventory.class, ssm).build());
    }

    private Finding only(Ec2Instance instance, SsmInventory ssm) {
        Finding f = CheckHarness.only(
                evaluate(Ec2Inventory.of(List.of(), List.of(), List.of(), Map.of(), List.of(instance)), ssm));
        assertThat(f.resourceId()).isEqualTo(ARN);
        return f;
    }

    private static SsmInventory ssm(List<ManagedInstance> managed, DefaultHostManagement dhmc) {
        return SsmInventory.of(managed, dhmc, Set.of(), Set.of(), List.of());
    }

    @Test
    void passesForAnOnlineManagedInstance() {
        Finding f = only(instance("i-1", "running", Optional.of(PROFILE)),
                ssm(List.of(new ManagedInstance("i-1", "Online", Optional.of("3.3.1142.0"))), DefaultHostManagement.OFF));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Instance i-1 is an online SSM managed instance (agent 3.3.1142.0).");
    }

    @Test
    void failsWithThePingStatusWhenTheConnectionIsLost() {
        Finding f = only(instance("i-1", "running", Optional.of(PROFILE)),
                ssm(List.of(new ManagedInstance("i-1", "ConnectionLost", Optional.empty())), DefaultHostManagement.OFF));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 is registered with SSM but not online (PingStatus "
                + "ConnectionLost): check that the SSM agent runs and can reach the ssm, ssmmessages and ec2messages "
                + "endpoints.");
    }

    @Test
    void anInstanceWithoutProfileInARegionWithoutDhmcGetsThatReason() {
        Finding f = only(instance("i-1", "running", Optional.empty()), ssm(List.of(), DefaultHostManagement.OFF));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 is not an SSM managed instance: it has no instance profile "
                + "and Default Host Management Configuration is off in eu-west-1. Enable DHMC or attach an instance "
                + "profile with AmazonSSMManagedInstanceCore.");
    }

    @Test
    void anInstanceWithoutProfileUnderDhmcPointsAtTheAgent() {
        Finding f = only(instance("i-1", "running", Optional.empty()), ssm(List.of(),
                DefaultHostManagement.fromSettingValue("service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("Instance i-1 is not an SSM managed instance although Default Host "
                + "Management Configuration is on (role service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole)");
    }

    @Test
    void anInstanceWithAProfileButNotManagedNamesTheProfile() {
        Finding f = only(instance("i-1", "running", Optional.of(PROFILE)), ssm(List.of(), DefaultHostManagement.OFF));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 is not an SSM managed instance although it has instance "
                + "profile arn:aws:iam::123456789012:instance-profile/web: the profile's role lacks "
                + "AmazonSSMManagedInstanceCore, or the SSM agent is not running or cannot reach the SSM endpoints.");
    }

    @Test
    void stoppedAndTerminatedInstancesAreNotApplicableWithoutAnySsmCall() {
        AtomicInteger ssmLoads = new AtomicInteger();
        SsmInventory counting = new SsmInventory(() -> {
            ssmLoads.incrementAndGet();
            return List.of();
        }, () -> {
            ssmLoads.incrementAndGet();
            return DefaultHostManagement.OFF;
        }, Set::of, Set::of, List::of);
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(), List.of(), List.of(), Map.of(), List.of(
                instance("i-1", "stopped", Optional.empty()), instance("i-2", "terminated", Optional.empty()),
                instance("i-3", "stopping", Optional.empty()), instance("i-4", "shutting-down", Optional.empty()),
                instance("i-5", "pending", Optional.empty())));

        List<Finding> findings = evaluate(ec2, counting);

        assertThat(findings).extracting(Finding::status).containsOnly(Status.NOT_APPLICABLE);
        assertThat(findings).extracting(Finding::reason).containsExactly(
                "Instance i-1 is stopped; it is judged again when it runs.",
                "Instance i-2 is terminated.",
                "Instance i-3 is stopping; it is judged again when it runs.",
                "Instance i-4 is shutting-down.",
                "Instance i-5 is starting (pending); it is judged once it runs.");
        assertThat(ssmLoads).hasValue(0);
    }

    @Test
    void dhmcIsOnlyReadForInstancesWithoutAProfile() {
        AtomicInteger dhmcLoads = new AtomicInteger();
        SsmInventory counting = new SsmInventory(List::of, () -> {
            dhmcLoads.incrementAndGet();
            throw denied("ssm:GetServiceSetting");
        }, Set::of, Set::of, List::of);
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(), List.of(), List.of(), Map.of(), List.of(
                instance("i-1", "running", Optional.of(PROFILE)), instance("i-2", "running", Optional.empty()),
                instance("i-3", "running", Optional.empty())));

        List<Finding> findings = evaluate(ec2, counting);

        assertThat(findings).extracting(Finding::status).containsExactly(Status.FAIL, Status.ERROR, Status.ERROR);
        assertThat(findings.get(1).reason()).isEqualTo("Could not evaluate: access denied to ssm:GetServiceSetting "
                + "(UnauthorizedOperation): grant ssm:GetServiceSetting to irready's role: denied");
        assertThat(dhmcLoads).hasValue(1);
    }

    @Test
    void describeInstancesDeniedIsOneRegionError() {
        Ec2Inventory ec2 = new Ec2Inventory(List::of, List::of, List::of, Map::of, () -> {
            throw denied("ec2:DescribeInstances");
        });
        List<Finding> findings = evaluate(ec2, ssm(List.of(), DefaultHostManagement.OFF));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).contains("access denied to ec2:DescribeInstances");
        });
    }

    @Test
    void describeInstanceInformationDeniedIsAnErrorPerRunningInstance() {
        SsmInventory deniedSsm = new SsmInventory(() -> {
            throw denied("ssm:DescribeInstanceInformation");
        }, () -> DefaultHostManagement.OFF, Set::of, Set::of, List::of);
        Finding f = only(instance("i-1", "running", Optional.of(PROFILE)), deniedSsm);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to ssm:DescribeInstanceInformation "
                + "(UnauthorizedOperation): grant ssm:DescribeInstanceInformation to irready's role: denied");
    }
}
