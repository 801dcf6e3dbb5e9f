package io.irready.moto;

import io.irready.checks.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Inventory;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.inventory.cloudfront.CloudFrontCollector;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.cloudfront.Distribution;
import io.irready.inventory.cloudfront.LegacyLogging;
import io.irready.inventory.config.ConfigRecorder;
import io.irready.inventory.config.ConfigRecorderCollector;
import io.irready.inventory.eventbridge.EventBridgeCollector;
import io.irready.inventory.eventbridge.EventRule;
import io.irready.inventory.guardduty.Detector;
import io.irready.inventory.guardduty.GuardDutyCollector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.sns.TopicCollector;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** GuardDuty, Config, EventBridge, SNS, CloudFront and STS identity against moto, and the factory's wiring. */
class MotoDetectionAndAlertingTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private final AwsClients clients = MOTO.clients();

    @Test
    void guardDutyDetectorsAreListedWithTheirStatus() {
        String id = clients.build(GuardDutyClient.builder(), REGION).createDetector(b -> b.enable(true)).detectorId();

        // moto reports no features, only the deprecated dataSources, with the plans off unless asked for
        assertThat(GuardDutyCollector.inventory(clients, REGION).detectors()).containsExactly(new Detector(id, "ENABLED",
                Map.of("S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "DISABLED")));
        String withPlans = clients.build(GuardDutyClient.builder(), "us-west-2").createDetector(b -> b.enable(true)
                .dataSources(d -> d.s3Logs(l -> l.enable(true)).kubernetes(k -> k.auditLogs(a -> a.enable(true)))))
                .detectorId();
        assertThat(GuardDutyCollector.inventory(clients, "us-west-2").detectors()).containsExactly(new Detector(
                withPlans, "ENABLED", Map.of("S3_DATA_EVENTS", "ENABLED", "EKS_AUDIT_LOGS", "ENABLED")));
        assertThat(GuardDutyCollector.inventory(clients, "us-east-1").detectors()).isEmpty();
    }

    @Test
    void configRecordersCarryTheirRecordingStatus() {
        ConfigClient config = clients.build(ConfigClient.builder(), REGION);
        assertThat(ConfigRecorderCollector.inventory(clients, REGION).recorders()).isEmpty();
        clients.s3(REGION).createBucket(b -> b.bucket("config-history")
                .createBucketConfiguration(c -> c.locationConstraint(REGION)));
        config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                .roleARN("arn:aws:iam::" + ACCOUNT + ":role/config").recordingGroup(g -> g.allSupported(true))));
        config.putDeliveryChannel(b -> b.deliveryChannel(d -> d.name("default").s3BucketName("config-history")));

        assertThat(ConfigRecorderCollector.inventory(clients, REGION).recorders()).singleElement()
                .satisfies(r -> {
                    assertThat(r.name()).isEqualTo("default");
                    assertThat(r.recording()).isFalse();
                });

        config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        ConfigRecorder recording = ConfigRecorderCollector.inventory(clients, REGION).recorders().getFirst();
        assertThat(recording.recording()).isTrue();
        assertThat(recording.lastError()).isEmpty();
    }

    @Test
    void eventBridgeRulesAndAllPagesOfTheirTargetsAreRead() {
        EventBridgeClient events = clients.build(EventBridgeClient.builder(), REGION);
        String arn = events.putRule(b -> b.name("irready-trail-changes").state(RuleState.ENABLED)
                .eventPattern("{\"source\":[\"aws.cloudtrail\"]}")).ruleArn();
        events.putRule(b -> b.name("paused").state(RuleState.DISABLED).scheduleExpression("rate(1 hour)"));
        // moto pages ListTargetsByRule by 50: 55 targets need a second page
        for (int from = 0; from < 55; from += 5) {
            int first = from;
            events.putTargets(b -> b.rule("irready-trail-changes").targets(IntStream.range(first, first + 5)
                    .mapToObj(i -> Target.builder().id("t" + i)
                            .arn("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":queue-" + i).build()).toList()));
        }

        var inventory = EventBridgeCollector.inventory(clients, REGION);

        assertThat(inventory.rule("irready-trail-changes")).contains(new EventRule("irready-trail-changes", arn,
                "ENABLED"));
        assertThat(inventory.rule("paused").orElseThrow().state()).isEqualTo("DISABLED");
        assertThat(inventory.rule("no-such-rule")).isEmpty();
        assertThat(inventory.targetArns("irready-trail-changes")).hasSize(55)
                .contains("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":queue-0", "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":queue-54");
    }

    @Test
    void topicAttributesCountConfirmedSubscriptions() {
        SnsClient sns = clients.build(SnsClient.builder(), REGION);
        String topic = sns.createTopic(b -> b.name("irready-alerts")).topicArn();
        String queue = clients.build(SqsClient.builder(), REGION).createQueue(b -> b.queueName("alerts")).queueUrl();
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs")
                .endpoint("arn:aws:sqs:eu-west-1:" + ACCOUNT + ":alerts"));

        var topics = TopicCollector.inventory(clients, REGION);

        var attributes = topics.attributes(topic).orElseThrow();
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).hasSize(1);
        // moto never counts subscriptions (AWS would say 1 confirmed): only the attribute names and the
        // topic's identity are proven here
        assertThat(attributes).containsEntry("TopicArn", topic).containsEntry("SubscriptionsConfirmed", "0")
                .containsEntry("SubscriptionsPending", "0");
        assertThat(queue).endsWith("/alerts");
        assertThat(topics.attributes("arn:aws:sns:eu-west-1:" + ACCOUNT + ":no-such-topic")).isEmpty();
    }

    @Test
    void cloudFrontDistributionsAndTheirLegacyLoggingAreRead() {
        var created = clients.build(CloudFrontClient.builder(), "aws-global").createDistribution(b -> b
                .distributionConfig(c -> c.callerReference("seed-1").comment("site").enabled(true)
                        .origins(o -> o.quantity(1).items(i -> i.id("site-origin").domainName("site.s3.amazonaws.com")
                                .s3OriginConfig(s -> s.originAccessIdentity(""))))
                        .defaultCacheBehavior(d -> d.targetOriginId("site-origin")
                                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                                .forwardedValues(f -> f.queryString(false).cookies(k -> k.forward("none")))
                                .minTTL(0L).trustedSigners(t -> t.enabled(false).quantity(0)))
                        .logging(l -> l.enabled(true).includeCookies(false).bucket("cf-logs.s3.amazonaws.com")
                                .prefix("site/"))))
                .distribution();

        CloudFrontInventory inventory = CloudFrontCollector.inventory(clients, ACCOUNT);

        assertThat(inventory.distributions()).containsExactly(new Distribution(created.id(), created.arn(),
                created.domainName(), Optional.empty()));
        // moto drops the empty region field from the ARN (AWS: arn:aws:cloudfront::ACCOUNT:distribution/ID);
        // the collector passes the listed ARN through, and builds the AWS form only when none is listed
        assertThat(created.arn()).isEqualTo("arn:aws:cloudfront:" + ACCOUNT + ":distribution/" + created.id());
        assertThat(inventory.legacyLogging(created.id()))
                .isEqualTo(new LegacyLogging(true, Optional.of("cf-logs.s3.amazonaws.com")));
    }

    @Test
    void callerIdentityIsMotosAccountAndTheFactoryWiresCollectorsToIt() {
        assertThat(clients.build(StsClient.builder(), REGION).getCallerIdentity().account()).isEqualTo(ACCOUNT);
        String detector = clients.build(GuardDutyClient.builder(), REGION).createDetector(b -> b.enable(false))
                .detectorId();
        clients.build(CloudWatchLogsClient.builder(), REGION).createLogGroup(b -> b.logGroupName("/wired"));

        Inventory inventory = Catalog.inventories(clients).create(ACCOUNT, REGION);

        assertThat(inventory.service(GuardDutyInventory.class).detectors())
                .containsExactly(new Detector(detector, "DISABLED",
                        Map.of("S3_DATA_EVENTS", "DISABLED", "EKS_AUDIT_LOGS", "DISABLED")));
        assertThat(inventory.service(LogsInventory.class).logGroup("/wired")).isPresent();
    }
}
