package io.irready.sim;

import static io.irready.sim.Reply.esc;

import io.irready.sim.SimulatedAccount.DbCluster;
import io.irready.sim.SimulatedAccount.DbInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The AWS query-protocol services: STS, IAM (policy simulation), RDS, SNS (publishes are recorded). */
final class QueryServices {
    private final SimulatedAccount a;
    /** Every SNS Publish received: its form parameters (Message, MessageStructure, attributes …). */
    final List<Map<String, String>> published = new CopyOnWriteArrayList<>();
    private final ElbService elb;

    QueryServices(SimulatedAccount account) {
        this.a = account;
        this.elb = new ElbService(account);
    }

    Reply serve(AwsRequest r) {
        if ("elasticloadbalancing".equals(r.service())) {
            return elb.serve(r);
        }
        return switch (r.service() + ":" + r.action()) {
            case "sts:GetCallerIdentity" -> Reply.xml("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + a.account + ":user/demo</Arn><UserId>AIDADEMO</UserId>"
                    + "<Account>" + a.account + "</Account></GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            case "iam:SimulatePrincipalPolicy" -> simulate(r);
            case "rds:DescribeDBInstances" -> dbInstances(r);
            case "rds:DescribeDBClusters" -> dbClusters(r);
            case "sns:Publish" -> publish(r);
            default -> null;
        };
    }

    private Reply simulate(AwsRequest r) {
        String role = r.form().getOrDefault("PolicySourceArn", "");
        Set<String> denies = a.roleDenies.getOrDefault(role, Set.of());
        List<String> actions = r.list("ActionNames.member");
        List<String> resources = r.list("ResourceArns.member");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        StringBuilder xml = new StringBuilder("<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>");
        for (String action : actions) {
            String decision = denies.contains(action) ? "explicitDeny" : "allowed";
            xml.append("<member><EvalActionName>").append(esc(action)).append("</EvalActionName>")
                    .append("<EvalResourceName>").append(esc(resources.get(0))).append("</EvalResourceName>")
                    .append("<EvalDecision>").append(decision).append("</EvalDecision>")
                    .append("<MatchedStatements/><MissingContextValues/><ResourceSpecificResults>");
            for (String resource : resources) {
                xml.append("<member><EvalResourceName>").append(esc(resource)).append("</EvalResourceName>")
                        .append("<EvalResourceDecision>").append(decision).append("</EvalResourceDecision></member>");
            }
            xml.append("</ResourceSpecificResults></member>");
        }
        xml.append("</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>sim</RequestId>"
                + "</ResponseMetadata></SimulatePrincipalPolicyResponse>");
        return Reply.xml(xml.toString());
    }

    private static String members(List<String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append("<member>").append(esc(v)).append("</member>"));
        return sb.toString();
    }

    private Reply dbInstances(AwsRequest r) {
        String only = r.form().get("DBInstanceIdentifier");
        List<DbInstance> all = a.dbInstances.stream().filter(d -> only == null || d.id().equals(only)).toList();
        if (only != null && all.isEmpty()) {
            return Reply.queryError(404, "DBInstanceNotFound", "DBInstance " + only + " not found.");
        }
        Pages<DbInstance> page = Pages.of(all, r.form().get("Marker"), 100);
        StringBuilder xml = new StringBuilder("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeDBInstancesResult><DBInstances>");
        for (DbInstance d : page.items()) {
            xml.append("<DBInstance><DBInstanceIdentifier>").append(esc(d.id())).append("</DBInstanceIdentifier>")
                    .append("<DBInstanceArn>").append(a.arn("rds", "db:" + d.id())).append("</DBInstanceArn>")
                    .append("<Engine>").append(d.engine()).append("</Engine><DBInstanceStatus>available</DBInstanceStatus>")
                    .append("<EnabledCloudwatchLogsExports>").append(members(d.exports())).append("</EnabledCloudwatchLogsExports>");
            if (d.clusterId() != null) {
                xml.append("<DBClusterIdentifier>").append(esc(d.clusterId())).append("</DBClusterIdentifier>");
            }
            xml.append("<PendingModifiedValues>");
            if (!d.pendingDisable().isEmpty()) {
                xml.append("<PendingCloudwatchLogsExports><LogTypesToDisable>").append(members(d.pendingDisable()))
                        .append("</LogTypesToDisable></PendingCloudwatchLogsExports>");
            }
            xml.append("</PendingModifiedValues></DBInstance>");
        }
        xml.append("</DBInstances>");
        if (page.nextToken() != null) {
            xml.append("<Marker>").append(page.nextToken()).append("</Marker>");
        }
        xml.append("</DescribeDBInstancesResult><ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata>"
                + "</DescribeDBInstancesResponse>");
        return Reply.xml(xml.toString());
    }

    private Reply dbClusters(AwsRequest r) {
        String only = r.form().get("DBClusterIdentifier");
        List<DbCluster> all = a.dbClusters.stream().filter(d -> only == null || d.id().equals(only)).toList();
        Pages<DbCluster> page = Pages.of(all, r.form().get("Marker"), 100);
        StringBuilder xml = new StringBuilder("<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
                + "<DescribeDBClustersResult><DBClusters>");
        for (DbCluster c : page.items()) {
            xml.append("<DBCluster><DBClusterIdentifier>").append(esc(c.id())).append("</DBClusterIdentifier>")
                    .append("<DBClusterArn>").append(a.arn("rds", "cluster:" + c.id())).append("</DBClusterArn>")
                    .append("<Engine>").append(c.engine()).append("</Engine><Status>available</Status>")
                    .append("<EnabledCloudwatchLogsExports>").append(members(c.exports()))
                    .append("</EnabledCloudwatchLogsExports><PendingModifiedValues/></DBCluster>");
        }
        xml.append("</DBClusters>");
        if (page.nextToken() != null) {
            xml.append("<Marker>").append(page.nextToken()).append("</Marker>");
        }
        xml.append("</DescribeDBClustersResult><ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata>"
                + "</DescribeDBClustersResponse>");
        return Reply.xml(xml.toString());
    }

    private Reply publish(AwsRequest r) {
        published.add(Collections.unmodifiableMap(r.form()));
        return Reply.xml("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>sim-" + published.size() + "</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>sim</RequestId></ResponseMetadata></PublishResponse>");
    }

    List<Map<String, String>> published() {
        return new ArrayList<>(published);
    }
}
