package io.irready.checks;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonError;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.irready.checks.cloudfront.CloudFrontAccessLogging;
import io.irready.checks.lambda.LambdaCanWriteLogs;
import io.irready.checks.logs.LogsRetention;
import io.irready.checks.rds.RdsLogExports;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.testing.AwsWire;
import io.irready.testing.CheckHarness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The four logging checks (Lambda, CloudFront, RDS, CloudWatch Logs) evaluated end to end, from
 * {@link AwsInventoryFactory} through the real SDK to WireMock playing a whole account in us-east-1
 * (where CloudFront is judged). The AWS calls an evaluation makes must grow with result pages, not with the number of
 * resources — except the two documented per-resource calls: one IAM simulation per execution role
 * and one {@code GetDistributionConfig} per distribution that neither real-time logs nor a v2
 * delivery already prove.
 */
class LoggingChecksOnTheWireTest {
    private static final String ACCOUNT = AwsWire.ACCOUNT;
    private static final String REGION = "us-east-1";
    private static final List<String> ROLES = List.of("alpha", "beta");
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static final List<String> CHECKS = List.of(LambdaCanWriteLogs.ID, CloudFrontAccessLogging.ID,
            RdsLogExports.ID, LogsRetention.ID);

    private Evaluation evaluate() {
        // only these checks: Catalog grows with other services whose endpoints this test does not play
        return CheckHarness.of(new LambdaCanWriteLogs(), new CloudFrontAccessLogging(), new RdsLogExports(),
                new LogsRetention()).evaluate(Catalog.inventories(aws.clients()).create(ACCOUNT, REGION));
    }

    // ---- a whole account of n resources per service, each listing split over two pages

