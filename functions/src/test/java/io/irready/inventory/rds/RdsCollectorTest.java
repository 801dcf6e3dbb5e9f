package io.irready.inventory.rds;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AwsCallFailedException;
import io.irready.testing.AwsWire;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RdsCollectorTest {
    private static final String ARN = "arn:aws:rds:eu-west-1:123456789012:";
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    static String instances(String marker, String... instances) {
        return "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances>" + String.join("", instances) + "</DBInstances>"
                + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "</DescribeDBInstancesResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>"
                + "</DescribeDBInstancesResponse>";
    }

    static String instance(String id, String engine, String cluster, String exports, String pending) {
        return "<DBInstance><DBInstanceIdentifier>" + id + "</DBInstanceIdentifier><DBInstanceArn>" + ARN + "db:" + id
                + "</DBInstanceArn><Engine>" + engine + "</Engine><DBInstanceStatus>available</DBInstanceStatus>"
                + (cluster == null ? "" : "<DBClusterIdentifier>" + cluster + "</DBClusterIdentifier>")
                + "<EnabledCloudwatchLogsExports>" + exports + "</EnabledCloudwatchLogsExports>"
                + "<PendingModifiedValues>" + pending + "</PendingModifiedValues></DBInstance>";
    }

    static String clusters(String marker, String... clusters) {
        return "<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBClustersResult>"
                + "<DBClusters>" + String.join("", clusters) + "</DBClusters>"
                + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "</DescribeDBClustersResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata>"
                + "</DescribeDBClustersResponse>";
    }

    static String cluster(String id, String engine, String exports) {
        return "<DBCluster><DBClusterIdentifier>" + id + "</DBClusterIdentifier><DBClusterArn>" + ARN + "cluster:" + id
                + "</DBClusterArn><Engine>" + engine + "</Engine><Status>available</Status>"
                + "<EnabledCloudwatchLogsExports>" + exports + "</EnabledCloudwatchLogsExports></DBCluster>";
    }

    static String members(String... values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append("<member>").append(v).append("</member>");
        }
        return b.toString();
    }

    @Test
    void pagesThroughInstancesByMarkerWithPendingExportChanges() {
        aws.stub(queryCall("DescribeDBInstances").withRequestBody(notContaining("Marker=")).willReturn(xml(instances("m2",
                instance("pg1", "postgres", null, members("postgresql"),
                        "<PendingCloudwatchLogsExports><LogTypesToDisable>" + members("postgresql")
                                + "</LogTypesToDisable></PendingCloudwatchLogsExports>")))));
        aws.stub(queryCall("DescribeDBInstances").withRequestBody(containing("Marker=m2")).willReturn(xml(instances(null,
                instance("orders-1", "aurora-mysql", "orders", "", "")))));

        RdsInventory rds = RdsCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(rds.instances()).containsExactly(
                new DbInstance("pg1", ARN + "db:pg1", "postgres", "available", Optional.empty(),
                        new LogExports(List.of("postgresql"), List.of(), List.of("postgresql"))),
                new DbInstance("orders-1", ARN + "db:orders-1", "aurora-mysql", "available", Optional.of("orders"),
                        LogExports.NONE));
        assertThat(rds.instances().get(0).logExports().effective()).isEmpty();
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBInstances")));
        aws.server().verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBClusters")));
    }

    @Test
    void pagesThroughClustersByMarker() {
        aws.stub(queryCall("DescribeDBClusters").withRequestBody(notContaining("Marker=")).willReturn(xml(clusters("c2",
                cluster("orders", "aurora-mysql", members("error", "slowquery"))))));
        aws.stub(queryCall("DescribeDBClusters").withRequestBody(containing("Marker=c2")).willReturn(xml(clusters(null,
                cluster("reports", "aurora-postgresql", members("postgresql"))))));

        RdsInventory rds = RdsCollector.inventory(aws.clients(), AwsWire.REGION);

        assertThat(rds.clusters()).extracting(DbCluster::identifier).containsExactly("orders", "reports");
        assertThat(rds.cluster("orders").orElseThrow().logExports().effective()).containsExactly("error", "slowquery");
        rds.clusters();
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBClusters")));
    }

    @Test
    void accessDeniedNamesTheAction() {
        aws.stub(queryCall("DescribeDBInstances").willReturn(queryError(403, "AccessDenied",
                "User is not authorized to perform: rds:DescribeDBInstances")));
        RdsInventory rds = RdsCollector.inventory(aws.clients(), AwsWire.REGION);
        assertThatThrownBy(rds::instances).isInstanceOfSatisfying(AwsCallFailedException.class, e -> {
            assertThat(e.kind()).isEqualTo(AwsCallFailedException.Kind.ACCESS_DENIED);
            assertThat(e.getMessage()).startsWith("access denied to rds:DescribeDBInstances (AccessDenied)");
        });
    }

    @Test
    void throttlingIsRetriedBySdk() {
        aws.stub(queryCall("DescribeDBClusters").inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(queryError(400, "Throttling", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(queryCall("DescribeDBClusters").inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(xml(clusters(null))));
        assertThat(RdsCollector.inventory(aws.clients(), AwsWire.REGION).clusters()).isEmpty();
        aws.server().verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeDBClusters")));
    }
}
