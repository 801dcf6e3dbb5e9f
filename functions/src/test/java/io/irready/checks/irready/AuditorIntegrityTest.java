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
import io.irready.inventory.eventbridge.EventRule;
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
}