    private static String role(int i) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + ROLES.get(i % ROLES.size());
    }

    private static String groupArn(int i) {
        return "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/aws/lambda/fn" + i;
    }

    private static String joined(int from, int to, IntFunction<String> item, String separator) {
        return IntStream.range(from, to).mapToObj(item).collect(Collectors.joining(separator));
    }

    private void stubAccount(int n) {
        int half = n / 2;
        // Lambda: functions fn0..fn(n-1), execution roles alternate between alpha and beta
        IntFunction<String> function = i -> "{\"FunctionName\":\"fn" + i + "\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:"
                + ACCOUNT + ":function:fn" + i + "\",\"Role\":\"" + role(i) + "\"}";
        aws.stub(get(urlPathMatching("/2015-03-31/functions/?")).withQueryParam("Marker", absent())
                .willReturn(json("{\"Functions\":[" + joined(0, half, function, ",") + "],\"NextMarker\":\"p2\"}")));
        aws.stub(get(urlPathMatching("/2015-03-31/functions/?")).withQueryParam("Marker", equalTo("p2"))
                .willReturn(json("{\"Functions\":[" + joined(half, n, function, ",") + "]}")));
        // IAM: alpha may write everywhere, beta is explicitly denied PutLogEvents
        for (int r = 0; r < ROLES.size(); r++) {
            int roleIndex = r;
            String put = roleIndex == 0 ? "allowed" : "explicitDeny";
            IntFunction<String> results = i -> i % ROLES.size() != roleIndex ? "" :
                    member("logs:CreateLogStream", groupArn(i) + ":*", "allowed")
                            + member("logs:PutLogEvents", groupArn(i) + ":*", put);
            aws.stub(queryCall("SimulatePrincipalPolicy")
                    .withRequestBody(containing(URLEncoder.encode(role(roleIndex), StandardCharsets.UTF_8)))
                    .willReturn(xml("<SimulatePrincipalPolicyResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                            + "<SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>"
                            + joined(0, n, results, "") + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                            + "</SimulatePrincipalPolicyResponse>")));
        }
        // CloudFront: the first half have real-time logs, D<half> has a v2 delivery, the rest need their config
        IntFunction<String> distribution = i -> "<DistributionSummary><Id>D" + i + "</Id><ARN>arn:aws:cloudfront::" + ACCOUNT
                + ":distribution/D" + i + "</ARN><DomainName>d" + i + ".cloudfront.net</DomainName>"
                + "<DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>https-only"
                + "</ViewerProtocolPolicy>" + (i < half ? "<RealtimeLogConfigArn>arn:aws:cloudfront::" + ACCOUNT
                + ":realtime-log-config/rt</RealtimeLogConfigArn>" : "") + "</DefaultCacheBehavior></DistributionSummary>";
        aws.stub(get(urlPathEqualTo("/2020-05-31/distribution")).withQueryParam("Marker", absent())
                .willReturn(restXml(distributions(true, "D" + half, joined(0, half, distribution, "")))));
        aws.stub(get(urlPathEqualTo("/2020-05-31/distribution")).withQueryParam("Marker", equalTo("D" + half))
                .willReturn(restXml(distributions(false, null, joined(half, n, distribution, "")))));
        aws.stub(get(urlPathMatching("/2020-05-31/distribution/D[0-9]+/config")).willReturn(restXml(
                "<DistributionConfig xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><CallerReference>c"
                        + "</CallerReference><Logging><Enabled>true</Enabled><IncludeCookies>false</IncludeCookies>"
                        + "<Bucket>logs.s3.amazonaws.com</Bucket><Prefix></Prefix></Logging></DistributionConfig>")));
        aws.stub(jsonCall("Logs_20140328.DescribeDeliverySources").willReturn(json(
                "{\"deliverySources\":[{\"name\":\"cf\",\"service\":\"cloudfront\",\"logType\":\"ACCESS_LOGS\","
                        + "\"resourceArns\":[\"arn:aws:cloudfront::" + ACCOUNT + ":distribution/D" + half + "\"]}]}")));
        aws.stub(jsonCall("Logs_20140328.DescribeDeliveries").willReturn(json(
                "{\"deliveries\":[{\"id\":\"d1\",\"deliverySourceName\":\"cf\",\"deliveryDestinationArn\":"
                        + "\"arn:aws:logs:us-east-1:" + ACCOUNT + ":delivery-destination:s3\",\"deliveryDestinationType\":\"S3\"}]}")));
        // RDS: postgres instances db0..db(n-1); db0 belongs to the Aurora cluster "main"
        IntFunction<String> instance = i -> "<DBInstance><DBInstanceIdentifier>db" + i + "</DBInstanceIdentifier>"
                + "<DBInstanceArn>arn:aws:rds:us-east-1:" + ACCOUNT + ":db:db" + i + "</DBInstanceArn>"
                + "<Engine>" + (i == 0 ? "aurora-postgresql" : "postgres") + "</Engine><DBInstanceStatus>available"
                + "</DBInstanceStatus>" + (i == 0 ? "<DBClusterIdentifier>main</DBClusterIdentifier>" : "")
                + "<EnabledCloudwatchLogsExports>" + (i % 2 == 0 ? "<member>postgresql</member>" : "")
                + "</EnabledCloudwatchLogsExports></DBInstance>";
        aws.stub(queryCall("DescribeDBInstances").withRequestBody(notContaining("Marker=")).willReturn(xml(
                rds("DescribeDBInstances", "<DBInstances>" + joined(0, half, instance, "") + "</DBInstances><Marker>m2</Marker>"))));
        aws.stub(queryCall("DescribeDBInstances").withRequestBody(containing("Marker=m2")).willReturn(xml(
                rds("DescribeDBInstances", "<DBInstances>" + joined(half, n, instance, "") + "</DBInstances>"))));
        aws.stub(queryCall("DescribeDBClusters").willReturn(xml(rds("DescribeDBClusters",
                "<DBClusters><DBCluster><DBClusterIdentifier>main</DBClusterIdentifier><DBClusterArn>arn:aws:rds:us-east-1:"
                        + ACCOUNT + ":cluster:main</DBClusterArn><Engine>aurora-postgresql</Engine><Status>available</Status>"
                        + "<EnabledCloudwatchLogsExports><member>postgresql</member></EnabledCloudwatchLogsExports>"
                        + "</DBCluster></DBClusters>"))));
        // Logs: /aws/lambda/fn0..fn(n-1), even ones keep 30 days, odd ones never expire
        IntFunction<String> group = i -> "{\"logGroupName\":\"/aws/lambda/fn" + i + "\",\"arn\":\"" + groupArn(i) + ":*\""
                + (i % 2 == 0 ? ",\"retentionInDays\":30" : "") + "}";
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").withRequestBody(equalToJson("{}"))
                .willReturn(json("{\"logGroups\":[" + joined(0, half, group, ",") + "],\"nextToken\":\"g2\"}")));
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").withRequestBody(equalToJson("{\"nextToken\":\"g2\"}"))
                .willReturn(json("{\"logGroups\":[" + joined(half, n, group, ",") + "]}")));
    }

    private static String member(String action, String resource, String decision) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision></member>";
    }

    private static String distributions(boolean truncated, String nextMarker, String items) {
        return "<DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Marker></Marker>"
                + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
                + "<MaxItems>100</MaxItems><IsTruncated>" + truncated + "</IsTruncated><Items>" + items + "</Items>"
                + "</DistributionList>";
    }

    private static String rds(String action, String body) {
        return "<" + action + "Response xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><" + action + "Result>" + body
                + "</" + action + "Result></" + action + "Response>";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder restXml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withHeader("ETag", "E1").withBody(body);
    }

    /** The IAM action behind each request WireMock received, counted. */
    private Map<String, Long> callsByAction() {
        List<String> actions = new ArrayList<>();
        for (LoggedRequest r : aws.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
            String url = r.getUrl();
            String target = r.getHeader("X-Amz-Target");
            String body = r.getBodyAsString();
            if (url.startsWith("/2015-03-31/functions")) {
                actions.add("lambda:ListFunctions");
            } else if (url.matches("/2020-05-31/distribution/[^/?]+/config.*")) {
                actions.add("cloudfront:GetDistributionConfig");
            } else if (url.startsWith("/2020-05-31/distribution")) {
                actions.add("cloudfront:ListDistributions");
            } else if (target != null) {
                actions.add("logs:" + target.substring(target.indexOf('.') + 1));
            } else if (body.contains("Action=SimulatePrincipalPolicy")) {
                actions.add("iam:SimulatePrincipalPolicy");
            } else if (body.contains("Action=DescribeDBInstances")) {
                actions.add("rds:DescribeDBInstances");
            } else if (body.contains("Action=DescribeDBClusters")) {
                actions.add("rds:DescribeDBClusters");
            } else {
                actions.add("unexpected " + r.getMethod() + " " + url);
            }
        }
        return actions.stream().collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
    }

    private Map<String, Long> callsForAccountOf(int n) {
        aws.server().resetAll();
        stubAccount(n);
        Evaluation evaluation = evaluate();
        assertThat(evaluation.completeChecks()).containsExactlyInAnyOrderElementsOf(CHECKS);
        assertThat(evaluation.findings()).filteredOn(f -> f.checkId().equals(LambdaCanWriteLogs.ID)).hasSize(n);
        assertThat(evaluation.findings()).filteredOn(f -> f.checkId().equals(CloudFrontAccessLogging.ID)).hasSize(n)
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
        assertThat(evaluation.findings()).filteredOn(f -> f.checkId().equals(RdsLogExports.ID)).hasSize(n + 1);
        assertThat(evaluation.findings()).filteredOn(f -> f.checkId().equals(LogsRetention.ID)).hasSize(n);
        assertThat(evaluation.findings()).noneMatch(f -> f.status() == Status.ERROR);
        return callsByAction();
    }

    @Test
    void callsGrowWithPagesNotResourcesExceptPerRoleSimulationAndPerDistributionConfig() {
        for (int n : new int[] {6, 60}) {
            int needingConfig = n - n / 2 - 1; // neither real-time logs nor a v2 delivery
            assertThat(callsForAccountOf(n)).as("calls for %d resources per service", n).containsExactlyEntriesOf(
                    new TreeMap<>(Map.of(
                            "cloudfront:GetDistributionConfig", (long) needingConfig,
                            "cloudfront:ListDistributions", 2L,
                            "iam:SimulatePrincipalPolicy", (long) ROLES.size(),
                            "lambda:ListFunctions", 2L,
                            "logs:DescribeDeliveries", 1L,
                            "logs:DescribeDeliverySources", 1L,
                            "logs:DescribeLogGroups", 2L,
                            "rds:DescribeDBClusters", 1L,
                            "rds:DescribeDBInstances", 2L)));
        }
    }

    @Test
    void verdictsOnTheWireNameTheResourceAndWhy() {
        stubAccount(6);
        List<Finding> findings = evaluate().findings();
        Map<String, Finding> byResource = findings.stream()
                .collect(Collectors.toMap(f -> f.checkId() + " " + f.resourceId(), f -> f));
        Finding denied = byResource.get(LambdaCanWriteLogs.ID + " arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fn1");
        assertThat(denied.status()).isEqualTo(Status.FAIL);
        assertThat(denied.reason()).contains("role/beta is explicitly denied logs:PutLogEvents");
        assertThat(byResource.get(LambdaCanWriteLogs.ID + " arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fn0").status())
                .isEqualTo(Status.PASS);
        assertThat(byResource.get(RdsLogExports.ID + " arn:aws:rds:us-east-1:" + ACCOUNT + ":db:db0").status())
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(byResource.get(RdsLogExports.ID + " arn:aws:rds:us-east-1:" + ACCOUNT + ":db:db1").reason())
                .isEqualTo("DB instance db1 (postgres) does not export postgresql to CloudWatch Logs: enable postgresql "
                        + "in its log exports.");
        assertThat(byResource.get(LogsRetention.ID + " " + groupArn(0)).status()).isEqualTo(Status.FAIL);
        assertThat(byResource.get(LogsRetention.ID + " " + groupArn(1)).status()).isEqualTo(Status.PASS);
        assertThat(byResource.get(CloudFrontAccessLogging.ID + " arn:aws:cloudfront::" + ACCOUNT + ":distribution/D3")
                .reason()).contains("standard logging v2");
    }

    @Test
    void everyDeniedCallBecomesAnErrorFindingNamingItsAction() {
        aws.stub(get(urlPathMatching("/2015-03-31/functions/?")).willReturn(json("{\"Functions\":[{\"FunctionName\":"
                + "\"fn0\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:fn0\",\"Role\":\""
                + role(0) + "\"}]}")));
        aws.stub(queryCall("SimulatePrincipalPolicy").willReturn(queryError(403, "AccessDenied", "no iam")));
        aws.stub(get(urlPathEqualTo("/2020-05-31/distribution")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/xml").withBody("<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/"
                        + "doc/2020-05-31/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no cloudfront"
                        + "</Message></Error><RequestId>r</RequestId></ErrorResponse>")));
        aws.stub(queryCall("DescribeDBClusters").willReturn(queryError(403, "AccessDenied", "no rds")));
        aws.stub(queryCall("DescribeDBInstances").willReturn(queryError(403, "AccessDenied", "no rds")));
        aws.stub(jsonCall("Logs_20140328.DescribeLogGroups").willReturn(jsonError(400, "AccessDeniedException", "no logs")));

        Evaluation evaluation = evaluate();

        assertThat(evaluation.findings()).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.ERROR));
        assertThat(evaluation.findings()).extracting(Finding::checkId, Finding::resourceId, f -> f.reason()
                        .replaceFirst(" \\(.*", ""))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LambdaCanWriteLogs.ID, "arn:aws:lambda:us-east-1:" + ACCOUNT
                                + ":function:fn0", "Could not evaluate: access denied to iam:SimulatePrincipalPolicy"),
                        org.assertj.core.groups.Tuple.tuple(CloudFrontAccessLogging.ID, ACCOUNT + "/us-east-1",
                                "Could not evaluate: access denied to cloudfront:ListDistributions"),
                        org.assertj.core.groups.Tuple.tuple(RdsLogExports.ID, ACCOUNT + "/us-east-1",
                                "Could not evaluate: access denied to rds:DescribeDBClusters"),
                        org.assertj.core.groups.Tuple.tuple(LogsRetention.ID, ACCOUNT + "/us-east-1",
                                "Could not evaluate: access denied to logs:DescribeLogGroups"));
    }
}
