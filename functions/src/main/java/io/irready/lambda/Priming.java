package io.irready.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.alerts.Alert;
import io.irready.alerts.AlertContent;
import io.irready.alerts.Notifier;
import io.irready.alerts.SlackWebhook;
import io.irready.checks.Catalog;
import io.irready.checks.cloudtrail.CloudTrailLoggingAllRegionsCheck;
import io.irready.core.Severity;
import io.irready.engine.Engine;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import io.irready.events.CloudTrailEvent;
import io.irready.events.ParsedEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import io.irready.inventory.AwsClients;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53resolver.Route53ResolverClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * SnapStart priming: exercises the code paths of an invocation (Jackson, the alert renderers,
 * event parsing and routing, and the SDK clients of every service they call) before the snapshot, so that restored environments do not pay for
 * class loading and JIT warm-up on the first real event. Nothing here calls AWS or changes state.
 * (No CRaC-enabled JDK exists on the build machines: this runs in tests, but checkpoint/restore
 * itself is only exercised on Lambda.)
 */
final class Priming {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Priming() {
    }

    /**
     * The services irready's functions call: the store, the alert paths, and every collector's
     * service. Regional ones are built for the home region, IAM and CloudFront for their global
     * endpoint, as the collectors ask for them.
     */
    private static final List<Supplier<? extends AwsClientBuilder<?, ?>>> REGIONAL = List.of(
            DynamoDbClient::builder, SnsClient::builder, SqsClient::builder, EventBridgeClient::builder,
            StsClient::builder, CloudTrailClient::builder, CloudWatchLogsClient::builder, KmsClient::builder,
            Ec2Client::builder, RdsClient::builder, LambdaClient::builder, SsmClient::builder,
            GuardDutyClient::builder, ConfigClient::builder, Route53ResolverClient::builder);
    private static final List<Supplier<? extends AwsClientBuilder<?, ?>>> GLOBAL = List.of(
            IamClient::builder, CloudFrontClient::builder);

    /**
     * Builds the shared SDK clients the functions will use ({@link AwsClients#shared}), so that a
     * restored environment makes its first call without constructing a client. Nothing is called.
     *
     * @return how many clients exist afterwards (built now or before)
     */
    static int clients(AwsClients clients, String region) {
        REGIONAL.forEach(builder -> share(clients, builder, region));
        GLOBAL.forEach(builder -> share(clients, builder, Region.AWS_GLOBAL.id()));
        clients.sharedS3(region);
        return REGIONAL.size() + GLOBAL.size() + 1;
    }

    /**
     * Starts building the clients every invocation uses (the store's and the notifier's) on a daemon
     * thread and returns {@code clients}: a fresh environment's first client pays for the SDK's own
     * start (hundreds of classes, the region metadata), which then overlaps the wiring that needs no
     * client (catalog, routes, JSON). The wiring asks for the same shared clients and waits for a build
     * in progress rather than starting a second; a failed build here is left to fail there, where it is
     * reported.
     */
    static AwsClients warmingUp(AwsClients clients, String region) {
        Thread warmUp = new Thread(() -> {
            try {
                clients.shared(DynamoDbClient::builder, region);
                clients.shared(SnsClient::builder, region);
            } catch (RuntimeException reportedByTheWiring) {
                // the wiring builds the client again and fails where the handler reports it
            }
        }, "irready-client-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return clients;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void share(AwsClients clients, Supplier<? extends AwsClientBuilder<?, ?>> builder, String region) {
        clients.shared((Supplier) builder, region);
    }

    /** Parses and routes a bundled StopLogging envelope (no evaluation: that would call AWS). */
    static int eventPath(Engine engine) {
        try (InputStream in = Priming.class.getResourceAsStream("priming-event.json")) {
            if (in == null) {
                throw new IllegalStateException("priming-event.json missing from the artifact");
            }
            int routed = 0;
            for (ParsedEvent item : engine.parser().parse(in)) {
                if (item instanceof CloudTrailEvent event) {
                    routed += engine.routes().route(event).targets().size();
                    engine.parser().mapper().writeValueAsString(event.toEnvelope());
                }
            }
            return routed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders every part of a sample alert and reads the structured part back, as the webhook does. */
    static String alertPayload() {
        Transition sample = new Transition("priming", "123456789012", "us-east-1", CloudTrailLoggingAllRegionsCheck.ID,
                "arn:aws:cloudtrail:us-east-1:123456789012:trail/priming", Severity.CRITICAL,
                Optional.of(FindingState.PASS), FindingState.FAIL, Instant.EPOCH, 1, "priming",
                Optional.of(new ChangedBy("StopLogging", "priming", "arn:aws:iam::123456789012:user/priming",
                        "192.0.2.1", "priming", "1970-01-01T00:00:00Z")), true);
        Alert alert = new AlertContent(Catalog.registry()).of(sample);
        try {
            String message = Notifier.structuredMessage(alert);
            String lambdaPart = JSON.readTree(message).get("lambda").asText();
            return SlackWebhook.payload(JSON.readValue(lambdaPart, Alert.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
