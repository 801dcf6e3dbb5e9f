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
import io.irready.inventory.ssm.SsmAssociation;
import io.irready.inventory.ssm.SsmAssociation.Target;
import io.irready.inventory.ssm.SsmInventory;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Ec2CloudWatchAgentTest {
    private static final String ARN = "arn:aws:ec2:eu-west-1:123456789012:instance/i-1";
    private static final List<ManagedInstance> MANAGED = List.of(new ManagedInstance("i-1", "Online", Optional.empty()));
    private final CheckHarness check = CheckHarness.of(new Ec2CloudWatchAgent());

    private static Ec2Instance running(Map<String, String> tags) {
        return new Ec2Instance("i-1", "running", Optional.empty(), Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z"), tags);
    }

    private Finding only(Ec2Instance instance, SsmInventory ssm) {
        Finding f = CheckHarness.only(check.findings(inventory().with(Ec2Inventory.class,
                Ec2Inventory.of(List.of(), List.of(), List.of(), Map.of(), List.of(instance)))
                .with(SsmInventory.class, ssm).build()));
        assertThat(f.resourceId()).isEqualTo(ARN);
        return f;
    }

    private static SsmAssociation association(Target... targets) {
        return new SsmAssociation("assoc-1", "AmazonCloudWatch-ManageAgent", Optional.of("cw-agent"),
                Optional.empty(), List.of(targets));
    }

    @Test
    void passesWhenInventoryListsTheAgent() {
        Finding f = only(running(Map.of()), SsmInventory.of(MANAGED, DefaultHostManagement.OFF, Set.of("i-1"),
                Set.of("i-1"), List.of()));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Instance i-1 has the CloudWatch agent installed (SSM inventory lists "
                + "amazon-cloudwatch-agent).");
    }

    @Test
    void passesWhenAnAssociationTargetsItByTag() {
        Finding f = only(running(Map.of("Env", "prod")), SsmInventory.of(MANAGED, DefaultHostManagement.OFF, Set.of(),
                Set.of(), List.of(association(new Target("tag:Env", List.of("staging", "prod"))))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Instance i-1 has its CloudWatch agent managed by State Manager association "
                + "cw-agent (assoc-1) of AmazonCloudWatch-ManageAgent.");
    }

    @Test
    void associationTargetsResolveByInstanceIdWildcardTagKeyAndAllTargetsTogether() {
        Map<String, String> tags = Map.of("Env", "prod", "Team", "web");
        assertThat(association(new Target("InstanceIds", List.of("*"))).targets("i-1", tags)).isTrue();
        assertThat(association(new Target("InstanceIds", List.of("i-2", "i-1"))).targets("i-1", tags)).isTrue();
        assertThat(association(new Target("InstanceIds", List.of("i-2"))).targets("i-1", tags)).isFalse();
        assertThat(association(new Target("tag-key", List.of("Team"))).targets("i-1", tags)).isTrue();
        assertThat(association(new Target("tag:Env", List.of("dev"))).targets("i-1", tags)).isFalse();
        assertThat(association(new Target("tag:Env", List.of("prod")), new Target("tag:Team", List.of("db")))
                .targets("i-1", tags)).isFalse();
        assertThat(association(new Target("resource-groups:Name", List.of("web"))).targets("i-1", tags)).isFalse();
        assertThat(new SsmAssociation("a", "AmazonCloudWatch-ManageAgent", Optional.empty(), Optional.of("i-1"),
                List.of()).targets("i-1", tags)).isTrue();
    }

    @Test
    void notSsmManagedIsItsOwnReason() {
        Finding f = only(running(Map.of()), SsmInventory.of(List.of(), DefaultHostManagement.OFF, Set.of(), Set.of(),
                List.of(association(new Target("InstanceIds", List.of("*"))))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 is not an SSM managed instance, so neither SSM inventory nor "
                + "an AmazonCloudWatch-ManageAgent association can show or manage its CloudWatch agent: make it "
                + "managed first (see ec2-ssm-managed).");
    }

    @Test
    void noInventoryDataIsItsOwnReason() {
        Finding f = only(running(Map.of()), SsmInventory.of(MANAGED, DefaultHostManagement.OFF, Set.of(), Set.of(),
                List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 has no SSM inventory data, so irready cannot see whether the "
                + "CloudWatch agent is installed: enable inventory collection (AWS-GatherSoftwareInventory), or "
                + "manage the agent with an AmazonCloudWatch-ManageAgent association.");
    }

    @Test
    void inventoryWithoutTheAgentFailsAndNamesUnresolvedResourceGroupTargets() {
        Finding f = only(running(Map.of()), SsmInventory.of(MANAGED, DefaultHostManagement.OFF, Set.of(), Set.of("i-1"),
                List.of(association(new Target("resource-groups:Name", List.of("web"))))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Instance i-1 does not have the CloudWatch agent: its SSM inventory lists "
                + "no amazon-cloudwatch-agent and no AmazonCloudWatch-ManageAgent association targets it. Install it "
                + "(AWS-ConfigureAWSPackage, name AmazonCloudWatchAgent) and manage it with an association. "
                + "(Not resolved: association cw-agent (assoc-1) targets resource groups, which irready does not "
                + "expand.)");
    }

    @Test
    void stoppedInstanceIsNotApplicable() {
        Ec2Instance stopped = new Ec2Instance("i-1", "stopped", Optional.empty(), Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z"), Map.of());
        Finding f = only(stopped, SsmInventory.of(List.of(), DefaultHostManagement.OFF, Set.of(), Set.of(), List.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Instance i-1 is stopped; it is judged again when it runs.");
    }

    @Test
    void laterListingsAreOnlyLoadedWhenEarlierOnesDidNotDecide() {
        AtomicInteger associationLoads = new AtomicInteger();
        AtomicInteger inventoryDataLoads = new AtomicInteger();
        SsmInventory ssm = new SsmInventory(() -> MANAGED, () -> DefaultHostManagement.OFF, () -> Set.of("i-1"),
                () -> {
                    inventoryDataLoads.incrementAndGet();
                    return Set.of();
                }, () -> {
                    associationLoads.incrementAndGet();
                    return List.of();
                });
        assertThat(only(running(Map.of()), ssm).status()).isEqualTo(Status.PASS);
        assertThat(associationLoads).hasValue(0);
        assertThat(inventoryDataLoads).hasValue(0);
    }

    @Test
    void getInventoryDeniedIsAnErrorNamingIt() {
        SsmInventory ssm = new SsmInventory(() -> MANAGED, () -> DefaultHostManagement.OFF, () -> {
            throw denied("ssm:GetInventory");
        }, Set::of, List::of);
        Finding f = only(running(Map.of()), ssm);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to ssm:GetInventory (UnauthorizedOperation)"
                + ": grant ssm:GetInventory to irready's role: denied");
    }

    @Test
    void listAssociationsDeniedIsAnErrorNamingIt() {
        SsmInventory ssm = new SsmInventory(() -> MANAGED, () -> DefaultHostManagement.OFF, Set::of, Set::of, () -> {
            throw denied("ssm:ListAssociations");
        });
        Finding f = only(running(Map.of()), ssm);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).contains("access denied to ssm:ListAssociations");
    }
}
