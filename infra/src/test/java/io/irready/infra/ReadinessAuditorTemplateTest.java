package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The home stack: functions, aliases, queues, table, topic, keys, alarms, dashboard and what context changes. */
class ReadinessAuditorTemplateTest {
    static Template full;
    static Template minimal;

    @BeforeAll
    static void synthesize() {
        full = Synth.full().home;
        minimal = Synth.minimal().home;
    }

    private static Map<String, Object> function(Template t, String fragment) {
        return Cfn.props(Cfn.resources(t, "AWS::Lambda::Function").get(Cfn.logicalId(t, "AWS::Lambda::Function", fragment)));
    }

    @Test
    void functionsAreJava21OnArmWithSnapStartOnPublishedVersions() {
        Map<String, String> handlers = Map.of(
                "EventFunction", ReadinessAuditor.EVENT_HANDLER,
                "SweepFunction", ReadinessAuditor.SWEEP_HANDLER,
                "SlackWebhookFunction", ReadinessAuditor.SLACK_WEBHOOK_HANDLER);
        assertThat(Cfn.resources(full, "AWS::Lambda::Function")).hasSize(3);
        handlers.forEach((fragment, handler) -> {
            Map<String, Object> fn = function(full, fragment);
            assertThat(fn.get("Handler")).as(fragment).isEqualTo(handler);
            assertThat(fn.get("Runtime")).as(fragment).isEqualTo("java21");
            assertThat(fn.get("Architectures")).as(fragment).isEqualTo(List.of("arm64"));
            assertThat(fn.get("SnapStart")).as(fragment).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            assertThat(Cfn.num(fn.get("MemorySize"))).as(fragment).isEqualTo(1024);
            assertThat(Cfn.<String>at(fn, "Environment", "Variables", "JAVA_TOOL_OPTIONS"))
                    .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
            String logGroup = Cfn.logicalId(full, "AWS::Logs::LogGroup", fragment + "Logs");
            assertThat(Cfn.<Object>at(fn, "LoggingConfig", "LogGroup")).isEqualTo(Cfn.ref(logGroup));
        });
        assertThat(Cfn.num(function(full, "EventFunction").get("Timeout"))).isEqualTo(60);
        assertThat(Cfn.num(function(full, "SweepFunction").get("Timeout"))).isEqualTo(600);
    }

    @Test
    void everyFunctionHasALiveAliasOnAPublishedVersionWithBoundedAsyncRetriesToTheDlq() {
        String dlq = Cfn.logicalId(full, "AWS::SQS::Queue", "InvocationDlq");
        for (String fragment : List.of("EventFunction", "SweepFunction", "SlackWebhookFunction")) {
            String fn = Cfn.logicalId(full, "AWS::Lambda::Function", fragment);
            Map<String, Object> alias = Cfn.propsOf(full, "AWS::Lambda::Alias").stream()
                    .filter(a -> Cfn.ref(fn).equals(a.get("FunctionName"))).findFirst().orElseThrow();
            assertThat(alias.get("Name")).isEqualTo("live");
            String version = (String) Cfn.<List<Object>>at(alias, "FunctionVersion", "Fn::GetAtt").get(0);
            assertThat(Cfn.resources(full, "AWS::Lambda::Version")).containsKey(version);
            Map<String, Object> invoke = Cfn.propsOf(full, "AWS::Lambda::EventInvokeConfig").stream()
                    .filter(c -> Cfn.ref(fn).equals(c.get("FunctionName"))).findFirst().orElseThrow();
            assertThat(invoke.get("Qualifier")).isEqualTo("live");
            assertThat(Cfn.num(invoke.get("MaximumRetryAttempts"))).as(fragment)
                    .isEqualTo(fragment.equals("SweepFunction") ? 0 : 2);
            assertThat(Cfn.num(invoke.get("MaximumEventAgeInSeconds"))).isEqualTo(3600);
            assertThat(Cfn.<Object>at(invoke, "DestinationConfig", "OnFailure", "Destination")).isEqualTo(Cfn.arn(dlq));
        }
    }

