package io.irready.events;

import io.irready.checks.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Scope;
import io.irready.testing.EventFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTableTest {
    private static final String A = "123456789012";
    private static final String TRAIL = "arn:aws:cloudtrail:eu-west-1:" + A + ":trail/management-events";
    private static final String BUCKET = "arn:aws:s3:::acme-cloudtrail-logs-123456789012";
    private static final String KEY = "arn:aws:kms:eu-west-1:" + A + ":key/0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01";
    private static final String VPC_1 = "arn:aws:ec2:eu-west-1:" + A + ":vpc/vpc-0a1b2c3d4e5f60718";
    private static final String VPC_2 = "arn:aws:ec2:eu-west-1:" + A + ":vpc/vpc-0f9e8d7c6b5a40312";
    private static final String VPC_NEW = "arn:aws:ec2:eu-west-1:" + A + ":vpc/vpc-0c1d2e3f4a5b60718";
    private static final String I_1 = "arn:aws:ec2:eu-west-1:" + A + ":instance/i-0a1b2c3d4e5f60718";
    private static final String I_2 = "arn:aws:ec2:eu-west-1:" + A + ":instance/i-0f9e8d7c6b5a40312";
    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:" + A + ":function:orders-api";
    private static final String DIST = "arn:aws:cloudfront::" + A + ":distribution/E2QWRUHAPOMQZL";
    private static final String AURORA = "arn:aws:rds:eu-west-1:" + A + ":cluster:aurora-prod";

    private static final List<String> CT = List.of("cloudtrail-bucket-integrity", "cloudtrail-bucket-retention",
            "cloudtrail-cloudwatch-delivery",
            "cloudtrail-kms-encryption", "cloudtrail-log-file-validation", "cloudtrail-logging-all-regions",
            "cloudtrail-management-events");
    /** A trail that stops or starts logging changes only the checks that need a logging trail. */
    private static final List<String> LOGGING = List.of("cloudtrail-cloudwatch-delivery",
            "cloudtrail-logging-all-regions", "cloudtrail-management-events");
    private static final List<String> VPC = List.of("route53resolver-query-logging", "vpc-flow-logs-enabled");
    private static final List<String> FLOW_LOGS = List.of("vpc-flow-logs-enabled");
    private static final List<String> AGENT = List.of("ec2-cloudwatch-agent", "ec2-ssm-managed");
    private static final List<String> IAM = List.of("evidence-decryptable", "ir-responder-permissions",
            "lambda-can-write-logs");
    private static final List<String> LOG_GROUP = List.of("cloudtrail-cloudwatch-delivery", "logs-retention",
            "vpc-flow-logs-enabled");
    private static final List<String> NONE = List.of();
    private static final List<String> CT_AND_DATA = List.of("cloudtrail-bucket-integrity", "cloudtrail-bucket-retention",
            "cloudtrail-cloudwatch-delivery", "cloudtrail-kms-encryption", "cloudtrail-log-file-validation",
            "cloudtrail-logging-all-regions", "cloudtrail-management-events", "s3-evidence-data-events");

    /** Expected route of every fixture: checks, named resources, delayed re-check, tamper attempt. */
    record Expected(List<String> checks, List<String> resources, boolean delayed, boolean tamper) {
    }

    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    private static void expect(String fixture, List<String> checks, List<String> resources, boolean delayed,
                               boolean tamper) {
        EXPECTED.put(fixture, new Expected(checks, resources, delayed, tamper));
    }

    private static void expect(String fixture, List<String> checks, List<String> resources) {
        expect(fixture, checks, resources, false, false);
    }

    static {
        expect("cloudtrail/StopLogging.envelope.json", LOGGING, NONE);
        expect("cloudtrail/StopLogging-AccessDenied.record.json", LOGGING, NONE, false, true);
        expect("cloudtrail/StartLogging.record.json", LOGGING, NONE);
        expect("cloudtrail/DeleteTrail.record.json", CT_AND_DATA, List.of(TRAIL));
        expect("cloudtrail/DeleteTrail-TrailNotFound.record.json", CT_AND_DATA,
                List.of("arn:aws:cloudtrail:eu-west-1:" + A + ":trail/no-such-trail"), false, true);
        expect("cloudtrail/CreateTrail.envelope.json", CT, List.of(TRAIL));
        expect("cloudtrail/UpdateTrail.record.json", CT, List.of(TRAIL));
        expect("cloudtrail/PutEventSelectors.envelope.json", List.of("cloudtrail-management-events",
                "s3-evidence-data-events"), NONE);
        expect("cloudtrail/PutEventSelectors-advanced.record.json", List.of("cloudtrail-management-events",
                "s3-evidence-data-events"), NONE);
        // Insights selectors change no verdict: Insights events are extra evidence, not required evidence.
        expect("cloudtrail/PutInsightSelectors.record.json", NONE, NONE);
        expect("cloudtrail/GetTrailStatus.record.json", NONE, NONE);
        expect("cloudtrail/GetTrailStatus-no-readOnly.record.json", NONE, NONE);

        expect("s3/PutBucketLifecycle.envelope.json", List.of("cloudtrail-bucket-retention"), List.of(BUCKET));
        expect("s3/DeleteBucketPolicy.record.json", List.of("cloudtrail-bucket-retention"), List.of(BUCKET));
        expect("s3/PutBucketPublicAccessBlock.record.json", List.of("cloudtrail-bucket-retention"), List.of(BUCKET));
        expect("s3/DeleteBucketCors.record.json", NONE, NONE);
        expect("s3/PutObjectLockConfiguration.record.json", List.of("cloudtrail-bucket-integrity"), List.of(BUCKET));
        expect("s3/PutBucketVersioning.record.json", List.of("cloudtrail-bucket-integrity"), List.of(BUCKET));
        expect("s3/PutBucketLogging.envelope.json", List.of("cloudtrail-bucket-integrity", "s3-evidence-data-events"),
                List.of(BUCKET));
        expect("s3/PutBucketTagging.record.json", List.of("s3-evidence-data-events"), List.of(BUCKET));

        List<String> kms = List.of("cloudtrail-kms-encryption", "evidence-decryptable");
        List<String> kmsAndLogs = List.of("cloudtrail-kms-encryption", "evidence-decryptable", "logs-kms-encryption");
        expect("kms/ScheduleKeyDeletion.envelope.json", kmsAndLogs, List.of(KEY));
        expect("kms/DisableKey.record.json", kmsAndLogs, List.of(KEY));
        expect("kms/EnableKey.record.json", kmsAndLogs, List.of(KEY));
        // what KMS does by itself ("AWS Service Event via CloudTrail"): no request, the key in resources[]
        expect("kms/DeleteKey.envelope.json", kmsAndLogs, List.of(KEY));
        expect("kms/DeleteKey-resources-only.record.json", kmsAndLogs, List.of(KEY));
        expect("kms/DeleteExpiredKeyMaterial.record.json", kmsAndLogs, List.of(KEY));
        expect("kms/DeleteImportedKeyMaterial.record.json", kmsAndLogs, List.of(KEY));
        expect("kms/RetireGrant.record.json", kms, List.of(KEY));
        // retired by grant token: no key named, and re-judging every key of the region is left to the sweep
        expect("kms/RetireGrant-grantToken.record.json", NONE, NONE);

        expect("ec2/DeleteFlowLogs.envelope.json", FLOW_LOGS, NONE);
        expect("ec2/DeleteFlowLogs-list.record.json", FLOW_LOGS, NONE);
        expect("ec2/CreateFlowLogs.envelope.json", FLOW_LOGS, List.of(VPC_1));
        expect("ec2/CreateFlowLogs-list.record.json", FLOW_LOGS, List.of(VPC_1, VPC_2));
        expect("ec2/CreateFlowLogs-subnet.record.json", FLOW_LOGS, NONE);
        expect("ec2/CreateVpc.record.json", VPC, List.of(VPC_NEW));
        expect("ec2/DeleteVpc.record.json", VPC, List.of(VPC_NEW));
        expect("ec2/CreateVpcEndpoint.record.json", NONE, NONE);
        expect("ec2/RunInstances.envelope.json", AGENT, List.of(I_1, I_2), true, false);
        expect("ec2/StartInstances.record.json", AGENT, List.of(I_1), true, false);
        expect("ec2/AssociateIamInstanceProfile.record.json", AGENT, List.of(I_1), true, false);
        expect("ec2/DisassociateIamInstanceProfile.record.json", AGENT, List.of(I_2), true, false);
        expect("ec2/DisableEbsEncryptionByDefault.record.json", List.of("evidence-decryptable"), NONE);
        expect("ec2/ResetEbsDefaultKmsKeyId.record.json", List.of("evidence-decryptable"), NONE);
        expect("ec2/DescribeInstances.record.json", NONE, NONE);

        expect("ssm/DeleteAssociation.envelope.json", List.of("ec2-cloudwatch-agent"), NONE, true, false);
        expect("ssm/CreateAssociation.record.json", List.of("ec2-cloudwatch-agent"), List.of(I_1), true, false);
        expect("ssm/UpdateServiceSetting.record.json", List.of("ec2-ssm-managed"), NONE, true, false);

        expect("iam/DetachRolePolicy.envelope.json", IAM, NONE, true, false);
        expect("iam/PutRolePermissionsBoundary.record.json", IAM, NONE, true, false);
        expect("iam/CreatePolicyVersion.record.json", IAM, NONE, true, false);
        expect("iam/PutRolePolicy.record.json", IAM, NONE, true, false);

        expect("lambda/CreateFunction20150331.envelope.json", List.of("lambda-can-write-logs"), List.of(FUNCTION), true,
                false);
        expect("lambda/UpdateFunctionConfiguration20150331v2.record.json", List.of("lambda-can-write-logs"),
                List.of(FUNCTION), true, false);
        expect("lambda/DeleteFunction20150331.record.json", List.of("auditor-integrity"), NONE);
        expect("lambda/PutFunctionConcurrency20171031.record.json", List.of("auditor-integrity"), NONE);

        expect("cloudfront/UpdateDistribution2020_05_31.envelope.json", List.of("cloudfront-access-logging"),
                List.of(DIST));
        expect("cloudfront/CreateDistribution2020_05_31.record.json", List.of("cloudfront-access-logging"),
                List.of("arn:aws:cloudfront::" + A + ":distribution/E1A2B3C4D5E6F7"));
        expect("cloudfront/DeleteRealtimeLogConfig.record.json", List.of("cloudfront-access-logging"), NONE);
        expect("cloudfront/CreateDistributionWithTags2020_05_31.record.json", List.of("cloudfront-access-logging"),
                List.of("arn:aws:cloudfront::" + A + ":distribution/E1A2B3C4D5E6F7"));

        expect("logs/DeleteLogGroup.envelope.json", LOG_GROUP,
                List.of("arn:aws:logs:eu-west-1:" + A + ":log-group:/aws/lambda/orders-api"));
        expect("logs/PutRetentionPolicy.record.json", List.of("logs-long-term-copy", "logs-retention"),
                List.of("arn:aws:logs:eu-west-1:" + A + ":log-group:/vpc/flow-logs"));
        expect("logs/PutDeliverySource.record.json", List.of("cloudfront-access-logging"), List.of(DIST));
        expect("logs/DeleteDelivery.record.json", List.of("cloudfront-access-logging"), NONE);
        expect("logs/PutSubscriptionFilter.envelope.json", List.of("logs-long-term-copy"),
                List.of("arn:aws:logs:eu-west-1:" + A + ":log-group:/aws/lambda/orders-api"));
        expect("logs/DeleteSubscriptionFilter.record.json", List.of("logs-long-term-copy"),
                List.of("arn:aws:logs:eu-west-1:" + A + ":log-group:/aws/lambda/orders-api"));
        expect("bedrock/PutModelInvocationLoggingConfiguration.record.json", List.of("bedrock-invocation-logging"),
                NONE);
        expect("bedrock/DeleteModelInvocationLoggingConfiguration.envelope.json",
                List.of("bedrock-invocation-logging"), NONE);
        String ordersGroup = "arn:aws:logs:eu-west-1:" + A + ":log-group:/aws/lambda/orders-api";
        // a forensic group's new key is one evidence-decryptable judges
        expect("logs/AssociateKmsKey.record.json", List.of("evidence-decryptable", "logs-kms-encryption"),
                List.of(ordersGroup));
        // evidence-decryptable routes DisassociateKmsKey too: the group's key is no longer judged
        expect("logs/DisassociateKmsKey.record.json", List.of("evidence-decryptable", "logs-kms-encryption"),
                List.of(ordersGroup));
        expect("logs/CreateLogGroup.record.json", List.of("cloudtrail-cloudwatch-delivery", "logs-kms-encryption",
                "logs-retention", "vpc-flow-logs-enabled"), List.of(ordersGroup));

        expect("rds/ModifyDBInstance.envelope.json", List.of("rds-log-exports"),
                List.of("arn:aws:rds:eu-west-1:" + A + ":db:orders-db"), true, false);
        expect("rds/ModifyDBCluster.record.json", List.of("rds-log-exports"), List.of(AURORA), true, false);
        expect("rds/CreateDBInstance-aurora.record.json", List.of("rds-log-exports"),
                List.of(AURORA, "arn:aws:rds:eu-west-1:" + A + ":db:aurora-prod-instance-1"), true, false);
        expect("rds/ModifyDBParameterGroup.record.json", List.of("rds-log-exports"), NONE, true, false);
        expect("rds/ModifyDBClusterSnapshotAttribute.record.json", NONE, NONE);

        expect("route53resolver/DeleteResolverQueryLogConfig.envelope.json", List.of("route53resolver-query-logging"),
                NONE);
        expect("route53resolver/DisassociateResolverQueryLogConfig.record.json",
                List.of("route53resolver-query-logging"), List.of(VPC_1));
        expect("guardduty/DeleteDetector.envelope.json", List.of("guardduty-enabled"), NONE);
        expect("guardduty/UpdateDetector.record.json", List.of("guardduty-enabled"), NONE);
        expect("config/StopConfigurationRecorder.envelope.json", List.of("config-recorder-on"), NONE);
        expect("config/DeleteDeliveryChannel.record.json", List.of("config-recorder-on"), NONE);
        expect("config/PutConfigurationRecorder.record.json", List.of("config-recorder-on"), NONE);
        expect("organizations/LeaveOrganization.record.json", List.of("cloudtrail-logging-all-regions"), NONE);
        expect("organizations/CreateAccount.record.json", List.of("organization-coverage"), NONE);
        expect("organizations/DisableAWSServiceAccess.envelope.json", List.of("cloudtrail-logging-all-regions"), NONE);
        expect("events/DisableRule.envelope.json", List.of("auditor-integrity"), NONE);
        expect("events/RemoveTargets.record.json", List.of("auditor-integrity"), NONE);
        expect("sns/DeleteTopic.record.json", List.of("auditor-integrity"), NONE);
        expect("sns/Unsubscribe.envelope.json", List.of("auditor-integrity"), NONE);
        // irready's own resources (OWN) against another team's: only irready's re-evaluate its integrity
        expect("sns/SetSubscriptionAttributes.record.json", List.of("auditor-integrity"), NONE);
        expect("events/PutTargets-foreign.record.json", NONE, NONE);
        expect("lambda/DeleteAlias20150331.record.json", List.of("auditor-integrity"), NONE);
        expect("lambda/UpdateAlias20150331-foreign.envelope.json", NONE, NONE);
        expect("lambda/PutFunctionEventInvokeConfig.record.json", List.of("auditor-integrity"), NONE);
        expect("lambda/DeleteEventSourceMapping20150331.record.json", List.of("auditor-integrity"), NONE);
        expect("cloudwatch/AlarmStateChange.envelope.json", List.of("auditor-integrity"), NONE);

        String alb = "arn:aws:elasticloadbalancing:eu-west-1:" + A + ":loadbalancer/app/orders-alb/50dc6c495c0c9188";
        String nlb = "arn:aws:elasticloadbalancing:eu-west-1:" + A + ":loadbalancer/net/payments-nlb/0f4b2a8e6c1d4a55";
        String clb = "arn:aws:elasticloadbalancing:eu-west-1:" + A + ":loadbalancer/legacy-web";
        expect("elasticloadbalancing/ModifyLoadBalancerAttributes.envelope.json", List.of("elb-access-logs"),
                List.of(alb));
        expect("elasticloadbalancing/ModifyLoadBalancerAttributes-classic.record.json", List.of("elb-access-logs"),
                List.of(clb));
        expect("elasticloadbalancing/CreateLoadBalancer.record.json", List.of("elb-access-logs"), List.of(nlb));
        expect("elasticloadbalancing/CreateLoadBalancer-classic.record.json", List.of("elb-access-logs"),
                List.of(clb));
        expect("elasticloadbalancing/CreateListener.record.json", List.of("elb-access-logs"), List.of(nlb));
        expect("elasticloadbalancing/DescribeLoadBalancers.record.json", NONE, NONE);
        expect("s3/DeleteBucket.record.json", List.of("cloudtrail-bucket-retention", "elb-access-logs"),
                List.of("arn:aws:s3:::acme-alb-logs-123456789012"));
        expect("apigateway/UpdateStage.envelope.json", List.of("apigateway-logging"), NONE);
        expect("apigateway/UpdateStage-v2.record.json", List.of("apigateway-logging"), NONE);
        expect("apigateway/CreateStage.record.json", List.of("apigateway-logging"), NONE);
        expect("apigateway/CreateStage-v2.record.json", List.of("apigateway-logging"), NONE);
        expect("apigateway/UpdateAccount.record.json", List.of("apigateway-logging"), NONE);
        expect("apigateway/GetStages.record.json", NONE, NONE);
        expect("eks/UpdateClusterConfig.record.json", List.of("eks-audit-logs"),
                List.of("arn:aws:eks:eu-west-1:" + A + ":cluster/payments"), true, false);
        expect("eks/CreateCluster.envelope.json", List.of("eks-audit-logs"),
                List.of("arn:aws:eks:eu-west-1:" + A + ":cluster/ml-training"), true, false);
        expect("wafv2/DeleteLoggingConfiguration.envelope.json", List.of("waf-logging"), NONE);
        expect("wafv2/PutLoggingConfiguration.record.json", List.of("waf-logging"), NONE);
        expect("wafv2/CreateWebACL.record.json", List.of("waf-logging"), NONE);
        expect("networkfirewall/UpdateLoggingConfiguration.record.json", List.of("networkfirewall-logging"), NONE);
        expect("networkfirewall/CreateFirewall.envelope.json", List.of("networkfirewall-logging"), NONE);
    }

    private final RouteTable table = Catalog.routeTable();
    /**
     * The irready deployment the fixtures name: its event function, two of its rules, its topic and the alarm on
     * its us-east-1 forwarder's dead-letter queue (what EngineWiring.ownResources gives a deployed table).
     */
    static final Set<String> OWN = Set.of(
            "arn:aws:lambda:eu-west-1:" + A + ":function:irready-event-handler",
            "arn:aws:events:eu-west-1:" + A + ":rule/irready-cloudtrail",
            "arn:aws:events:eu-west-1:" + A + ":rule/irready-ec2",
            "arn:aws:sns:eu-west-1:" + A + ":irready-alerts",
            "arn:aws:cloudwatch:us-east-1:" + A + ":alarm:Irready-Forwarder-us-east-1-forward-dlq-not-empty");
    private final RouteTable deployed = table.withOwnResources(OWN);

    static CloudTrailEvent event(String fixture) {
        List<ParsedEvent> parsed = new EventParser().parse(EventFixtures.read(fixture));
        assertThat(parsed).as(fixture).hasSize(1);
        assertThat(parsed.getFirst()).as(fixture).isInstanceOf(CloudTrailEvent.class);
        return (CloudTrailEvent) parsed.getFirst();
    }

    static List<String> fixtures() {
        return EventFixtures.allSingleEvents();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureRoutesAsTheTableSays(String fixture) {
        Expected expected = EXPECTED.get(fixture);
        assertThat(expected).as("expected route for fixture " + fixture).isNotNull();

        RoutingDecision decision = deployed.route(event(fixture));

        assertThat(decision.checkIds()).as(fixture + " checks").containsExactlyElementsOf(expected.checks());
        assertThat(decision.resourceIds()).as(fixture + " resources").containsExactlyElementsOf(expected.resources());
        assertThat(decision.delayedRecheck()).as(fixture + " delayed re-check").isEqualTo(expected.delayed());
        assertThat(decision.tamperAttempt()).as(fixture + " tamper attempt").isEqualTo(expected.tamper());
        assertThat(decision.routed()).isEqualTo(!expected.checks().isEmpty());
    }

    @Test
    void everyEventSourceOfTheTableHasAnEnvelopeAndRecordFixtureOrBoth() {
        Set<String> tableSources = table.routes().stream().map(Route::eventSource).collect(Collectors.toSet());
        Set<String> fixtureSources = fixtures().stream().map(f -> event(f).eventSource()).collect(Collectors.toSet());
        assertThat(fixtureSources).containsAll(tableSources);
        assertThat(fixtures()).anyMatch(f -> f.endsWith(".envelope.json")).anyMatch(f -> f.endsWith(".record.json"));
    }

    @Test
    void resourceLevelChecksAreScopedToTheNamedResourcesAndTheRestToTheRegion() {
        RoutingDecision stop = table.route(event("cloudtrail/UpdateTrail.record.json"));
        Map<String, Scope> scopes = stop.targets().stream()
                .collect(Collectors.toMap(CheckTarget::checkId, CheckTarget::scope));

        assertThat(scopes.get("cloudtrail-logging-all-regions")).isEqualTo(Scope.REGION);
        assertThat(scopes.get("cloudtrail-management-events")).isEqualTo(Scope.REGION);
        assertThat(scopes.get("cloudtrail-log-file-validation")).isEqualTo(Scope.of(Set.of(TRAIL)));
        assertThat(scopes.get("cloudtrail-kms-encryption")).isEqualTo(Scope.of(Set.of(TRAIL)));
        // the trail event names no bucket: the trail bucket check runs over the region
        assertThat(scopes.get("cloudtrail-bucket-retention")).isEqualTo(Scope.REGION);
    }

    @Test
    void trailEventsReevaluateTheTrailBucketCheckOverTheRegionEvenWhenTheyNameABucket() {
        // The bucket check's findings are keyed by the bucket ARN, never the trail ARN; and a trail that
        // moves to another bucket (UpdateTrail/CreateTrail name only the new one) must also re-judge the old.
        for (String fixture : List.of("cloudtrail/DeleteTrail.record.json", "cloudtrail/UpdateTrail.record.json",
                "cloudtrail/CreateTrail.envelope.json")) {
            RoutingDecision decision = table.route(event(fixture));
            assertThat(decision.targets()).as(fixture)
                    .filteredOn(t -> t.checkId().equals("cloudtrail-bucket-retention"))
                    .singleElement().extracting(CheckTarget::scope).isEqualTo(Scope.REGION);
        }
        assertThat(event("cloudtrail/CreateTrail.envelope.json").requestParameters().path("s3BucketName").asText())
                .isEqualTo("acme-cloudtrail-logs-123456789012");
    }

    @Test
    void logGroupEventsScopeOnlyTheLogGroupCheckAndReevaluateDependentChecksOverTheRegion() {
        RoutingDecision decision = table.route(event("logs/DeleteLogGroup.envelope.json"));
        Map<String, Scope> scopes = decision.targets().stream()
                .collect(Collectors.toMap(CheckTarget::checkId, CheckTarget::scope));

        assertThat(scopes.get("logs-retention").isRegion()).isFalse();
        assertThat(scopes.get("vpc-flow-logs-enabled")).isEqualTo(Scope.REGION);
        assertThat(scopes.get("cloudtrail-cloudwatch-delivery")).isEqualTo(Scope.REGION);
        // RDS exports name log types, not groups: a log group event cannot change that verdict
        assertThat(scopes).doesNotContainKey("rds-log-exports");
    }

    @Test
    void aRoleChangeReachesTheFunctionsThatUseTheRoleByName() {
        RoutingDecision decision = table.route(event("iam/DetachRolePolicy.envelope.json"));

        CheckTarget lambda = decision.targets().stream().filter(t -> t.checkId().equals("lambda-can-write-logs"))
                .findFirst().orElseThrow();
        assertThat(lambda.scope()).isEqualTo(Scope.REGION);
        assertThat(lambda.roleNames()).containsExactly("orders-api-lambda");
        assertThat(decision.targets()).filteredOn(t -> !t.checkId().equals("lambda-can-write-logs"))
                .allSatisfy(t -> assertThat(t.roleNames()).isEmpty());
    }

    @Test
    void globalServiceEventsReevaluateEveryCoveredRegion() {
        assertThat(table.route(event("iam/DetachRolePolicy.envelope.json")).everyRegion()).isTrue();
        assertThat(table.route(event("organizations/LeaveOrganization.record.json")).everyRegion()).isTrue();
        assertThat(table.route(event("cloudfront/UpdateDistribution2020_05_31.envelope.json")).everyRegion())
                .as("CloudFront is judged once, from us-east-1, where its events arrive").isFalse();
        assertThat(table.route(event("cloudtrail/StopLogging.envelope.json")).everyRegion())
                .as("a multi-region trail stopped in its home region blinds every region at once").isTrue();
        assertThat(table.route(event("cloudtrail/StartLogging.record.json")).everyRegion()).isTrue();
    }

    @Test
    void bucketEventsReevaluateEveryCoveredRegionBecauseTheBucketIsJudgedInItsTrailsRegion() {
        // A bucket event comes from the bucket's region; cloudtrail-bucket-retention judges a trail bucket
        // in the trail's home region. Evaluated only in the event's region, a bucket in another region
        // than its trail would get no finding at all.
        for (String fixture : List.of("s3/PutBucketLifecycle.envelope.json", "s3/DeleteBucketPolicy.record.json",
                "s3/PutBucketPublicAccessBlock.record.json")) {
            RoutingDecision decision = table.route(event(fixture));
            assertThat(decision.everyRegion()).as(fixture).isTrue();
            assertThat(decision.targets()).singleElement().extracting(CheckTarget::scope)
                    .isEqualTo(Scope.of(Set.of(BUCKET)));
        }
    }

    @Test
    void lookAlikeNamesNeverMatchARoute() {
        assertThat(Route.nameMatches("DeleteBucket", "DeleteBucketCors")).isFalse();
        assertThat(Route.nameMatches("CreateVpc", "CreateVpcEndpoint")).isFalse();
        assertThat(Route.nameMatches("ModifyDBCluster", "ModifyDBClusterSnapshotAttribute")).isFalse();
        assertThat(Route.nameMatches("CreateFunction", "CreateFunctionUrlConfig20211031")).isFalse();
        assertThat(Route.nameMatches("UpdateDistribution", "UpdateDistributionWithStagingConfig2020_05_31")).isFalse();
        assertThat(Route.nameMatches("DeleteFunction", "DeleteFunctionConcurrency20171031")).isFalse();
        assertThat(Route.nameMatches("StopLogging", "stoplogging")).isFalse();
    }

    @Test
    void versionSuffixedNamesMatchTheirRoute() {
        assertThat(Route.nameMatches("UpdateDistribution", "UpdateDistribution2020_05_31")).isTrue();
        assertThat(Route.nameMatches("CreateFunction", "CreateFunction20150331")).isTrue();
        assertThat(Route.nameMatches("UpdateFunctionConfiguration", "UpdateFunctionConfiguration20150331v2")).isTrue();
        assertThat(Route.nameMatches("StopLogging", "StopLogging")).isTrue();
    }

    @Test
    void readOnlyCallsNeverRouteEvenWhenTheNameWould() {
        CloudTrailEvent stop = event("cloudtrail/StopLogging.envelope.json");
        CloudTrailEvent readOnlyStop = withReadOnly(stop, true);

        RoutingDecision decision = table.route(readOnlyStop);

        assertThat(decision.routed()).isFalse();
        assertThat(decision.ignoredBecause()).contains("read-only call");
        assertThat(table.route(event("cloudtrail/GetTrailStatus-no-readOnly.record.json")).ignoredBecause())
                .contains("read-only call");
    }

    @Test
    void unknownEventsAreANoOpWithAReason() {
        RoutingDecision decision = table.route(event("ec2/CreateVpcEndpoint.record.json"));

        assertThat(decision.routed()).isFalse();
        assertThat(decision.tamperAttempt()).isFalse();
        assertThat(decision.ignoredBecause()).contains("no route for ec2.amazonaws.com CreateVpcEndpoint");
    }

    @Test
    void aWellFormedEventOfAnUnroutedServiceIsANoOp() {
        String detail = EventFixtures.read("guardduty/UpdateDetector.record.json")
                .replace("guardduty.amazonaws.com", "braket.amazonaws.com").replace("UpdateDetector", "CancelQuantumTask");
        CloudTrailEvent event = (CloudTrailEvent) new EventParser().parse(detail).getFirst();

        RoutingDecision decision = table.route(event);

        assertThat(decision.routed()).isFalse();
        assertThat(decision.ignoredBecause()).contains("no route for braket.amazonaws.com CancelQuantumTask");
    }

    @Test
    void onlyFailedCallsOnEvidenceDisablingRoutesAreTamperAttempts() {
        CloudTrailEvent startDenied = withError(event("cloudtrail/StartLogging.record.json"), "AccessDenied");
        CloudTrailEvent deleteFlowLogsDenied = withError(event("ec2/DeleteFlowLogs.envelope.json"),
                "Client.UnauthorizedOperation");

        assertThat(table.route(startDenied).tamperAttempt()).isFalse();
        assertThat(table.route(startDenied).routed()).isTrue();
        assertThat(table.route(deleteFlowLogsDenied).tamperAttempt()).isTrue();
        assertThat(table.route(deleteFlowLogsDenied).checkIds()).containsExactlyElementsOf(FLOW_LOGS);
    }

    @Test
    void ownResourceRowsMatchOnlyIrreadysOwnResources() {
        CloudTrailEvent update = event("lambda/UpdateFunctionConfiguration20150331v2.record.json");
        RouteTable deployment = table.withOwnResources(Set.of(FUNCTION));
        RouteTable other = table.withOwnResources(Set.of("arn:aws:lambda:eu-west-1:" + A + ":function:irready-events"));

        assertThat(deployment.route(update).checkIds()).containsExactly("auditor-integrity", "lambda-can-write-logs");
        assertThat(other.route(update).checkIds()).containsExactly("lambda-can-write-logs");
        assertThat(deployment.route(withError(update, "AccessDeniedException")).tamperAttempt()).isTrue();
        assertThat(table.route(withError(update, "AccessDeniedException")).tamperAttempt()).isFalse();

        CloudTrailEvent disableKey = event("kms/DisableKey.record.json");
        assertThat(table.withOwnResources(Set.of(KEY)).route(disableKey).checkIds()).contains("auditor-integrity");
        assertThat(table.route(disableKey).checkIds()).doesNotContain("auditor-integrity");
    }

    @Test
    void routesCoverTamperingWithAliasesAndInvokeConfigs() {
        for (String own : List.of("lambda/DeleteAlias20150331.record.json", "lambda/PutFunctionEventInvokeConfig.record.json",
                "lambda/DeleteEventSourceMapping20150331.record.json", "events/DisableRule.envelope.json",
                "events/RemoveTargets.record.json", "sns/DeleteTopic.record.json", "sns/Unsubscribe.envelope.json",
                "sns/SetSubscriptionAttributes.record.json", "lambda/PutFunctionConcurrency20171031.record.json",
                "cloudwatch/AlarmStateChange.envelope.json")) {
            assertThat(deployed.route(event(own)).checkIds()).as(own + " on irready's own resource")
                    .containsExactly("auditor-integrity");
            // a table that does not know irready's resources (a CLI route, a foreign deployment) drops them
            assertThat(table.route(event(own)).routed()).as(own + " without irready's resources").isFalse();
        }
        for (String foreign : List.of("lambda/UpdateAlias20150331-foreign.envelope.json",
                "events/PutTargets-foreign.record.json")) {
            assertThat(deployed.route(event(foreign)).routed()).as(foreign + " on another team's resource").isFalse();
        }
        // a denied attempt on irready's alias is a tamper attempt; on another's it is nobody's business here
        assertThat(deployed.route(withError(event("lambda/DeleteAlias20150331.record.json"), "AccessDeniedException"))
                .tamperAttempt()).isTrue();
        assertThat(deployed.route(withError(event("lambda/UpdateAlias20150331-foreign.envelope.json"),
                "AccessDeniedException")).tamperAttempt()).isFalse();
    }

    @Test
    void alarmStateChangesAreReadIntoTheTableButGetNoCloudTrailPattern() {
        CloudTrailEvent alarm = event("cloudwatch/AlarmStateChange.envelope.json");
        assertThat(alarm.awsRegion()).isEqualTo("us-east-1");
        assertThat(alarm.eventId()).isEqualTo("c4c1c1c9-6542-e61b-6ef0-8c4d36933a92");
        assertThat(alarm.requestParameters().path("alarmName").asText())
                .isEqualTo("Irready-Forwarder-us-east-1-forward-dlq-not-empty");
        assertThat(EventBridgePatterns.of(table)).noneMatch(p -> p.get("source").equals(List.of("aws.cloudwatch")));
        assertThat(AlarmStateChange.pattern(List.of("a", "b"))).isEqualTo(Map.of("source", List.of("aws.cloudwatch"),
                "detail-type", List.of("CloudWatch Alarm State Change"), "detail", Map.of("alarmName", List.of("a", "b"))));
    }

    @Test
    void checkIdsCoverEveryCheckOfTheDesignTable() {
        assertThat(table.checkIds()).containsExactlyInAnyOrder("cloudtrail-logging-all-regions",
                "cloudtrail-management-events", "cloudtrail-log-file-validation", "cloudtrail-cloudwatch-delivery",
                "cloudtrail-kms-encryption", "cloudtrail-bucket-retention", "vpc-flow-logs-enabled", "ec2-ssm-managed",
                "ec2-cloudwatch-agent", "lambda-can-write-logs", "cloudfront-access-logging", "rds-log-exports",
                "logs-retention", "evidence-decryptable", "ir-responder-permissions", "route53resolver-query-logging",
                "guardduty-enabled", "config-recorder-on", "auditor-integrity",
                "elb-access-logs", "apigateway-logging", "eks-audit-logs", "waf-logging", "networkfirewall-logging",
                "logs-long-term-copy", "bedrock-invocation-logging",
                "organization-coverage",
                "logs-kms-encryption", "cloudtrail-bucket-integrity", "s3-evidence-data-events");
    }

    @Test
    void theJudgedKindsOfEveryRouteComeFromItsChecksResourceType() {
        Map<String, Set<ResourceKind>> judged = new java.util.TreeMap<>();
        table.routes().forEach(r -> judged.merge(r.checkId(), r.judged(), (a, b) -> {
            assertThat(b).as(r.checkId() + ": every route of a check judges the same kinds").isEqualTo(a);
            return a;
        }));
        judged.values().removeIf(Set::isEmpty);
        assertThat(judged).isEqualTo(Map.ofEntries(
                Map.entry("cloudtrail-log-file-validation", Set.of(ResourceKind.TRAIL)),
                Map.entry("cloudtrail-kms-encryption", Set.of(ResourceKind.TRAIL)),
                Map.entry("cloudtrail-bucket-retention", Set.of(ResourceKind.BUCKET)),
                Map.entry("vpc-flow-logs-enabled", Set.of(ResourceKind.VPC)),
                Map.entry("route53resolver-query-logging", Set.of(ResourceKind.VPC)),
                Map.entry("ec2-ssm-managed", Set.of(ResourceKind.INSTANCE)),
                Map.entry("ec2-cloudwatch-agent", Set.of(ResourceKind.INSTANCE)),
                Map.entry("lambda-can-write-logs", Set.of(ResourceKind.FUNCTION)),
                Map.entry("cloudfront-access-logging", Set.of(ResourceKind.DISTRIBUTION)),
                Map.entry("rds-log-exports", Set.of(ResourceKind.DB_INSTANCE, ResourceKind.DB_CLUSTER)),
                Map.entry("logs-retention", Set.of(ResourceKind.LOG_GROUP)),
                Map.entry("logs-long-term-copy", Set.of(ResourceKind.LOG_GROUP)),
                Map.entry("evidence-decryptable", Set.of(ResourceKind.KMS_KEY)),
                Map.entry("elb-access-logs", Set.of(io.irready.checks.elb.ElbAccessLogs.LOAD_BALANCER)),
                Map.entry("eks-audit-logs", Set.of(io.irready.checks.eks.EksAuditLogs.EKS_CLUSTER)),
                Map.entry("logs-kms-encryption", Set.of(ResourceKind.LOG_GROUP)),
                Map.entry("cloudtrail-bucket-integrity", Set.of(ResourceKind.BUCKET)),
                Map.entry("s3-evidence-data-events", Set.of(ResourceKind.BUCKET))));
    }

    @Test
    void everyRouteSaysWhyItsCallsCanChangeTheVerdict() {
        assertThat(table.routes()).allSatisfy(r -> assertThat(r.why()).as(r.checkId() + " " + r.eventNames())
                .hasSizeGreaterThan(20));
    }

    @Test
    void everyRouteOfTheDesignTableIsPresent() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        table.routes().forEach(r -> names.computeIfAbsent(r.eventSource(), s -> new TreeSet<>()).addAll(r.eventNames()));
        assertThat(names.get("cloudtrail.amazonaws.com")).containsExactlyInAnyOrder("StopLogging", "StartLogging",
                "DeleteTrail", "CreateTrail", "UpdateTrail", "PutEventSelectors");
        assertThat(names.get("s3.amazonaws.com")).containsExactlyInAnyOrder("PutBucketLifecycle",
                "PutBucketLifecycleConfiguration", "DeleteBucketLifecycle", "PutBucketPolicy", "DeleteBucketPolicy",
                "PutBucketAcl", "PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock", "DeleteBucket",
                "PutObjectLockConfiguration", "PutBucketVersioning", "PutBucketLogging", "PutBucketTagging");
        assertThat(names.get("kms.amazonaws.com")).containsExactlyInAnyOrder("DisableKey", "ScheduleKeyDeletion",
                "PutKeyPolicy", "RevokeGrant", "RetireGrant", "EnableKey", "CancelKeyDeletion",
                "DeleteImportedKeyMaterial", "ImportKeyMaterial", "DeleteKey", "DeleteExpiredKeyMaterial");
        assertThat(names.get("ec2.amazonaws.com")).containsExactlyInAnyOrder("DeleteFlowLogs", "CreateFlowLogs",
                "CreateVpc", "DeleteVpc", "RunInstances", "StartInstances", "AssociateIamInstanceProfile",
                "DisassociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation",
                "DisableEbsEncryptionByDefault", "ModifyEbsDefaultKmsKeyId", "ResetEbsDefaultKmsKeyId");
        assertThat(names.get("ssm.amazonaws.com")).containsExactlyInAnyOrder("DeleteAssociation", "UpdateAssociation",
                "CreateAssociation", "DeregisterManagedInstance", "UpdateServiceSetting");
        assertThat(names.get("iam.amazonaws.com")).hasSize(11);
        assertThat(names.get("lambda.amazonaws.com")).containsExactlyInAnyOrder("CreateFunction",
                "UpdateFunctionConfiguration", "DeleteFunction", "PutFunctionConcurrency", "DeleteFunctionConcurrency",
                "RemovePermission", "DeleteAlias", "UpdateAlias", "DeleteEventSourceMapping", "UpdateEventSourceMapping",
                "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig");
        assertThat(names.get("cloudfront.amazonaws.com")).containsExactlyInAnyOrder("CreateDistribution",
                "CreateDistributionWithTags", "UpdateDistribution", "DeleteRealtimeLogConfig", "UpdateRealtimeLogConfig");
        assertThat(names.get("logs.amazonaws.com")).containsExactlyInAnyOrder("PutDeliverySource",
                "DeleteDeliverySource", "CreateDelivery", "DeleteDelivery", "DeleteDeliveryDestination",
                "DeleteLogGroup", "PutRetentionPolicy", "DeleteRetentionPolicy", "CreateLogGroup", "DisassociateKmsKey",
                "PutSubscriptionFilter", "DeleteSubscriptionFilter", "AssociateKmsKey",
                "TagResource"); // the pipeline canary's call, on irready's own log group only (CanaryPart)
        assertThat(names.get("bedrock.amazonaws.com")).containsExactlyInAnyOrder(
                "PutModelInvocationLoggingConfiguration", "DeleteModelInvocationLoggingConfiguration");
        assertThat(names.get("rds.amazonaws.com")).hasSize(11);
        assertThat(names.get("route53resolver.amazonaws.com")).hasSize(3);
        assertThat(names.get("guardduty.amazonaws.com")).hasSize(3);
        assertThat(names.get("config.amazonaws.com")).hasSize(5);
        assertThat(names.get("organizations.amazonaws.com")).containsExactlyInAnyOrder("DisableAWSServiceAccess",
                "LeaveOrganization", "CreateAccount", "InviteAccountToOrganization", "MoveAccount",
                "RemoveAccountFromOrganization", "CloseAccount");
        assertThat(names.get("events.amazonaws.com")).hasSize(5);
        assertThat(names.get("sns.amazonaws.com")).containsExactlyInAnyOrder("DeleteTopic", "Unsubscribe",
                "SetTopicAttributes", "RemovePermission", "SetSubscriptionAttributes");
        assertThat(names.get("cloudwatch.amazonaws.com")).containsExactly("AlarmStateChange");
        assertThat(names.get("elasticloadbalancing.amazonaws.com")).containsExactlyInAnyOrder(
                "ModifyLoadBalancerAttributes", "CreateLoadBalancer", "CreateListener", "ModifyListener");
        assertThat(names.get("apigateway.amazonaws.com")).containsExactlyInAnyOrder("UpdateStage", "CreateStage",
                "CreateDeployment", "UpdateAccount");
        assertThat(names.get("eks.amazonaws.com")).containsExactlyInAnyOrder("UpdateClusterConfig", "CreateCluster");
        assertThat(names.get("wafv2.amazonaws.com")).containsExactlyInAnyOrder("DeleteLoggingConfiguration",
                "PutLoggingConfiguration", "CreateWebACL");
        assertThat(names.get("network-firewall.amazonaws.com")).containsExactlyInAnyOrder(
                "UpdateLoggingConfiguration", "CreateFirewall");
    }

    static CloudTrailEvent withReadOnly(CloudTrailEvent e, boolean readOnly) {
        return new CloudTrailEvent(e.eventId(), e.eventSource(), e.eventName(), e.eventTime(), e.awsRegion(),
                e.account(), e.source(), java.util.Optional.of(readOnly), e.errorCode(), e.errorMessage(),
                e.principalArn(), e.principalType(), e.invokedBy(), e.sourceIpAddress(), e.userAgent(),
                e.requestParameters(), e.responseElements(), e.record());
    }

    static CloudTrailEvent withError(CloudTrailEvent e, String errorCode) {
        return new CloudTrailEvent(e.eventId(), e.eventSource(), e.eventName(), e.eventTime(), e.awsRegion(),
                e.account(), e.source(), e.readOnly(), errorCode, "denied", e.principalArn(), e.principalType(),
                e.invokedBy(), e.sourceIpAddress(), e.userAgent(), e.requestParameters(), null, e.record());
    }
}
