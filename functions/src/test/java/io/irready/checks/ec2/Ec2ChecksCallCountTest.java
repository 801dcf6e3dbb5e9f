package io.irready.checks.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.irready.checks.Catalog;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.testing.AwsWire;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full-region evaluation of the three EC2 checks over a generated account of N VPCs and N
 * instances, served page by page the way AWS pages: the number of AWS calls must follow the
 * number of result pages, never the number of resources (no call per VPC or per instance).
 */
class Ec2ChecksCallCountTest {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private static final List<String> CHECKS = List.of(VpcFlowLogsEnabled.ID, Ec2SsmManaged.ID, Ec2CloudWatchAgent.ID);
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void fiveOrFiveHundredResourcesOnOnePageEachCostTheSameCalls() {
        Map<String, Integer> small = evaluateAccount(5, 1000, 1000);
        aws.server().resetAll();
        Map<String, Integer> large = evaluateAccount(500, 1000, 1000);

        assertThat(large).isEqualTo(small);
        assertThat(total(large)).isEqualTo(11);
    }

    @Test
    void callsGrowWithResultPagesNotResources() {
        int n = 500;
        Map<String, Integer> calls = evaluateAccount(n, 100, 50);

        // EC2 pages of 100, SSM pages of 50, one call for the DHMC setting and one for log groups.
        Map<String, Integer> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("DescribeVpcs", pages(n, 100)),
                Map.entry("DescribeSubnets", pages(2 * n, 100)),
                Map.entry("DescribeFlowLogs", pages(count(n, k -> k % 4 == 0) + 2 * count(n, k -> k % 4 == 1), 100)),
                Map.entry("DescribeNetworkInterfaces", pages(count(n, k -> k % 4 == 2), 100)),
                Map.entry("DescribeInstances", pages(n, 100)),
                Map.entry("AmazonSSM.DescribeInstanceInformation", pages(count(n, k -> k % 5 != 3), 50)),
                Map.entry("AmazonSSM.GetServiceSetting", 1),
                Map.entry("AmazonSSM.GetInventory", pages(count(n, k -> k % 3 == 1), 50)
                        + pages(count(n, k -> k % 3 != 1), 50)),
                Map.entry("AmazonSSM.ListAssociations", 1),
                Map.entry("Logs_20140328.DescribeLogGroups", 1)));
        assertThat(calls).isEqualTo(expected);
        assertThat(total(calls)).isEqualTo(48).isLessThan(n / 10);
    }

    private static int pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    private static int count(int n, IntPredicate which) {
        return (int) IntStream.range(0, n).filter(which).count();
    }

    private static int total(Map<String, Integer> calls) {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Stubs an account of {@code n} VPCs (a quarter each: VPC-level flow log, subnet-level flow logs,
     * no flow log but interfaces, nothing at all) and {@code n} running instances (varied profiles,
     * SSM registration, agent inventory and tags), evaluates the three checks over the region and
     * returns the calls made per action.
     */
    private Map<String, Integer> evaluateAccount(int n, int ec2PageSize, int ssmPageSize) {
        List<String> vpcs = new ArrayList<>();
        List<String> subnets = new ArrayList<>();
        List<String> flowLogs = new ArrayList<>();
        List<String> interfaces = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            vpcs.add("<item><vpcId>vpc-" + k + "</vpcId><ownerId>" + AwsWire.ACCOUNT + "</ownerId>"
                    + "<isDefault>false</isDefault></item>");
            subnets.add("<item><subnetId>subnet-" + k + "a</subnetId><vpcId>vpc-" + k + "</vpcId></item>");
            subnets.add("<item><subnetId>subnet-" + k + "b</subnetId><vpcId>vpc-" + k + "</vpcId></item>");
            switch (k % 4) {
                case 0 -> flowLogs.add(flowLog("fl-" + k, "vpc-" + k));
                case 1 -> {
                    flowLogs.add(flowLog("fl-" + k + "a", "subnet-" + k + "a"));
                    flowLogs.add(flowLog("fl-" + k + "b", "subnet-" + k + "b"));
                }
                case 2 -> interfaces.add("<item><networkInterfaceId>eni-" + k + "</networkInterfaceId><vpcId>vpc-"
                        + k + "</vpcId></item>");
                default -> {
                }
            }
        }
        ec2Pages("DescribeVpcs", "vpcSet", vpcs, ec2PageSize);
        ec2Pages("DescribeSubnets", "subnetSet", subnets, ec2PageSize);
        ec2Pages("DescribeFlowLogs", "flowLogSet", flowLogs, ec2PageSize);
        ec2Pages("DescribeNetworkInterfaces", "networkInterfaceSet", interfaces, ec2PageSize);

        List<String> reservations = new ArrayList<>();
        List<String> managed = new ArrayList<>();
        List<String> withAgent = new ArrayList<>();
        List<String> withInventory = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            reservations.add("<item><reservationId>r-" + k + "</reservationId><instancesSet><item><instanceId>i-" + k
                    + "</instanceId><instanceState><code>16</code><name>running</name></instanceState>"
                    + "<launchTime>2025-01-01T00:00:00.000Z</launchTime>"
                    + (k % 2 == 0 ? "<iamInstanceProfile><arn>arn:aws:iam::123456789012:instance-profile/p</arn>"
                    + "</iamInstanceProfile>" : "")
                    + (k % 3 == 0 ? "<tagSet><item><key>Env</key><value>prod</value></item></tagSet>" : "")
                    + "</item></instancesSet></item>");
            if (k % 5 != 3) {
                managed.add("{\"InstanceId\":\"i-" + k + "\",\"PingStatus\":\"Online\"}");
            }
            if (k % 3 == 1) {
                withAgent.add("{\"Id\":\"i-" + k + "\",\"Data\":{}}");
            } else {
                withInventory.add("{\"Id\":\"i-" + k + "\",\"Data\":{\"AWS:InstanceInformation\":{\"TypeName\":"
                        + "\"AWS:InstanceInformation\",\"Content\":[{\"InstanceId\":\"i-" + k + "\"}]}}}");
            }
        }
        ec2Pages("DescribeInstances", "reservationSet", reservations, ec2PageSize);
        ssmPages("AmazonSSM.DescribeInstanceInformation", "InstanceInformationList", managed, ssmPageSize,
                UnaryOperator.identity());
        ssmPages("AmazonSSM.GetInventory", "Entities", withAgent, ssmPageSize,
                m -> m.withRequestBody(matchingJsonPath("$.Filters")));
        ssmPages("AmazonSSM.GetInventory", "Entities", withInventory, ssmPageSize,
                m -> m.withRequestBody(matchingJsonPath("$.ResultAttributes")));
        ssmPages("AmazonSSM.ListAssociations", "Associations", List.of("""
                {"Name":"AmazonCloudWatch-ManageAgent","AssociationId":"a-1","Targets":[{"Key":"tag:Env","Values":["prod"]}]}"""),
                ssmPageSize, UnaryOperator.identity());
        aws.stub(jsonCall("AmazonSSM.GetServiceSetting").willReturn(json(
                "{\"ServiceSetting\":{\"SettingId\":\"/ssm/managed-instance/default-ec2-instance-management-role\","
                        + "\"SettingValue\":\"$None\"}}")));
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(json(
                "{\"logGroups\":[{\"logGroupName\":\"flow-logs\",\"arn\":"
                        + "\"arn:aws:logs:eu-west-1:123456789012:log-group:flow-logs:*\",\"retentionInDays\":365}]}")));

        Evaluation evaluation = CheckHarness.of(Catalog.registry(), CHECKS)
                .with(Config.builder().skipVpcsWithoutInterfaces(true).build())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION));

        assertThat(evaluation.completeChecks()).containsExactlyElementsOf(CHECKS);
        assertThat(evaluation.findings()).hasSize(3 * n)
                .extracting(Finding::status).doesNotContain(Status.ERROR);
        Map<Status, Long> vpcStatuses = evaluation.findings().stream()
                .filter(f -> f.checkId().equals(VpcFlowLogsEnabled.ID))
                .collect(Collectors.groupingBy(Finding::status, Collectors.counting()));
        assertThat(vpcStatuses.get(Status.PASS)).isEqualTo((n + 3) / 4 + (n + 2) / 4);
        assertThat(aws.server().findAllUnmatchedRequests()).isEmpty();
        return callsPerAction();
    }

    private Map<String, Integer> callsPerAction() {
        Map<String, Integer> calls = new TreeMap<>();
        for (ServeEvent event : aws.server().getAllServeEvents()) {
            String target = event.getRequest().getHeader("X-Amz-Target");
            String action = target != null && !target.isEmpty() ? target
                    : event.getRequest().getBodyAsString().replaceAll("^Action=([A-Za-z]+).*$", "$1");
            calls.merge(action, 1, Integer::sum);
        }
        return calls;
    }

    private static String flowLog(String id, String resource) {
        return "<item><flowLogId>" + id + "</flowLogId><resourceId>" + resource + "</resourceId>"
                + "<trafficType>ALL</trafficType><flowLogStatus>ACTIVE</flowLogStatus>"
                + "<deliverLogsStatus>SUCCESS</deliverLogsStatus><logDestinationType>cloud-watch-logs"
                + "</logDestinationType><logGroupName>flow-logs</logGroupName></item>";
    }

    /** Serves {@code items} in pages of {@code pageSize}, chained by nextToken, EC2-style. */
    private void ec2Pages(String action, String setName, List<String> items, int pageSize) {
        List<List<String>> pages = split(items, pageSize);
        for (int p = 0; p < pages.size(); p++) {
            MappingBuilder call = queryCall(action).withRequestBody(p == 0 ? notContaining("NextToken")
                    : containing("NextToken=" + action + "-" + p + "-end"));
            String next = p + 1 < pages.size() ? "<nextToken>" + action + "-" + (p + 1) + "-end</nextToken>" : "";
            aws.stub(call.willReturn(xml("<" + action + "Response " + NS + "><requestId>r</requestId><" + setName + ">"
                    + String.join("", pages.get(p)) + "</" + setName + ">" + next + "</" + action + "Response>")));
        }
    }

    /** Serves {@code items} in pages of {@code pageSize}, chained by NextToken, JSON 1.1-style. */
    private void ssmPages(String target, String listName, List<String> items, int pageSize,
                          UnaryOperator<MappingBuilder> refine) {
        List<List<String>> pages = split(items, pageSize);
        String prefix = target + "-" + listName + "-" + items.hashCode();
        for (int p = 0; p < pages.size(); p++) {
            MappingBuilder call = refine.apply(jsonCall(target)).withRequestBody(p == 0 ? notContaining("NextToken")
                    : containing("\"NextToken\":\"" + prefix + "-" + p + "-end\""));
            String next = p + 1 < pages.size() ? ",\"NextToken\":\"" + prefix + "-" + (p + 1) + "-end\"" : "";
            aws.stub(call.willReturn(json("{\"" + listName + "\":[" + String.join(",", pages.get(p)) + "]" + next + "}")));
        }
    }

    private static List<List<String>> split(List<String> items, int pageSize) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        return IntStream.range(0, (items.size() + pageSize - 1) / pageSize)
                .mapToObj(p -> items.subList(p * pageSize, Math.min(items.size(), (p + 1) * pageSize))).toList();
    }
}
