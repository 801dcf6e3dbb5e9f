package io.irready.sim;

import static io.irready.sim.Reply.esc;

import io.irready.sim.SimulatedAccount.FlowLog;
import io.irready.sim.SimulatedAccount.Instance;
import io.irready.sim.SimulatedAccount.Subnet;
import io.irready.sim.SimulatedAccount.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** EC2's own query protocol: XML without a …Result wrapper, {@code nextToken} pagination, item sets. */
final class Ec2Service {
    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private final SimulatedAccount a;

    Ec2Service(SimulatedAccount account) {
        this.a = account;
    }

    Reply serve(AwsRequest r) {
        if (!"ec2".equals(r.service())) {
            return null;
        }
        return switch (r.action()) {
            case "DescribeVpcs" -> paged(r, "DescribeVpcs", "vpcSet", filter(a.vpcs, r, "vpc-id", Vpc::id), v ->
                    "<vpcId>" + v.id() + "</vpcId><cidrBlock>" + v.cidr() + "</cidrBlock><state>available</state>"
                            + "<ownerId>" + a.account + "</ownerId><isDefault>false</isDefault>");
            case "DescribeSubnets" -> paged(r, "DescribeSubnets", "subnetSet", filter(a.subnets, r, "vpc-id", Subnet::vpcId), s ->
                    "<subnetId>" + s.id() + "</subnetId><vpcId>" + s.vpcId() + "</vpcId><state>available</state>");
            case "DescribeFlowLogs" -> paged(r, "DescribeFlowLogs", "flowLogSet", filter(a.flowLogs, r, "resource-id",
                    FlowLog::resourceId), this::flowLog);
            case "DescribeInstances" -> describeInstances(r);
            case "DescribeNetworkInterfaces" -> paged(r, "DescribeNetworkInterfaces", "networkInterfaceSet",
                    List.<String>of(), id -> "");
            case "GetEbsEncryptionByDefault" -> Reply.xml("<GetEbsEncryptionByDefaultResponse xmlns=\"" + NS
                    + "\"><requestId>sim</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault>"
                    + "</GetEbsEncryptionByDefaultResponse>");
            case "GetEbsDefaultKmsKeyId" -> Reply.xml("<GetEbsDefaultKmsKeyIdResponse xmlns=\"" + NS
                    + "\"><requestId>sim</requestId><kmsKeyId>" + a.keyArn("ebs-default") + "</kmsKeyId>"
                    + "</GetEbsDefaultKmsKeyIdResponse>");
            case "DescribeRegions" -> Reply.xml("<DescribeRegionsResponse xmlns=\"" + NS + "\"><requestId>sim</requestId>"
                    + "<regionInfo><item><regionName>" + a.region + "</regionName><regionEndpoint>ec2." + a.region
                    + ".amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item></regionInfo>"
                    + "</DescribeRegionsResponse>");
            default -> null;
        };
    }

    private String flowLog(FlowLog f) {
        return "<flowLogId>" + f.id() + "</flowLogId><resourceId>" + f.resourceId() + "</resourceId><trafficType>"
                + f.trafficType() + "</trafficType><flowLogStatus>ACTIVE</flowLogStatus><deliverLogsStatus>"
                + f.deliverStatus() + "</deliverLogsStatus><logDestinationType>cloud-watch-logs</logDestinationType>"
                + "<logGroupName>" + esc(f.logGroupName()) + "</logGroupName><logDestination>"
                + a.arn("logs", "log-group:" + esc(f.logGroupName())) + "</logDestination>";
    }

    /** Applies an EC2 {@code Filter.N.Name/Value.M} filter on one attribute, if the request has it. */
    private static <T> List<T> filter(List<T> all, AwsRequest r, String name, Function<T, String> attribute) {
        Map<String, String> form = r.form();
        for (int i = 1; form.containsKey("Filter." + i + ".Name"); i++) {
            if (name.equals(form.get("Filter." + i + ".Name"))) {
                List<String> values = r.list("Filter." + i + ".Value");
                return all.stream().filter(t -> values.contains(attribute.apply(t))).toList();
            }
        }
        return all;
    }

    private <T> Reply paged(AwsRequest r, String op, String set, List<T> all, Function<T, String> item) {
        int size = Integer.parseInt(r.form().getOrDefault("MaxResults", "1000"));
        Pages<T> page = Pages.of(all, r.form().get("NextToken"), size);
        StringBuilder xml = new StringBuilder("<" + op + "Response xmlns=\"" + NS + "\"><requestId>sim</requestId><" + set + ">");
        page.items().forEach(t -> xml.append("<item>").append(item.apply(t)).append("</item>"));
        xml.append("</").append(set).append(">");
        if (page.nextToken() != null) {
            xml.append("<nextToken>").append(page.nextToken()).append("</nextToken>");
        }
        return Reply.xml(xml.append("</").append(op).append("Response>").toString());
    }

    private Reply describeInstances(AwsRequest r) {
        List<String> ids = r.list("InstanceId");
        List<Instance> all = new ArrayList<>(filter(a.instances, r, "instance-id", Instance::id));
        if (!ids.isEmpty()) {
            all.removeIf(i -> !ids.contains(i.id()));
        }
        int size = Integer.parseInt(r.form().getOrDefault("MaxResults", "1000"));
        Pages<Instance> page = Pages.of(all, r.form().get("NextToken"), size);
        StringBuilder xml = new StringBuilder("<DescribeInstancesResponse xmlns=\"" + NS
                + "\"><requestId>sim</requestId><reservationSet>");
        for (Instance i : page.items()) {
            xml.append("<item><reservationId>r-").append(i.id()).append("</reservationId><ownerId>").append(a.account)
                    .append("</ownerId><instancesSet><item><instanceId>").append(i.id()).append("</instanceId>")
                    .append("<instanceType>t3.micro</instanceType><instanceState><code>")
                    .append("running".equals(i.state()) ? 16 : 80).append("</code><name>").append(i.state())
                    .append("</name></instanceState><launchTime>2026-11-01T00:00:00.000Z</launchTime>");
            if (i.instanceProfileArn() != null) {
                xml.append("<iamInstanceProfile><arn>").append(i.instanceProfileArn()).append("</arn><id>AIPADEMO</id>"
                        + "</iamInstanceProfile>");
            }
            xml.append("<tagSet>");
            i.tags().forEach((k, v) -> xml.append("<item><key>").append(esc(k)).append("</key><value>").append(esc(v))
                    .append("</value></item>"));
            xml.append("</tagSet></item></instancesSet></item>");
        }
        xml.append("</reservationSet>");
        if (page.nextToken() != null) {
            xml.append("<nextToken>").append(page.nextToken()).append("</nextToken>");
        }
        return Reply.xml(xml.append("</DescribeInstancesResponse>").toString());
    }
}
