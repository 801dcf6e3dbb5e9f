package io.irready.checks.irready;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AuditorIdentity;
import io.irready.core.Config;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudwatch.AlarmInventory;
import io.irready.inventory.eventbridge.EventBridgeInventory;
import io.irready.inventory.cloudwatch.Alarm;
import io.irready.inventory.eventbridge.EventRule;
import io.irready.inventory.eventbridge.RuleTarget;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.lambda.AuditorFunction;
import io.irready.inventory.lambda.AuditorFunctionInventory;
import io.irready.inventory.sns.TopicInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditorIntegrityTest {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:irready-alerts";
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/irready";
    private static final String FN_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:irready-events";
    private static final String ALIAS_ARN = FN_ARN + ":live";
    private static final String INVOKE_POLICY = """
            {"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"events","Effect":"Allow",
              "Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%s",
              "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:events:eu-west-1:123456789012:rule/irready-cloudtrail"}}}]}"""
            .formatted(ALIAS_ARN);
    private static final Config CONFIG = Config.builder().auditor(new AuditorIdentity("eu-west-1",
            List.of("irready-cloudtrail"), List.of("irready-events", "irready-webhook"), null,
            Optional.of(TOPIC), Optional.of(KEY))).build();

    private final CheckHarness check = CheckHarness.of(new AuditorIntegrity());

    private Finding run(Config config, EventBridgeInventory events, AuditorFunctionInventory lambda,
                        TopicInventory sns, KmsInventory kms) {
        Finding f = CheckHarness.only(check.with(config).findings(inventory().with(EventBridgeInventory.class, events)
                .with(AuditorFunctionInventory.class, lambda).with(TopicInventory.class, sns)
                .with(KmsInventory.class, kms).with(AlarmInventory.class, AlarmInventory.of(List.of())).build()));
        assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
        return f;
    }

    private static EventBridgeInventory rule(String state, String target) {
        return EventBridgeInventory.of(List.of(new EventRule("irready-cloudtrail",
                "arn:aws:events:eu-west-1:123456789012:rule/irready-cloudtrail", state)),
                Map.of("irready-cloudtrail", List.of(target)));
    }

    private static AuditorFunctionInventory functions(Optional<Integer> concurrency, String policy) {
        return AuditorFunctionInventory.of(List.of(
                new AuditorFunction("irready-events", FN_ARN, concurrency),
                new AuditorFunction("irready-webhook", FN_ARN.replace("events", "webhook"), Optional.empty())),
                policy == null ? Map.of() : Map.of("irready-events", policy));
    }

    private static TopicInventory topic(String confirmed) {
        return TopicInventory.of(Map.of(TOPIC, Map.of("TopicArn", TOPIC, "SubscriptionsConfirmed", confirmed,
                "SubscriptionsPending", "1")));
    }

    private static KmsInventory key(String state) {
        return KmsInventory.of(List.of(new KmsKey(KEY, "irready", state, Optional.empty(), "CUSTOMER")));
    }

    @Test
    void intactDeploymentPasses() {
        Finding f = run(CONFIG, rule("ENABLED", ALIAS_ARN), functions(Optional.of(5), INVOKE_POLICY), topic("2"),
                key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("irready is intact: rules irready-cloudtrail are enabled and target alias "
                + "'live'; functions irready-events, irready-webhook exist, are not throttled to zero and may be "
                + "invoked by their rules; alert topic " + TOPIC + " has 2 confirmed subscriptions; key " + KEY
                + " is enabled.");
    }

    @Test
    void disabledRuleFails() {
        Finding f = run(CONFIG, rule("DISABLED", ALIAS_ARN), functions(Optional.empty(), INVOKE_POLICY), topic("1"),
                key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("irready's own deployment is impaired, so other alerts may be silenced: "
                + "rule irready-cloudtrail is DISABLED. Redeploy irready (cdk deploy) and find who changed it in "
                + "CloudTrail.");
    }

    @Test
    void everyBrokenPartIsListed() {
        Finding f = run(CONFIG, rule("ENABLED", "arn:aws:lambda:eu-west-1:666666666666:function:evil"),
                functions(Optional.of(0), null), TopicInventory.of(Map.of()), key("PendingDeletion"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("irready's own deployment is impaired, so other alerts may be silenced: "
                + "rule irready-cloudtrail no longer targets irready's function alias 'live' (targets: "
                + "arn:aws:lambda:eu-west-1:666666666666:function:evil); function irready-events has reserved "
                + "concurrency 0 (throttled: it never runs); alert topic " + TOPIC + " does not exist; key " + KEY
                + " is PendingDeletion (irready can neither store findings nor publish alerts). Redeploy irready "
                + "(cdk deploy) and find who changed it in CloudTrail.");
    }

    @Test
    void removedInvokePermissionAndUnconfirmedSubscriptionsFail() {
        Finding f = run(CONFIG, rule("ENABLED", ALIAS_ARN), functions(Optional.empty(), null), topic("0"),
                key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("function irready-events:live has no resource policy, so EventBridge cannot "
                + "invoke it; alert topic " + TOPIC + " has no confirmed subscription (1 pending): alerts reach nobody.");
    }

    @Test
    void notConfiguredIsNotApplicable() {
        Finding f = run(Config.defaults(), rule("ENABLED", ALIAS_ARN), functions(Optional.empty(), INVOKE_POLICY),
                topic("1"), key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("irready's own deployment is not configured here (no IRREADY_AUDITOR_* "
                + "settings, e.g. a CLI scan), so its integrity was not judged.");
    }

    @Test
    void otherRegionIsNotApplicable() {
        Config elsewhere = CONFIG.toBuilder().auditor(new AuditorIdentity("us-east-1", List.of("r"), List.of("f"),
                "live", Optional.empty(), Optional.empty())).build();
        Finding f = run(elsewhere, rule("ENABLED", ALIAS_ARN), functions(Optional.empty(), INVOKE_POLICY),
                topic("1"), key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("irready runs in us-east-1 and has no forwarder in eu-west-1; its "
                + "integrity is judged where its parts are.");
    }

    @Test
    void deniedReadsAreAnErrorNamingEachAction() {
        EventBridgeInventory events = new EventBridgeInventory(name -> {
            throw denied("events:DescribeRule");
        }, name -> List.of());
        TopicInventory sns = new TopicInventory(arn -> {
            throw denied("sns:GetTopicAttributes");
        });

        Finding f = run(CONFIG, events, functions(Optional.empty(), INVOKE_POLICY), sns, key("Enabled"));

        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to events:DescribeRule")
                .contains("; access denied to sns:GetTopicAttributes");
    }

    @Test
    void readsEventBridgeInvokePermission() {
        assertThat(FunctionsPart.allowsEventBridge(INVOKE_POLICY)).isTrue();
        assertThat(FunctionsPart.allowsEventBridge("""
                {"Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},
                  "Action":"lambda:InvokeFunction"}]}""")).isFalse();
        assertThat(FunctionsPart.functionName(ALIAS_ARN)).isEqualTo("irready-events");
    }

    @Test
    void invokePermissionIsReadInEveryShapeAPolicyTakes() {
        // one statement rather than a list, principals and actions as lists
        assertThat(FunctionsPart.allowsEventBridge("""
                {"Statement":{"Effect":"Allow","Principal":{"Service":["sns.amazonaws.com","events.amazonaws.com"]},
                  "Action":["lambda:GetFunction","lambda:*"]}}""")).isTrue();
        // a Deny, every principal (not a service principal) and other actions do not count
        assertThat(FunctionsPart.allowsEventBridge("""
                {"Statement":[{"Effect":"Deny","Principal":{"Service":"events.amazonaws.com"},"Action":"*"},
                  {"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction"},
                  {"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"lambda:GetFunction"}]}"""))
                .isFalse();
        assertThat(FunctionsPart.allowsEventBridge("{not json")).isFalse();
        assertThat(FunctionsPart.functionName("arn:aws-cn:lambda:cn-north-1:123456789012:function:irready-events"))
                .isEqualTo("irready-events");
        assertThat(FunctionsPart.functionName("irready-webhook")).isEqualTo("irready-webhook");
    }

    // ---- every region irready deployed to: forwarders, aliases, invoke configs, dead-letter alarms

    private static final String FWD_RULE = "Irready-Forwarder-us-east-1-forward-iam";
    private static final String FWD_ALARM = "Irready-Forwarder-us-east-1-forward-dlq-not-empty";
    private static final String HOME_BUS = "arn:aws:events:eu-west-1:123456789012:event-bus/default";
    private static final String FWD_DLQ = "arn:aws:sqs:us-east-1:123456789012:Irready-Forwarder-us-east-1-ForwardDlq";
    private static final String INVOCATION_DLQ = "arn:aws:sqs:eu-west-1:123456789012:Irready-InvocationDlq";
    private static final String HOME_ALARM = "Irready-delivery-dlq-not-empty";
    private static final Config DEPLOYED = Config.builder().auditor(new AuditorIdentity("eu-west-1",
            List.of("irready-cloudtrail"), List.of("irready-events"), null, Optional.of(TOPIC), Optional.of(KEY),
            List.of(HOME_ALARM), List.of(new AuditorIdentity.Forwarder("us-east-1", List.of(FWD_RULE), FWD_ALARM)),
            Optional.of(new AuditorIdentity.AsyncInvoke(2, INVOCATION_DLQ)))).build();

    private Finding forwarderFinding(EventBridgeInventory events, AlarmInventory alarms) {
        Finding f = CheckHarness.only(check.with(DEPLOYED).findings(inventory("us-east-1")
                .with(EventBridgeInventory.class, events).with(AlarmInventory.class, alarms).build()));
        assertThat(f.resourceId()).isEqualTo("123456789012/us-east-1");
        return f;
    }

    private static EventBridgeInventory forwarderRule(String state, RuleTarget target) {
        return EventBridgeInventory.withTargets(List.of(new EventRule(FWD_RULE,
                "arn:aws:events:us-east-1:123456789012:rule/" + FWD_RULE, state)), Map.of(FWD_RULE, List.of(target)));
    }

    private static Alarm alarm(String name, String state, double messages) {
        return new Alarm(name, state, "Threshold Crossed: 1 datapoint [" + messages + "] was greater than the "
                + "threshold (0.0).", true, Optional.of(messages));
    }

    @Test
    void forwardersAreWatched() {
        Finding ok = forwarderFinding(forwarderRule("ENABLED", new RuleTarget(HOME_BUS, Optional.of(FWD_DLQ))),
                AlarmInventory.of(List.of(alarm(FWD_ALARM, "OK", 0))));
        assertThat(ok.status()).isEqualTo(Status.PASS);
        assertThat(ok.reason()).isEqualTo("irready's forwarder in us-east-1 is intact: 1 forwarding rule is enabled "
                + "and delivers to the home bus in eu-west-1 with a dead-letter queue; dead-letter queue alarm "
                + FWD_ALARM + " is not in ALARM.");

        Finding failing = forwarderFinding(forwarderRule("ENABLED", new RuleTarget(HOME_BUS, Optional.of(FWD_DLQ))),
                AlarmInventory.of(List.of(alarm(FWD_ALARM, "ALARM", 3))));
        assertThat(failing.status()).isEqualTo(Status.FAIL);
        assertThat(failing.reason()).isEqualTo("irready's forwarder in us-east-1 is impaired, so events from us-east-1 "
                + "may never be evaluated: forwarded events from us-east-1 are failing: 3 messages in DLQ (alarm "
                + FWD_ALARM + " is ALARM: Threshold Crossed: 1 datapoint [3.0] was greater than the threshold (0.0).); "
                + "inspect the queue, fix the cause, then redrive it. Redeploy irready (cdk deploy --all) and find who "
                + "changed it in CloudTrail.");
    }

    @Test
    void auditorIntegrityJudgesEveryForwarderRule() {
        Finding redirected = forwarderFinding(forwarderRule("DISABLED",
                        new RuleTarget("arn:aws:events:us-east-1:666666666666:event-bus/default", Optional.empty())),
                AlarmInventory.of(List.of()));
        assertThat(redirected.status()).isEqualTo(Status.FAIL);
        assertThat(redirected.reason()).contains("rule " + FWD_RULE + " is DISABLED; rule " + FWD_RULE + " no longer "
                + "forwards to the home bus in eu-west-1 (targets: arn:aws:events:us-east-1:666666666666:event-bus/"
                + "default); alarm " + FWD_ALARM + " on irready's dead-letter queue does not exist.");

        Finding noDlq = forwarderFinding(forwarderRule("ENABLED", new RuleTarget(HOME_BUS, Optional.empty())),
                AlarmInventory.of(List.of(alarm(FWD_ALARM, "OK", 0))));
        assertThat(noDlq.reason()).contains("rule " + FWD_RULE + " has no dead-letter queue: events it cannot "
                + "deliver vanish.");

        Finding deleted = forwarderFinding(EventBridgeInventory.withTargets(List.of(), Map.of()),
                AlarmInventory.of(List.of(alarm(FWD_ALARM, "OK", 0))));
        assertThat(deleted.reason()).contains("rule " + FWD_RULE + " does not exist.");
    }

    @Test
    void auditorIntegrityJudgesAliasesInvokeConfigsAndHomeAlarms() {
        AuditorFunctionInventory lambda = AuditorFunctionInventory.of(
                List.of(new AuditorFunction("irready-events", FN_ARN, Optional.empty())),
                Map.of("irready-events", INVOKE_POLICY), Map.of("irready-events", Optional.of("$LATEST")),
                Map.of("irready-events", new AuditorFunctionInventory.InvokeConfig(Optional.of(0),
                        Optional.of("arn:aws:sqs:eu-west-1:666666666666:exfil"))));
        Finding f = CheckHarness.only(check.with(DEPLOYED).findings(inventory()
                .with(EventBridgeInventory.class, rule("ENABLED", ALIAS_ARN)).with(AuditorFunctionInventory.class, lambda)
                .with(TopicInventory.class, topic("1")).with(KmsInventory.class, key("Enabled"))
                .with(AlarmInventory.class, AlarmInventory.of(List.of(alarm(HOME_ALARM, "ALARM", 1)))).build()));

        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains("alias irready-events:live points to $LATEST instead of a published version "
                + "(unreviewed code runs); function irready-events:live sends failed events to "
                + "arn:aws:sqs:eu-west-1:666666666666:exfil instead of irready's dead-letter queue " + INVOCATION_DLQ
                + "; function irready-events:live retries a failed event 0 times instead of 2; ")
                .contains("events, sweeps or re-checks were dropped after every retry: 1 message in DLQ (alarm "
                        + HOME_ALARM + " is ALARM");

        AuditorFunctionInventory noAlias = AuditorFunctionInventory.of(
                List.of(new AuditorFunction("irready-events", FN_ARN, Optional.empty())),
                Map.of("irready-events", INVOKE_POLICY), Map.of("irready-events", Optional.empty()), Map.of());
        Finding g = CheckHarness.only(check.with(DEPLOYED).findings(inventory()
                .with(EventBridgeInventory.class, rule("ENABLED", ALIAS_ARN)).with(AuditorFunctionInventory.class, noAlias)
                .with(TopicInventory.class, topic("1")).with(KmsInventory.class, key("Enabled"))
                .with(AlarmInventory.class, AlarmInventory.of(List.of(alarm(HOME_ALARM, "OK", 0)))).build()));
        assertThat(g.reason()).contains("function irready-events has no alias 'live', which every trigger invokes; "
                + "function irready-events:live has no event invoke config");
    }

    @Test
    void aRegionWithoutIrreadyPartsIsNotApplicable() {
        Finding f = CheckHarness.only(check.with(DEPLOYED).findings(inventory("ap-south-1").build()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.resourceId()).isEqualTo("123456789012/ap-south-1");
    }

    @Test
    void forwardersTravelThroughTheEnvironmentCompactly() {
        List<AuditorIdentity.Forwarder> forwarders = List.of(
                new AuditorIdentity.Forwarder("us-east-1", List.of("Irready-Forwarder-us-east-1-forward-iam",
                        "Irready-Forwarder-us-east-1-forward-cloudfront"), FWD_ALARM),
                new AuditorIdentity.Forwarder("eu-central-1", List.of("X-forward-ec2"), "X-forward-dlq-not-empty"));
        String env = AuditorIdentity.Forwarder.format(forwarders);
        assertThat(env).startsWith("us-east-1|" + FWD_ALARM + "|Irready-Forwarder-us-east-1-forward-|iam+cloudfront;");
        assertThat(AuditorIdentity.Forwarder.parse(env)).isEqualTo(forwarders);
        Config config = Config.fromEnvironment(Map.of("IRREADY_AUDITOR_REGION", "eu-west-1",
                "IRREADY_AUDITOR_RULE_NAMES", "r", "IRREADY_AUDITOR_FORWARDERS", env,
                "IRREADY_AUDITOR_ALARM_NAMES", "a,b", "IRREADY_AUDITOR_ON_FAILURE_ARN", INVOCATION_DLQ,
                "IRREADY_AUDITOR_ASYNC_RETRIES", "2"));
        AuditorIdentity auditor = config.auditor().orElseThrow();
        assertThat(auditor.forwarders()).isEqualTo(forwarders);
        assertThat(auditor.alarmNames()).containsExactly("a", "b");
        assertThat(auditor.asyncInvoke()).contains(new AuditorIdentity.AsyncInvoke(2, INVOCATION_DLQ));
    }
}