    @Test
    void aFailedSweepIsNotRetriedByLambdaBecauseTheNextScheduledSweepIsTheRetry() {
        String fn = Cfn.logicalId(full, "AWS::Lambda::Function", "SweepFunction");
        Map<String, Object> invoke = Cfn.propsOf(full, "AWS::Lambda::EventInvokeConfig").stream()
                .filter(c -> Cfn.ref(fn).equals(c.get("FunctionName"))).findFirst().orElseThrow();
        assertThat(Cfn.num(invoke.get("MaximumRetryAttempts"))).isZero();
    }

    @Test
    void functionsGetTheirConfigurationAsEnvironmentAndNoSecrets() {
        Map<String, Object> env = Cfn.at(function(full, "EventFunction"), "Environment", "Variables");
        assertThat(env).containsEntry("IRREADY_REGIONS", "eu-west-1,us-east-1")
                .containsEntry("IRREADY_RETENTION_DAYS", "365")
                .containsEntry("IRREADY_MIN_ALERT_SEVERITY", "HIGH")
                .containsEntry("IRREADY_RESPONDER_ROLE_ARN", "arn:aws:iam::123456789012:role/IncidentResponder")
                .containsEntry("IRREADY_SUPPRESSIONS", "vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0sandbox*")
                .containsEntry("IRREADY_INTEGRITY_TOPIC_ARN", "arn:aws:sns:eu-west-1:210987654321:security-integrity")
                .containsEntry("IRREADY_TABLE_NAME", Cfn.ref(Cfn.logicalId(full, "AWS::DynamoDB::Table", "Findings")))
                .containsEntry("IRREADY_TOPIC_ARN", Cfn.ref(Cfn.logicalId(full, "AWS::SNS::Topic", "AlertTopic")))
                .containsEntry("IRREADY_RECHECK_QUEUE_URL", Cfn.ref(Cfn.logicalId(full, "AWS::SQS::Queue", "RecheckQueue")));
        assertThat(env).containsEntry("IRREADY_AUDITOR_REGION", "eu-west-1")
                .containsEntry("IRREADY_AUDITOR_ALIAS", "live")
                .containsEntry("IRREADY_AUDITOR_FUNCTION_NAMES", "Irready-event,Irready-sweep,Irready-slack-webhook")
                .containsEntry("IRREADY_AUDITOR_TOPIC_ARN", Cfn.ref(Cfn.logicalId(full, "AWS::SNS::Topic", "AlertTopic")))
                .containsEntry("IRREADY_AUDITOR_KEY_ARN", Cfn.arn(Cfn.logicalId(full, "AWS::KMS::Key", "AlertKey")));
        // the rule names it watches are the rules that exist
        List<Object> ruleNames = Cfn.propsOf(full, "AWS::Events::Rule").stream().map(r -> r.get("Name")).toList();
        assertThat(List.of(((String) env.get("IRREADY_AUDITOR_RULE_NAMES")).split(",")))
                .containsExactlyInAnyOrderElementsOf(ruleNames.stream().map(String::valueOf).toList())
                .contains("Irready-route-cloudtrail", "Irready-critical-sweep", "Irready-full-sweep");
        assertThat(function(full, "EventFunction").get("FunctionName")).isEqualTo("Irready-event");
        assertThat(Cfn.<Map<String, Object>>at(function(full, "SweepFunction"), "Environment", "Variables")).isEqualTo(env);
        Map<String, Object> webhook = Cfn.at(function(full, "SlackWebhookFunction"), "Environment", "Variables");
        assertThat(webhook).containsOnlyKeys("IRREADY_SLACK_WEBHOOK_SECRET_ARN", "JAVA_TOOL_OPTIONS");
        assertThat(String.valueOf(webhook.get("IRREADY_SLACK_WEBHOOK_SECRET_ARN")))
                .contains(":secret:irready/slack-webhook").doesNotContain("hooks.slack.com");
        Map<String, Object> minimalEnv = Cfn.at(function(minimal, "EventFunction"), "Environment", "Variables");
        assertThat(minimalEnv).containsEntry("IRREADY_REGIONS", "us-east-1")
                .containsEntry("IRREADY_RETENTION_DAYS", "400")
                .containsEntry("IRREADY_MIN_ALERT_SEVERITY", "MEDIUM")
                .doesNotContainKeys("IRREADY_INTEGRITY_TOPIC_ARN", "IRREADY_RESPONDER_ROLE_ARN", "IRREADY_SUPPRESSIONS");
    }

