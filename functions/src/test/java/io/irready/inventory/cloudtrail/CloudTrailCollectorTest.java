package io.irready.inventory.cloudtrail;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import io.irready.testing.AwsWire;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CloudTrailCollectorTest {
    private static final String PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";
    private static final String LIST = PREFIX + "ListTrails";
    private static final String DESCRIBE = PREFIX + "DescribeTrails";
    private static final String STATUS = PREFIX + "GetTrailStatus";
    private static final String SELECTORS = PREFIX + "GetEventSelectors";
    private static final String OWN = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/regional";
    private static final String SHADOW = "arn:aws:cloudtrail:us-east-1:123456789012:trail/main";
    private static final String ORG = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
    private static final String ELSEWHERE = "arn:aws:cloudtrail:ap-south-1:123456789012:trail/mumbai-only";

    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private CloudTrailInventory inventory() {
        return CloudTrailCollector.inventory(aws.clients(), AwsWire.REGION);
    }

    private static final String ADDED = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/added";

    private static String trailJson(String name, String arn, String home, boolean multiRegion, boolean org) {
        return """
                {"Name":"%s","S3BucketName":"%s-logs","IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":%s,
                 "HomeRegion":"%s","TrailARN":"%s","LogFileValidationEnabled":true,"HasCustomEventSelectors":false,
                 "HasInsightSelectors":false,"IsOrganizationTrail":%s}""".formatted(name, name, multiRegion, home, arn, org);
    }

    private static String describeBody() {
        return """
                {"trailList":[
                  {"Name":"regional","S3BucketName":"regional-logs","S3KeyPrefix":"eu","IncludeGlobalServiceEvents":false,
                   "IsMultiRegionTrail":false,"HomeRegion":"eu-west-1","TrailARN":"%s","LogFileValidationEnabled":false,
                   "HasCustomEventSelectors":true,"HasInsightSelectors":false,"IsOrganizationTrail":false},
                  {"Name":"main","S3BucketName":"main-logs","IncludeGlobalServiceEvents":true,"IsMultiRegionTrail":true,
                   "HomeRegion":"us-east-1","TrailARN":"%s","LogFileValidationEnabled":true,
                   "CloudWatchLogsLogGroupArn":"arn:aws:logs:us-east-1:123456789012:log-group:main:*",
                   "CloudWatchLogsRoleArn":"arn:aws:iam::123456789012:role/ct-logs",
                   "KmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/k-1","HasCustomEventSelectors":false,
                   "HasInsightSelectors":true,"IsOrganizationTrail":false},
                  %s
                ]}""".formatted(OWN, SHADOW, trailJson("org-trail", ORG, "us-east-1", true, true));
    }

    @Test
    void unitesDescribeTrailsWithPagedListTrailsDescribingWhatOnlyListTrailsRevealedByArn() {
        // the region's own view: own trails, the shadow of a us-east-1 trail, the organization trail
        aws.stub(jsonCall(DESCRIBE).withRequestBody(equalToJson("{\"includeShadowTrails\":true}"))
                .willReturn(json(describeBody())));
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{}")).willReturn(json("""
                {"Trails":[{"TrailARN":"%s","Name":"regional","HomeRegion":"eu-west-1"},
                           {"TrailARN":"%s","Name":"main","HomeRegion":"us-east-1"}],
                 "NextToken":"page-2"}""".formatted(OWN, SHADOW))));
        aws.stub(jsonCall(LIST).withRequestBody(equalToJson("{\"NextToken\":\"page-2\"}")).willReturn(json("""
                {"Trails":[{"TrailARN":"%s","Name":"org-trail","HomeRegion":"us-east-1"},
                           {"TrailARN":"%s","Name":"added","HomeRegion":"eu-west-1"},
                           {"TrailARN":"%s","Name":"mumbai-only","HomeRegion":"ap-south-1"}]}"""
                .formatted(ORG, ADDED, ELSEWHERE))));
        aws.stub(jsonCall(DESCRIBE).withRequestBody(equalToJson("""
                {"trailNameList":["%s","%s"],"includeShadowTrails":true}""".formatted(ADDED, ELSEWHERE)))
                .willReturn(json("{\"trailList\":[" + trailJson("added", ADDED, "eu-west-1", false, false) + ","
                        + trailJson("mumbai-only", ELSEWHERE, "ap-south-1", false, false) + "]}")));

        CloudTrailInventory cloudTrail = inventory();
        List<Trail> trails = cloudTrail.trails();

        // mumbai-only records ap-south-1 only: not a trail of this region
        assertThat(trails).extracting(Trail::arn).containsExactly(OWN, SHADOW, ORG, ADDED);
        assertThat(trails.get(0)).isEqualTo(new Trail("regional", OWN, "eu-west-1", false, false, false, "regional-logs",
                Optional.of("eu"), false, Optional.empty(), Optional.empty(), Optional.empty(), true, false));
        assertThat(trails.get(0).logKeyPrefix()).isEqualTo("eu/AWSLogs/");
        assertThat(trails.get(1)).isEqualTo(new Trail("main", SHADOW, "us-east-1", true, true, false, "main-logs",
                Optional.empty(), true, Optional.of("arn:aws:kms:us-east-1:123456789012:key/k-1"),
                Optional.of("arn:aws:logs:us-east-1:123456789012:log-group:main:*"),
                Optional.of("arn:aws:iam::123456789012:role/ct-logs"), false, true));
        assertThat(trails.get(1).isShadowIn("eu-west-1")).isTrue();
        assertThat(trails.get(2).organizationTrail()).isTrue();
        assertThat(trails.get(2).ownerAccount()).isEqualTo("111111111111");
        assertThat(cloudTrail.trails()).isSameAs(trails);
        aws.server().verify(2, jsonCallMade(LIST));
        aws.server().verify(2, jsonCallMade(DESCRIBE));
    }

    @Test
    void aDeliveryErrorOlderThanTheLatestSuccessfulDeliveryIsHistory() {
        // GetTrailStatus as CloudTrail answers it: the attempt fields are ISO strings to the second, the delivery
        // time a timestamp to the millisecond; the latest attempt is the latest success, so the error came before
        aws.stub(jsonCall(STATUS).withRequestBody(equalToJson("{\"Name\":\"" + OWN + "\"}")).willReturn(json("""
                {"IsLogging":true,"LatestDeliveryError":"AccessDenied","LatestDeliveryTime":1674327529.666,
                 "LatestDeliveryAttemptTime":"2023-01-21T18:58:49Z","LatestDeliveryAttemptSucceeded":"2023-01-21T18:58:49Z",
                 "LatestNotificationAttemptTime":"","TimeLoggingStarted":"2023-01-19T15:25:48Z"}""")));
        aws.stub(jsonCall(STATUS).withRequestBody(equalToJson("{\"Name\":\"" + SHADOW + "\"}")).willReturn(json("""
                {"IsLogging":true,"LatestDeliveryError":"NoSuchBucket","LatestDeliveryTime":1674320000,
                 "LatestDeliveryAttemptTime":"2023-01-21T18:58:49Z","LatestDeliveryAttemptSucceeded":"2023-01-21T16:53:20Z"}""")));

        TrailStatus recovered = inventory().status(OWN);
        assertThat(recovered.latestDeliveryAttemptTime()).contains(Instant.parse("2023-01-21T18:58:49Z"));
        assertThat(recovered.latestDeliveryAttemptSucceeded()).contains(Instant.parse("2023-01-21T18:58:49Z"));
        assertThat(recovered.deliveryErrorIsHistory()).isTrue();
        assertThat(recovered.currentDeliveryError()).isEmpty();

        TrailStatus failing = inventory().status(SHADOW);
        assertThat(failing.deliveryErrorIsHistory()).isFalse();
        assertThat(failing.currentDeliveryError()).contains("NoSuchBucket");
    }

    @Test
    void readsStatusAndSelectorsByFullArnOncePerTrail() {
        aws.stub(jsonCall(STATUS).withRequestBody(equalToJson("{\"Name\":\"" + SHADOW + "\"}")).willReturn(json("""
                {"IsLogging":false,"LatestDeliveryError":"AccessDenied","LatestDeliveryTime":1772366400,
                 "LatestCloudWatchLogsDeliveryTime":1772366300.5,"LatestCloudWatchLogsDeliveryError":"Throttling",
                 "StartLoggingTime":1770000000,"StopLoggingTime":1772370000}""")));
        aws.stub(jsonCall(SELECTORS).withRequestBody(equalToJson("{\"TrailName\":\"" + SHADOW + "\"}")).willReturn(json("""
                {"TrailARN":"%s","AdvancedEventSelectors":[{"Name":"mgmt without kms","FieldSelectors":[
                  {"Field":"eventCategory","Equals":["Management"]},
                  {"Field":"eventSource","NotEquals":["kms.amazonaws.com","rdsdata.amazonaws.com"]}]}]}"""
                .formatted(SHADOW))));
        aws.stub(jsonCall(SELECTORS).withRequestBody(equalToJson("{\"TrailName\":\"" + OWN + "\"}")).willReturn(json("""
                {"TrailARN":"%s","EventSelectors":[{"ReadWriteType":"WriteOnly","IncludeManagementEvents":true,
                 "DataResources":[],"ExcludeManagementEventSources":["kms.amazonaws.com"]}]}""".formatted(OWN))));

        CloudTrailInventory cloudTrail = inventory();
        TrailStatus status = cloudTrail.status(SHADOW);
        assertThat(cloudTrail.status(SHADOW)).isSameAs(status);

        assertThat(status).isEqualTo(new TrailStatus(false, Optional.of("AccessDenied"),
                Optional.of(Instant.ofEpochSecond(1772366400)), Optional.of(Instant.ofEpochSecond(1772366300, 500_000_000)),
                Optional.of("Throttling"), Optional.of(Instant.ofEpochSecond(1770000000)),
                Optional.of(Instant.ofEpochSecond(1772370000))));
        assertThat(cloudTrail.selectors(SHADOW)).isEqualTo(new TrailSelectors(List.of(), List.of(
                new TrailSelectors.AdvancedEventSelector(Optional.of("mgmt without kms"), List.of(
                        FieldSelector.equalTo("eventCategory", "Management"),
                        FieldSelector.notEqualTo("eventSource", "kms.amazonaws.com", "rdsdata.amazonaws.com"))))));
        assertThat(cloudTrail.selectors(OWN)).isEqualTo(new TrailSelectors(List.of(
                new TrailSelectors.EventSelector("WriteOnly", true, List.of("kms.amazonaws.com"))), List.of()));
        aws.server().verify(1, jsonCallMade(STATUS));
        aws.server().verify(2, jsonCallMade(SELECTORS));
    }

    @Test
    void throttledDescribeTrailsSucceedsOnRetry() {
        aws.stub(jsonCall(DESCRIBE).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(jsonError(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("ok"));
        aws.stub(jsonCall(DESCRIBE).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(json("{\"trailList\":[]}")));
        aws.stub(jsonCall(LIST).willReturn(json("{\"Trails\":[]}")));

        assertThat(inventory().trails()).isEmpty();
        aws.server().verify(2, jsonCallMade(DESCRIBE));
        aws.server().verify(1, jsonCallMade(LIST));
    }

    private List<Finding> evaluateOnTheWire(String... checkIds) {
        return new Evaluator(Catalog.registry(), Config.defaults(), Clock.systemUTC())
                .evaluate(Catalog.inventories(aws.clients()).create(AwsWire.ACCOUNT, AwsWire.REGION),
                        List.of(checkIds), Scope.REGION).findings();
    }

    @Test
    void accessDeniedOnDescribeTrailsIsAnErrorFindingNamingTheActionNeverAPass() {
        aws.stub(jsonCall(DESCRIBE).willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/irready/x is not authorized to perform: "
                        + "cloudtrail:DescribeTrails because no identity-based policy allows the cloudtrail:DescribeTrails action")));

        List<Finding> findings = evaluateOnTheWire("cloudtrail-logging-all-regions", "cloudtrail-log-file-validation");

        assertThat(findings).hasSize(2).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).startsWith("Could not evaluate: access denied to cloudtrail:DescribeTrails "
                    + "(AccessDeniedException): grant cloudtrail:DescribeTrails to irready's role: User: ");
        });
        // denied once, remembered for the second check, never retried
        aws.server().verify(1, jsonCallMade(DESCRIBE));
        aws.server().verify(0, jsonCallMade(LIST));
    }

    @Test
    void accessDeniedOnListTrailsIsAnErrorNamingIt() {
        aws.stub(jsonCall(DESCRIBE).willReturn(json(describeBody())));
        aws.stub(jsonCall(LIST).willReturn(jsonError(400, "AccessDeniedException", "not authorized")));

        assertThat(evaluateOnTheWire("cloudtrail-logging-all-regions")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to cloudtrail:ListTrails "
                    + "(AccessDeniedException): grant cloudtrail:ListTrails to irready's role: not authorized");
        });
    }

    @Test
    void accessDeniedOnGetTrailStatusIsAnErrorNamingIt() {
        aws.stub(jsonCall(LIST).willReturn(json("""
                {"Trails":[{"TrailARN":"%s","Name":"main","HomeRegion":"us-east-1"}]}""".formatted(SHADOW))));
        aws.stub(jsonCall(DESCRIBE).willReturn(json(describeBody())));
        aws.stub(jsonCall(STATUS).willReturn(jsonError(400, "AccessDeniedException", "not authorized")));

        assertThat(evaluateOnTheWire("cloudtrail-logging-all-regions")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to cloudtrail:GetTrailStatus "
                    + "(AccessDeniedException): grant cloudtrail:GetTrailStatus to irready's role: not authorized");
        });
    }
}
