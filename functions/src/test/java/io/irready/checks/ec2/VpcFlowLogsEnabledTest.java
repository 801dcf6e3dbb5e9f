package io.irready.checks.ec2;

import static io.irready.checks.ec2.Ec2Fixtures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.ec2.Subnet;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VpcFlowLogsEnabledTest {
    private static final String ACCOUNT = "123456789012";
    private static final String VPC_ARN = "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1";
    private static final Vpc VPC = new Vpc("vpc-1", ACCOUNT, false);
    private static final LogsInventory LOGS = LogsInventory.of(List.of(new LogGroup("flow-logs",
            "arn:aws:logs:eu-west-1:123456789012:log-group:flow-logs", Optional.of(365), Optional.empty())));
    private final CheckHarness check = CheckHarness.of(new VpcFlowLogsEnabled());

    private static FlowLog flowLog(String id, String resource, String traffic) {
        return new FlowLog(id, resource, Optional.of(traffic), "ACTIVE", "SUCCESS", Optional.empty(),
                "cloud-watch-logs", Optional.of("flow-logs"),
                Optional.of("arn:aws:logs:eu-west-1:123456789012:log-group:flow-logs"));
    }

    private List<Finding> evaluate(Ec2Inventory ec2, LogsInventory logs, Config config) {
        return check.with(config).findings(inventory()
                .with(Ec2Inventory.class, ec2).with(LogsInventory.class, logs).build());
    }

    private Finding only(Ec2Inventory ec2) {
        return only(ec2, Config.defaults());
    }

    private Finding only(Ec2Inventory ec2, Config config) {
        Finding f = CheckHarness.only(evaluate(ec2, LOGS, config));
        assertThat(f.resourceId()).isEqualTo(VPC_ARN);
        return f;
    }

    private static Ec2Inventory vpcWith(List<Subnet> subnets, List<FlowLog> logs) {
        return Ec2Inventory.of(List.of(VPC), subnets, logs, Map.of(), List.of());
    }

    @Test
    void passesWithAnActiveVpcLevelFlowLogCapturingAll() {
        Finding f = only(vpcWith(List.of(new Subnet("subnet-a", "vpc-1")), List.of(flowLog("fl-1", "vpc-1", "ALL"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo(
                "VPC vpc-1 has active flow log fl-1 capturing ALL traffic to cloud-watch-logs log group flow-logs.");
    }

    @Test
    void anyDestinationTypeCounts() {
        FlowLog toS3 = new FlowLog("fl-s3", "vpc-1", Optional.of("ALL"), "ACTIVE", "SUCCESS", Optional.empty(),
                "s3", Optional.empty(), Optional.of("arn:aws:s3:::flow-bucket"));
        Finding f = only(vpcWith(List.of(), List.of(toS3)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("VPC vpc-1 has active flow log fl-s3 capturing ALL traffic to s3 arn:aws:s3:::flow-bucket.");
    }

    @Test
    void passesWhenSubnetLevelFlowLogsCoverEverySubnet() {
        Finding f = only(vpcWith(List.of(new Subnet("subnet-a", "vpc-1"), new Subnet("subnet-b", "vpc-1")),
                List.of(flowLog("fl-a", "subnet-a", "ALL"), flowLog("fl-b", "subnet-b", "ALL"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("VPC vpc-1 has no VPC-level flow log but active flow logs capturing ALL "
                + "traffic cover all 2 of its subnets.");
    }

    @Test
    void failsWhenASubnetIsNotCovered() {
        Finding f = only(vpcWith(List.of(new Subnet("subnet-a", "vpc-1"), new Subnet("subnet-b", "vpc-1")),
                List.of(flowLog("fl-a", "subnet-a", "ALL"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("VPC vpc-1 has no active, delivering flow log capturing ALL traffic: "
                + "subnet-level flow logs leave subnet-b uncovered. Create a VPC-level flow log with traffic type ALL "
                + "(aws ec2 create-flow-logs --resource-type VPC --resource-ids vpc-1 --traffic-type ALL …).");
    }

    @Test
    void failsWithoutAnyFlowLog() {
        Finding f = only(vpcWith(List.of(new Subnet("subnet-a", "vpc-1")), List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("VPC vpc-1 has no flow log, neither on the VPC nor on its subnets. "
                + "Create a VPC-level flow log with traffic type ALL (aws ec2 create-flow-logs --resource-type VPC "
                + "--resource-ids vpc-1 --traffic-type ALL …).");
    }

    @Test
    void failsNamingTheDeliveryError() {
        FlowLog failing = new FlowLog("fl-1", "vpc-1", Optional.of("ALL"), "ACTIVE", "FAILED",
                Optional.of("Access error"), "cloud-watch-logs", Optional.of("flow-logs"), Optional.empty());
        Finding f = only(vpcWith(List.of(), List.of(failing)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("VPC vpc-1 has no active, delivering flow log capturing ALL traffic: "
                + "flow log fl-1 on vpc-1 fails to deliver (DeliverLogsStatus FAILED: Access error): check the "
                + "delivery role and destination of cloud-watch-logs log group flow-logs. Create");
    }

    @Test
    void failsWhenTheDestinationLogGroupWasDeleted() {
        FlowLog orphan = new FlowLog("fl-1", "vpc-1", Optional.of("ALL"), "ACTIVE", "SUCCESS", Optional.empty(),
                "cloud-watch-logs", Optional.of("deleted-group"),
                Optional.of("arn:aws:logs:eu-west-1:123456789012:log-group:deleted-group"));
        Finding f = only(vpcWith(List.of(), List.of(orphan)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("flow log fl-1 on vpc-1 delivers to log group deleted-group, which does "
                + "not exist (deleted?): recreate it or point the flow log at an existing group");
    }

    @Test
    void aCrossAccountLogGroupIsNotLookedUpHere() {
        FlowLog crossAccount = new FlowLog("fl-1", "vpc-1", Optional.of("ALL"), "ACTIVE", "SUCCESS",
                Optional.empty(), "cloud-watch-logs", Optional.empty(),
                Optional.of("arn:aws:logs:eu-west-1:999999999999:log-group:central-flow-logs"));
        Finding f = only(vpcWith(List.of(), List.of(crossAccount)));
        assertThat(f.status()).isEqualTo(Status.PASS);
    }

    @Test
    void rejectOnlyIsNotEnoughWhenAllIsRequired() {
        Finding f = only(vpcWith(List.of(), List.of(flowLog("fl-1", "vpc-1", "REJECT"))));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("flow log fl-1 on vpc-1 captures only REJECT traffic, not ALL");
    }

    @Test
    void rejectOnlyIsEnoughWhenRejectIsRequiredAndAllCoversIt() {
        Config reject = Config.builder().flowLogTrafficType("REJECT").build();
        assertThat(only(vpcWith(List.of(), List.of(flowLog("fl-1", "vpc-1", "REJECT"))), reject).status())
                .isEqualTo(Status.PASS);
        assertThat(only(vpcWith(List.of(), List.of(flowLog("fl-1", "vpc-1", "ALL"))), reject).status())
                .isEqualTo(Status.PASS);
        assertThat(only(vpcWith(List.of(), List.of(flowLog("fl-1", "vpc-1", "ACCEPT"))), reject).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void anInactiveFlowLogDoesNotCount() {
        FlowLog inactive = new FlowLog("fl-1", "vpc-1", Optional.of("ALL"), "INACTIVE", "SUCCESS", Optional.empty(),
                "s3", Optional.empty(), Optional.of("arn:aws:s3:::b"));
        Finding f = only(vpcWith(List.of(), List.of(inactive)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("flow log fl-1 on vpc-1 is not active (status INACTIVE)");
    }

    @Test
    void aHealthyVpcLevelFlowLogWinsOverABrokenOne() {
        FlowLog failing = new FlowLog("fl-0", "vpc-1", Optional.of("ALL"), "ACTIVE", "FAILED",
                Optional.of("Rate limited"), "cloud-watch-logs", Optional.of("flow-logs"), Optional.empty());
        Finding f = only(vpcWith(List.of(), List.of(failing, flowLog("fl-1", "vpc-1", "ALL"))));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).contains("fl-1");
    }

    @Test
    void vpcWithoutInterfacesIsNotApplicableOnlyWhenConfigured() {
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(VPC), List.of(), List.of(), Map.of("vpc-other", 3), List.of());
        Config skip = Config.builder().skipVpcsWithoutInterfaces(true).build();

        Finding skipped = only(ec2, skip);
        assertThat(skipped.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(skipped.reason()).isEqualTo("VPC vpc-1 has no network interfaces, and VPCs without interfaces "
                + "are skipped by configuration (IRREADY_SKIP_VPCS_WITHOUT_INTERFACES).");
        assertThat(only(ec2, Config.defaults()).status()).isEqualTo(Status.FAIL);
        Ec2Inventory busy = Ec2Inventory.of(List.of(VPC), List.of(), List.of(), Map.of("vpc-1", 2), List.of());
        assertThat(only(busy, skip).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void networkInterfacesAreNotListedForCoveredVpcsNorWhenSkippingIsOff() {
        AtomicInteger interfaceLoads = new AtomicInteger();
        Ec2Inventory ec2 = new Ec2Inventory(() -> List.of(VPC), List::of,
                () -> List.of(flowLog("fl-1", "vpc-1", "ALL")),
                () -> {
                    interfaceLoads.incrementAndGet();
                    return Map.of();
                }, List::of);
        assertThat(only(ec2, Config.builder().skipVpcsWithoutInterfaces(true).build()).status()).isEqualTo(Status.PASS);
        Ec2Inventory uncovered = new Ec2Inventory(() -> List.of(VPC), List::of, List::of, () -> {
            interfaceLoads.incrementAndGet();
            return Map.of();
        }, List::of);
        assertThat(only(uncovered, Config.defaults()).status()).isEqualTo(Status.FAIL);
        assertThat(interfaceLoads).hasValue(0);
    }

    @Test
    void aSharedVpcIsJudgedInItsOwnersAccount() {
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(new Vpc("vpc-9", "999999999999", false)), List.of(), List.of(),
                Map.of(), List.of());
        List<Finding> findings = evaluate(ec2, LOGS, Config.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("arn:aws:ec2:eu-west-1:999999999999:vpc/vpc-9");
            assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(f.reason()).startsWith("VPC vpc-9 is shared with this account by 999999999999");
        });
    }

    @Test
    void listingVpcsDeniedIsOneErrorForTheRegion() {
        Ec2Inventory ec2 = new Ec2Inventory(() -> {
            throw denied("ec2:DescribeVpcs");
        }, List::of, List::of, Map::of, List::of);
        List<Finding> findings = evaluate(ec2, LOGS, Config.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to ec2:DescribeVpcs "
                    + "(UnauthorizedOperation): grant ec2:DescribeVpcs to irready's role: denied");
        });
    }

    @Test
    void flowLogsDeniedIsAnErrorOnEachVpc() {
        Ec2Inventory ec2 = new Ec2Inventory(() -> List.of(VPC, new Vpc("vpc-2", ACCOUNT, true)), List::of, () -> {
            throw denied("ec2:DescribeFlowLogs");
        }, Map::of, List::of);
        List<Finding> findings = evaluate(ec2, LOGS, Config.defaults());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.ERROR, Status.ERROR);
        assertThat(findings.getFirst().reason()).contains("access denied to ec2:DescribeFlowLogs");
    }

    @Test
    void logGroupsDeniedIsAnErrorOnTheVpcThatNeedsThem() {
        LogsInventory deniedLogs = new LogsInventory(() -> {
            throw denied("logs:DescribeLogGroups");
        });
        List<Finding> findings = evaluate(vpcWith(List.of(), List.of(flowLog("fl-1", "vpc-1", "ALL"))), deniedLogs,
                Config.defaults());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceId()).isEqualTo(VPC_ARN);
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).contains("access denied to logs:DescribeLogGroups");
        });
    }

    @Test
    void onlyTheVpcsInScopeAreJudged() {
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(VPC, new Vpc("vpc-2", ACCOUNT, false)), List.of(), List.of(),
                Map.of(), List.of());
        Inventory inventory = inventory()
                .with(Ec2Inventory.class, ec2).with(LogsInventory.class, LOGS).build();
        List<Finding> findings = check.evaluate(inventory,
                Scope.of(Set.of("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-2"))).findings();
        assertThat(findings).extracting(Finding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-2");
    }
}