    @Test
    void delayedRecheckQueueFeedsTheEventAliasAndHasItsOwnDlq() {
        Map<String, Map<String, Object>> queues = Cfn.resources(full, "AWS::SQS::Queue");
        String recheck = Cfn.logicalId(full, "AWS::SQS::Queue", "RecheckQueue");
        String recheckDlq = Cfn.logicalId(full, "AWS::SQS::Queue", "RecheckDlq");
        Map<String, Object> q = Cfn.props(queues.get(recheck));
        assertThat(Cfn.num(q.get("DelaySeconds"))).isEqualTo(120);
        assertThat(Cfn.<Object>at(q, "RedrivePolicy", "deadLetterTargetArn")).isEqualTo(Cfn.arn(recheckDlq));
        Map<String, Object> mapping = Cfn.propsOf(full, "AWS::Lambda::EventSourceMapping").get(0);
        // the alias' function name with the :live qualifier
        assertThat(mapping.get("FunctionName").toString())
                .contains(Cfn.logicalId(full, "AWS::Lambda::Alias", "EventAlias")).contains(":live");
        assertThat(mapping.get("EventSourceArn")).isEqualTo(Cfn.arn(recheck));
        assertThat(mapping.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
    }

    @Test
    void everyQueueIsKmsEncryptedAndRefusesPlainHttp() {
        Map<String, Map<String, Object>> queues = Cfn.resources(full, "AWS::SQS::Queue");
        assertThat(queues).hasSize(4);
        queues.forEach((id, queue) -> assertThat(Cfn.props(queue)).as(id).containsKey("KmsMasterKeyId"));
        List<Map<String, Object>> policies = Cfn.propsOf(full, "AWS::SQS::QueuePolicy");
        for (String id : queues.keySet()) {
            assertThat(policies.stream().anyMatch(p -> p.toString().contains("aws:SecureTransport")
                    && p.get("Queues").toString().contains(id))).as(id + " enforces SSL").isTrue();
        }
    }

    @Test
    void findingsTableMatchesTheStoreContract() {
        Map<String, Object> table = Cfn.resources(full, "AWS::DynamoDB::Table").values().iterator().next();
        assertThat(table.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(table.get("UpdateReplacePolicy")).isEqualTo("Retain");
        Map<String, Object> p = Cfn.props(table);
        assertThat(p.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(p.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"),
                Map.of("AttributeName", "sk", "KeyType", "RANGE")));
        assertThat(p.get("TimeToLiveSpecification")).isEqualTo(Map.of("AttributeName", "expiresAt", "Enabled", true));
        assertThat(Cfn.<Object>at(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled")).isEqualTo(true);
        assertThat(p.get("DeletionProtectionEnabled")).isEqualTo(true);
        assertThat(Cfn.<Object>at(p, "SSESpecification", "SSEEnabled")).isEqualTo(true);
        assertThat(Cfn.<Object>at(p, "SSESpecification", "SSEType")).isEqualTo("KMS");
        assertThat(Cfn.<Object>at(p, "SSESpecification", "KMSMasterKeyId"))
                .isEqualTo(Cfn.arn(Cfn.logicalId(full, "AWS::KMS::Key", "DataKey")));
        assertThat(p.get("GlobalSecondaryIndexes")).isEqualTo(List.of(
                Map.of("IndexName", "open-findings", "KeySchema", List.of(
                        Map.of("AttributeName", "openStatus", "KeyType", "HASH"),
                        Map.of("AttributeName", "statusChangedAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")),
                Map.of("IndexName", "open-by-account", "KeySchema", List.of(
                        Map.of("AttributeName", "openAccount", "KeyType", "HASH"),
                        Map.of("AttributeName", "statusChangedAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL")),
                Map.of("IndexName", "outbox", "KeySchema", List.of(
                        Map.of("AttributeName", "outboxState", "KeyType", "HASH"),
                        Map.of("AttributeName", "outboxAt", "KeyType", "RANGE")),
                        "Projection", Map.of("ProjectionType", "ALL"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void topicKeyAdmitsCloudWatchAndEventBridgeAndRotates() {
        String keyId = Cfn.logicalId(full, "AWS::KMS::Key", "AlertKey");
        Map<String, Object> key = Cfn.props(Cfn.resources(full, "AWS::KMS::Key").get(keyId));
        assertThat(key.get("EnableKeyRotation")).isEqualTo(true);
        List<Map<String, Object>> statements = Cfn.at(key, "KeyPolicy", "Statement");
        Map<String, Object> services = statements.stream()
                .filter(s -> s.toString().contains("cloudwatch.amazonaws.com")).findFirst().orElseThrow();
        assertThat(Cfn.oneOrMany(Cfn.at(services, "Principal", "Service")))
                .containsExactlyInAnyOrder("cloudwatch.amazonaws.com", "events.amazonaws.com");
        assertThat(Cfn.oneOrMany(services.get("Action"))).contains("kms:Decrypt", "kms:GenerateDataKey*");
        assertThat(services.get("Effect")).isEqualTo("Allow");
        Map<String, Object> topic = Cfn.propsOf(full, "AWS::SNS::Topic").get(0);
        assertThat(topic.get("KmsMasterKeyId")).isEqualTo(Cfn.arn(keyId));
        assertThat(Cfn.resources(full, "AWS::KMS::Key").values()).allSatisfy(k -> {
            assertThat(Cfn.props(k).get("EnableKeyRotation")).isEqualTo(true);
            assertThat(k.get("DeletionPolicy")).isEqualTo("Retain");
        });
        String policy = Cfn.propsOf(full, "AWS::SNS::TopicPolicy").get(0).toString();
        assertThat(policy).contains("cloudwatch.amazonaws.com", "events.amazonaws.com", "sns:Publish",
                "aws:SecureTransport");
    }

    @Test
    void contextChangesTheTemplate() {
        List<Map<String, Object>> emails = Cfn.propsOf(full, "AWS::SNS::Subscription").stream()
                .filter(s -> "email".equals(s.get("Protocol"))).toList();
        assertThat(emails).extracting(s -> s.get("Endpoint"))
                .containsExactlyInAnyOrder("secops@example.com", "ir-lead@example.com");
        assertThat(Cfn.propsOf(full, "AWS::SNS::Subscription").stream().filter(s -> "lambda".equals(s.get("Protocol"))))
                .hasSize(1);
        Map<String, Object> slack = Cfn.propsOf(full, "AWS::Chatbot::SlackChannelConfiguration").get(0);
        assertThat(slack).containsEntry("SlackWorkspaceId", "T0123456789").containsEntry("SlackChannelId", "C0123456789");
        assertThat(slack.get("SnsTopicArns")).isEqualTo(List.of(Cfn.ref(Cfn.logicalId(full, "AWS::SNS::Topic", "AlertTopic"))));

        assertThat(Cfn.resources(minimal, "AWS::SNS::Subscription")).isEmpty();
        assertThat(Cfn.resources(minimal, "AWS::Chatbot::SlackChannelConfiguration")).isEmpty();
        assertThat(Cfn.resources(minimal, "AWS::Lambda::Function")).hasSize(2);
        // irready's own logs; the canary's log group holds none (CanaryTemplateTest)
        assertThat(Cfn.propsOf(full, "AWS::Logs::LogGroup")).filteredOn(l -> !"/irready/canary".equals(l.get("LogGroupName")))
                .isNotEmpty().allSatisfy(l -> assertThat(Cfn.num(l.get("RetentionInDays"))).isEqualTo(365));
        assertThat(Cfn.propsOf(minimal, "AWS::Logs::LogGroup")).filteredOn(l -> !"/irready/canary".equals(l.get("LogGroupName")))
                .isNotEmpty().allSatisfy(l -> assertThat(Cfn.num(l.get("RetentionInDays"))).isEqualTo(400));
    }

    @Test
    void alarmsNotifyTheTopicForErrorsThrottlesDlqsAndMissingSweeps() {
        String topic = Cfn.logicalId(full, "AWS::SNS::Topic", "AlertTopic");
        Map<String, Map<String, Object>> alarms = Cfn.resources(full, "AWS::CloudWatch::Alarm");
        // errors + throttles for 3 functions, 3 DLQs, the dead man's switch
        assertThat(alarms).hasSize(3 * 2 + 3 + 1);
        alarms.forEach((id, alarm) -> assertThat(Cfn.props(alarm).get("AlarmActions")).as(id)
                .isEqualTo(List.of(Cfn.ref(topic))));
        for (String dlq : List.of("DeliveryDlq", "InvocationDlq", "RecheckDlq")) {
            Map<String, Object> a = Cfn.props(alarms.get(Cfn.logicalId(full, "AWS::CloudWatch::Alarm", dlq + "NotEmpty")));
            assertThat(a.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(a.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
            assertThat(Cfn.num(a.get("Threshold"))).isZero();
        }
        Map<String, Object> deadMan = Cfn.props(alarms.get(Cfn.logicalId(full, "AWS::CloudWatch::Alarm", "NoSuccessfulSweep")));
        assertThat(deadMan.get("TreatMissingData")).isEqualTo("breaching");
        assertThat(deadMan.get("ComparisonOperator")).isEqualTo("LessThanThreshold");
        assertThat(deadMan).containsEntry("Namespace", "irready").containsEntry("MetricName", "SweepsCompleted")
                .containsEntry("Statistic", "Sum");
        assertThat(Cfn.num(deadMan.get("Period"))).isEqualTo(600);
        assertThat(Cfn.num(Cfn.props(Cfn.resources(minimal, "AWS::CloudWatch::Alarm")
                .get(Cfn.logicalId(minimal, "AWS::CloudWatch::Alarm", "NoSuccessfulSweep"))).get("Period"))).isEqualTo(1200);
    }

    @Test
    void sweepLogLinesBecomeTheScoreAndSweepCountMetrics() {
        String sweepLogs = Cfn.logicalId(full, "AWS::Logs::LogGroup", "SweepFunctionLogs");
        List<Map<String, Object>> filters = Cfn.propsOf(full, "AWS::Logs::MetricFilter");
        assertThat(filters).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("LogGroupName")).isEqualTo(Cfn.ref(sweepLogs));
            assertThat(f.get("FilterPattern")).isEqualTo("{ $.message = \"region swept\" }");
        });
        Map<String, Object> score = filters.stream().filter(f -> f.toString().contains("ReadinessScore")).findFirst().orElseThrow();
        assertThat(Cfn.<Object>at(score, "MetricTransformations", 0, "MetricValue")).isEqualTo("$.score");
        assertThat(Cfn.<Object>at(score, "MetricTransformations", 0, "MetricNamespace")).isEqualTo("irready");
        assertThat(Cfn.<Object>at(score, "MetricTransformations", 0, "Dimensions"))
                .isEqualTo(List.of(Map.of("Key", "Region", "Value", "$.region")));
    }

    @Test
    void dashboardShowsReadinessScorePerRegionFindingsEventsAndErrors() {
        Map<String, Object> dashboard = Cfn.propsOf(full, "AWS::CloudWatch::Dashboard").get(0);
        assertThat(dashboard.get("DashboardName")).isEqualTo("Irready-eu-west-1");
        assertThat(full.toJSON().get("Outputs").toString()).contains("FindingsTableName", "AlertTopicArn", "DashboardName");
        String body = dashboard.get("DashboardBody").toString();
        assertThat(body).contains("ReadinessScore", "Region", "eu-west-1", "us-east-1", "FailingFindings",
                "CRITICAL", "EventsReceived", "EventsRouted", "Errors", "Function", "sweep");
    }
}
