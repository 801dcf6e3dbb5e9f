package io.irready.infra;

import io.irready.checks.Catalog;
import static io.irready.infra.EventPatternMatcher.cloudTrailEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.events.Route;
import io.irready.events.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The event rules are the routing table's patterns, target the alias with a DLQ, and match what they should. */
class RoutingRulesTest {
    static Template home;
    static List<Map<String, Object>> routeRules = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() {
        home = Synth.full().home;
        for (Map<String, Object> rule : Cfn.propsOf(home, "AWS::Events::Rule")) {
            // the alarm-state rule carries irready's own alarms, not routing-table calls (IntegrityWatchTemplateTest)
            if (rule.containsKey("EventPattern") && !"Irready-alarm-state".equals(rule.get("Name"))) {
                routeRules.add(rule);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> synthesizedPatterns() {
        return routeRules.stream().map(r -> (Map<String, Object>) r.get("EventPattern")).toList();
    }

    private static boolean anyRuleMatches(Map<String, Object> event) {
        return synthesizedPatterns().stream().anyMatch(p -> EventPatternMatcher.matches(p, event));
    }

    @Test
    void oneRulePerRoutingTablePatternWithThePatternUnchanged() {
        assertThat(synthesizedPatterns()).containsExactlyInAnyOrderElementsOf(Synth.patterns());
    }

    @Test
    void evidenceDisablingCallsAreMatched() {
        assertThat(anyRuleMatches(cloudTrailEvent("aws.cloudtrail", "cloudtrail.amazonaws.com", "StopLogging"))).isTrue();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.ec2", "ec2.amazonaws.com", "DeleteFlowLogs"))).isTrue();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.rds", "rds.amazonaws.com", "ModifyDBInstance"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRoutedEventNameIsMatchedAndVersionedNamesToo() {
        int checked = 0;
        for (Map<String, Object> pattern : Synth.patterns()) {
            String source = ((List<String>) pattern.get("source")).get(0);
            Map<String, Object> detail = (Map<String, Object>) pattern.get("detail");
            for (Object eventSource : (List<Object>) detail.get("eventSource")) {
                for (Object name : (List<Object>) detail.get("eventName")) {
                    String sample = name instanceof String s ? s
                            : ((String) ((Map<String, Object>) name).get("wildcard")).replace("*", "150331");
                    assertThat(anyRuleMatches(cloudTrailEvent(source, (String) eventSource, sample)))
                            .as(source + " " + eventSource + " " + sample).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(Synth.patterns().size());
    }

    @Test
    void everyRouteOfTheRoutingTableIsMatched() {
        RouteTable table = Catalog.routeTable();
        assertThat(table.routes()).isNotEmpty();
        for (Route route : table.routes()) {
            if (io.irready.events.AlarmStateChange.isAlarmRoute(route)) {
                continue; // delivered by the alarm-state rule (IntegrityWatchTemplateTest)
            }
            for (String name : route.eventNames()) {
                assertThat(anyRuleMatches(cloudTrailEvent(route.detailType(), route.source(), route.eventSource(), name)))
                        .as(route.detailType() + " " + route.eventSource() + " " + name).isTrue();
            }
        }
    }

    @Test
    void awsServiceEventsViaCloudTrailAreMatchedForKmsOnly() {
        String serviceEvent = "AWS Service Event via CloudTrail";
        assertThat(anyRuleMatches(cloudTrailEvent(serviceEvent, "aws.kms", "kms.amazonaws.com", "DeleteKey"))).isTrue();
        assertThat(anyRuleMatches(cloudTrailEvent(serviceEvent, "aws.kms", "kms.amazonaws.com",
                "DeleteExpiredKeyMaterial"))).isTrue();
        // no other source routes a service event: its rule keeps to API calls
        assertThat(anyRuleMatches(cloudTrailEvent(serviceEvent, "aws.cloudtrail", "cloudtrail.amazonaws.com",
                "StopLogging"))).isFalse();
    }

    @Test
    void versionedLambdaAndCloudFrontNamesAreMatched() {
        assertThat(anyRuleMatches(cloudTrailEvent("aws.lambda", "lambda.amazonaws.com", "CreateFunction20150331"))).isTrue();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.lambda", "lambda.amazonaws.com",
                "UpdateFunctionConfiguration20150331v2"))).isTrue();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.cloudfront", "cloudfront.amazonaws.com",
                "UpdateDistribution2020_05_31"))).isTrue();
    }

    @Test
    void lookAlikeNamesReadOnlyCallsAndOtherDetailTypesAreNot() {
        assertThat(anyRuleMatches(cloudTrailEvent("aws.ec2", "ec2.amazonaws.com", "CreateVpcEndpoint"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.ec2", "ec2.amazonaws.com", "DeleteFlowLogsX"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.rds", "rds.amazonaws.com", "ModifyDBClusterSnapshotAttribute"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.rds", "rds.amazonaws.com", "ModifyDBInstanceX"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.s3", "s3.amazonaws.com", "DeleteBucketCors"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.cloudtrail", "cloudtrail.amazonaws.com", "DescribeTrails"))).isFalse();
        assertThat(anyRuleMatches(cloudTrailEvent("aws.lambda", "lambda.amazonaws.com", "CreateFunctionUrlConfig20211031"))).isFalse();
        // right name, wrong service: the eventSource is part of the pattern
        assertThat(anyRuleMatches(cloudTrailEvent("aws.cloudtrail", "ec2.amazonaws.com", "StopLogging"))).isFalse();
        Map<String, Object> notCloudTrail = Map.of("source", "aws.cloudtrail", "detail-type", "CloudTrail Insight",
                "detail", Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging"));
        assertThat(anyRuleMatches(notCloudTrail)).isFalse();
    }

    @Test
    void everyRuleTargetsTheEventAliasWithDeadLetterQueueAndRetryPolicy() {
        String alias = Cfn.logicalId(home, "AWS::Lambda::Alias", "EventAlias");
        String dlq = Cfn.logicalId(home, "AWS::SQS::Queue", "DeliveryDlq");
        assertThat(routeRules).isNotEmpty();
        for (Map<String, Object> rule : routeRules) {
            List<Object> targets = Cfn.at(rule, "Targets");
            assertThat(targets).hasSize(1);
            Map<String, Object> target = Cfn.at(targets, 0);
            assertThat(target.get("Arn")).isEqualTo(Cfn.ref(alias));
            assertThat(Cfn.<Object>at(target, "DeadLetterConfig", "Arn")).isEqualTo(Cfn.arn(dlq));
            assertThat(Cfn.num(Cfn.at(target, "RetryPolicy", "MaximumEventAgeInSeconds"))).isEqualTo(7200);
            assertThat(Cfn.num(Cfn.at(target, "RetryPolicy", "MaximumRetryAttempts"))).isEqualTo(20);
            assertThat(rule.get("State")).isEqualTo("ENABLED");
        }
        // one queue-policy statement admits every rule of the deployment: SQS allows only 20 statements per policy
        Map<String, Object> dlqPolicy = Cfn.propsOf(home, "AWS::SQS::QueuePolicy").stream()
                .filter(p -> p.get("Queues").toString().contains(dlq)).findFirst().orElseThrow();
        List<Map<String, Object>> statements = Cfn.at(dlqPolicy, "PolicyDocument", "Statement");
        assertThat(statements).hasSizeLessThanOrEqualTo(20);
        assertThat(statements.toString()).contains("events.amazonaws.com", "ArnLike", ":rule/Irready-*");
        // EventBridge may invoke the alias (one permission per rule) and write to the DLQ
        assertThat(Cfn.propsOf(home, "AWS::Lambda::Permission").stream()
                .filter(p -> "events.amazonaws.com".equals(p.get("Principal")) && Cfn.ref(alias).equals(p.get("FunctionName"))))
                .hasSize(routeRules.size() + 1); // and the alarm-state rule
    }

    @Test
    @SuppressWarnings("unchecked")
    void sweepSchedulesInvokeTheSweepAliasWithTheirMode() {
        String alias = Cfn.logicalId(home, "AWS::Lambda::Alias", "SweepAlias");
        Map<String, String> inputBySchedule = new java.util.TreeMap<>();
        for (Map<String, Object> rule : Cfn.propsOf(home, "AWS::Events::Rule")) {
            if (rule.containsKey("ScheduleExpression")) {
                Map<String, Object> target = Cfn.at(rule, "Targets", 0);
                assertThat(target.get("Arn")).isEqualTo(Cfn.ref(alias));
                assertThat(target).containsKeys("DeadLetterConfig", "RetryPolicy");
                inputBySchedule.put((String) rule.get("ScheduleExpression"), (String) target.get("Input"));
            }
        }
        assertThat(inputBySchedule).containsOnly(
                Map.entry("rate(5 minutes)", "{\"mode\":\"critical\"}"),
                Map.entry("rate(1 hour)", "{\"mode\":\"full\"}"),
                Map.entry("rate(15 minutes)", "{\"mode\":\"canary\"}"));
        Map<String, String> minimal = new java.util.TreeMap<>();
        for (Map<String, Object> rule : Cfn.propsOf(Synth.minimal().home, "AWS::Events::Rule")) {
            if (rule.containsKey("ScheduleExpression")) {
                minimal.put((String) rule.get("ScheduleExpression"), (String) ((Map<String, Object>) Cfn.at(rule, "Targets", 0)).get("Input"));
            }
        }
        assertThat(minimal).containsOnly(
                Map.entry("rate(10 minutes)", "{\"mode\":\"critical\"}"),
                Map.entry("rate(2 hours)", "{\"mode\":\"full\"}"),
                Map.entry("rate(15 minutes)", "{\"mode\":\"canary\"}"));
    }
}
