package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AuditorIdentity;
import io.irready.core.UsEast1Check;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** No part of irready unwatched: forwarders' dead-letter alarms, home routing of alarm states, the environment. */
class IntegrityWatchTemplateTest {
    private static Synth euOnly;

    @BeforeAll
    static void synthesize() {
        euOnly = Synth.of(Map.of("regions", "eu-west-1,eu-central-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void forwardersAreWatched() {
        for (String region : List.of("us-east-1", "eu-central-1")) {
            Template forwarder = euOnly.forwarders.get(region);
            String prefix = "Irready-Forwarder-" + region + "-forward-";
            Map<String, Object> alarm = Cfn.propsOf(forwarder, "AWS::CloudWatch::Alarm").get(0);
            assertThat(alarm.get("AlarmName")).isEqualTo(prefix + "dlq-not-empty");
            assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
            assertThat(Cfn.num(alarm.get("Threshold"))).isEqualTo(0);
            Map<String, Object> alarmRule = Cfn.propsOf(forwarder, "AWS::Events::Rule").stream()
                    .filter(r -> (prefix + "alarm-state").equals(r.get("Name"))).findFirst().orElseThrow();
            assertThat(alarmRule.get("EventPattern")).isEqualTo(Map.of("source", List.of("aws.cloudwatch"),
                    "detail-type", List.of("CloudWatch Alarm State Change"),
                    "detail", Map.of("alarmName", List.of(prefix + "dlq-not-empty"))));
            Map<String, Object> target = Cfn.at(alarmRule, "Targets", 0);
            assertThat(target.get("Arn").toString()).contains(":events:eu-west-1:").contains(":event-bus/default");
            assertThat((Map<String, Object>) target.get("DeadLetterConfig")).isNotNull();
        }
        // at home, one rule routes every dead-letter alarm of irready (home and forwarders) to the event function
        Map<String, Object> home = Cfn.propsOf(euOnly.home, "AWS::Events::Rule").stream()
                .filter(r -> "Irready-alarm-state".equals(r.get("Name"))).findFirst().orElseThrow();
        assertThat(Cfn.<List<String>>at(home, "EventPattern", "detail", "alarmName")).containsExactlyInAnyOrder(
                "Irready-delivery-dlq-not-empty", "Irready-invocation-dlq-not-empty", "Irready-recheck-dlq-not-empty",
                "Irready-Forwarder-us-east-1-forward-dlq-not-empty",
                "Irready-Forwarder-eu-central-1-forward-dlq-not-empty");
        assertThat(Cfn.<Object>at(home, "Targets", 0, "Arn").toString()).contains("EventAlias");
        assertThat(Cfn.propsOf(euOnly.home, "AWS::CloudWatch::Alarm")).extracting(a -> a.get("AlarmName"))
                .contains("Irready-delivery-dlq-not-empty", "Irready-invocation-dlq-not-empty",
                        "Irready-recheck-dlq-not-empty");
        // the forwarder queue's suppression no longer claims an SNS alarm action it does not have
        assertThat(NagSuppressionsForAuditor.FORWARDER_DLQ_REASON).contains("forwards to the home region")
                .contains("auditor-integrity");
    }

    @Test
    void auditorIntegrityJudgesEveryRuleIrreadyDeployedInEveryRegion() {
        Map<String, Object> env = Cfn.at(Cfn.propsOf(euOnly.home, "AWS::Lambda::Function").get(0), "Environment",
                "Variables");
        List<AuditorIdentity.Forwarder> forwarders = AuditorIdentity.Forwarder.parse(
                (String) env.get("IRREADY_AUDITOR_FORWARDERS"));
        assertThat(forwarders).extracting(AuditorIdentity.Forwarder::region)
                .containsExactlyInAnyOrder("us-east-1", "eu-central-1");
        for (AuditorIdentity.Forwarder f : forwarders) {
            List<Object> deployed = Cfn.propsOf(euOnly.forwarders.get(f.region()), "AWS::Events::Rule").stream()
                    .map(r -> r.get("Name")).toList();
            assertThat(f.ruleNames()).as(f.region() + ": every forwarder rule is judged")
                    .containsExactlyInAnyOrderElementsOf(deployed.stream().map(String::valueOf).toList());
            assertThat(f.alarmName()).isEqualTo("Irready-Forwarder-" + f.region() + "-forward-dlq-not-empty");
        }
        assertThat(env.get("IRREADY_AUDITOR_ALARM_NAMES")).isEqualTo("Irready-delivery-dlq-not-empty,"
                + "Irready-invocation-dlq-not-empty,Irready-recheck-dlq-not-empty");
        assertThat(env.get("IRREADY_AUDITOR_ASYNC_RETRIES")).isEqualTo(String.valueOf(ReadinessAuditor.ASYNC_RETRY_ATTEMPTS));
        assertThat(env.get("IRREADY_AUDITOR_ON_FAILURE_ARN").toString()).contains("InvocationDlq");
        assertThat(env.get("IRREADY_AUDITOR_RULE_NAMES").toString()).contains("Irready-alarm-state");
        // the functions may read what the check now reads
        String policies = Cfn.resources(euOnly.home, "AWS::IAM::Policy").toString();
        assertThat(policies).contains("cloudwatch:DescribeAlarms", "lambda:GetAlias",
                "lambda:GetFunctionEventInvokeConfig");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventsOutsideTheWatchedRegionsUsEast1ForwardsOnlyGlobalServices() {
        Synth synth = Synth.of(Map.of("regions", "eu-west-1"));
        assertThat(synth.forwarders).containsOnlyKeys("us-east-1");
        List<Object> sources = Cfn.propsOf(synth.forwarders.get("us-east-1"), "AWS::Events::Rule").stream()
                .map(r -> ((Map<String, Object>) r.get("EventPattern")).get("source"))
                .flatMap(s -> ((List<Object>) s).stream()).toList();
        assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(
                UsEast1Check.GLOBAL_SOURCES.contains(s) || s.equals("aws.cloudwatch")).as(String.valueOf(s)).isTrue());
        assertThat(sources).contains("aws.iam", "aws.cloudfront", "aws.organizations", "aws.cloudwatch")
                .doesNotContain("aws.ec2", "aws.cloudtrail");
        // a watched us-east-1 forwards everything
        assertThat(Cfn.propsOf(Synth.full().forwarders.get("us-east-1"), "AWS::Events::Rule"))
                .hasSize(Synth.patterns().size() + 1);
    }

    @Test
    void homeRegionExplicitAndPredictable() {
        assertThat(HomeRegion.choose(Optional.of("ap-south-1"), List.of("eu-west-1"), Optional.of("us-east-1")))
                .isEqualTo(new HomeRegion("ap-south-1", "given with -c homeRegion"));
        HomeRegion first = HomeRegion.choose(Optional.empty(), List.of("eu-west-1", "us-east-1"), Optional.of("us-east-1"));
        assertThat(first.region()).as("the first of regions, not the credentials' us-east-1").isEqualTo("eu-west-1");
        assertThat(first.announcement()).isEqualTo("irready: home region eu-west-1 — the first of -c regions "
                + "(eu-west-1,us-east-1)");
        assertThat(HomeRegion.choose(Optional.empty(), List.of(), Optional.of("eu-north-1")).region())
                .isEqualTo("eu-north-1");
        assertThatThrownBy(() -> HomeRegion.choose(Optional.empty(), List.of(), Optional.empty()))
                .hasMessageContaining("-c homeRegion");
        assertThat(euOnly.deployment.home().getRegion()).isEqualTo("eu-west-1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void infraHygieneKeyPoliciesNameTheirSourceAndKeysAreUsable() {
        Map<String, Object> key = Cfn.props(Cfn.resources(euOnly.home, "AWS::KMS::Key")
                .get(Cfn.logicalId(euOnly.home, "AWS::KMS::Key", "AlertKey")));
        List<Map<String, Object>> statements = Cfn.at(key, "KeyPolicy", "Statement");
        List<Map<String, Object>> services = statements.stream()
                .filter(s -> s.get("Principal") instanceof Map<?, ?> p && p.containsKey("Service")).toList();
        assertThat(services).isNotEmpty().allSatisfy(s -> {
            Map<String, Object> condition = (Map<String, Object>) s.get("Condition");
            assertThat(condition).as(s.toString()).isNotNull();
            assertThat(condition.toString()).contains("aws:SourceAccount").contains("aws:SourceArn");
        });
        // integrity topic under a customer-managed key: the functions may encrypt with it
        String integrityKey = "arn:aws:kms:eu-west-1:210987654321:key/0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01";
        Synth withKey = Synth.of(Map.of("homeRegion", "eu-west-1",
                "integrityTopicArn", "arn:aws:sns:eu-west-1:210987654321:security-integrity",
                "integrityTopicKeyArn", integrityKey, "slackWebhookSecretName", "irready/slack-webhook"));
        Map<String, Map<String, Object>> policies = Cfn.resources(withKey.home, "AWS::IAM::Policy");
        assertThat(policies.entrySet().stream().filter(e -> e.getKey().contains("EventFunction")).findFirst()
                .orElseThrow().getValue().toString()).contains("PublishToTheEncryptedIntegrityTopic", integrityKey,
                "kms:GenerateDataKey", "kms:Decrypt");
        String webhook = policies.entrySet().stream().filter(e -> e.getKey().contains("SlackWebhook")).findFirst()
                .orElseThrow().getValue().toString();
        assertThat(webhook).contains("kms:Decrypt", "kms:ViaService", "secretsmanager.eu-west-1.amazonaws.com");
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().integrityTopicKeyArn(integrityKey).build())
                .hasMessageContaining("set the topic too");
    }
}
