package io.irready.checks.cloudfront;

import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.cloudfront.Distribution;
import io.irready.inventory.cloudfront.LegacyLogging;
import io.irready.inventory.logs.Delivery;
import io.irready.inventory.logs.DeliveryInventory;
import io.irready.inventory.logs.DeliverySource;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudFrontAccessLoggingTest {
    private static Distribution distribution(String id, String realtime) {
        return new Distribution(id, "arn:aws:cloudfront::123456789012:distribution/" + id, id.toLowerCase() + ".cloudfront.net",
                Optional.ofNullable(realtime));
    }

    private static final DeliveryInventory NO_DELIVERIES = DeliveryInventory.of(List.of(), List.of());

    private final CheckHarness check = CheckHarness.of(new CloudFrontAccessLogging());

    private Evaluation evaluate(String region, CloudFrontInventory cloudFront, DeliveryInventory deliveries) {
        return check.evaluate(inventory(region)
                .with(CloudFrontInventory.class, cloudFront)
                .with(DeliveryInventory.class, deliveries)
                .build());
    }

    private static Finding only(Evaluation evaluation) {
        return CheckHarness.only(evaluation.findings());
    }

    @Test
    void distributionWithOnlyRealTimeLogsPassesWithoutAskingForItsConfig() {
        List<String> configsRead = new ArrayList<>();
        CloudFrontInventory cloudFront = new CloudFrontInventory(
                () -> List.of(distribution("E1RT", "arn:aws:cloudfront::123456789012:realtime-log-config/rt")),
                id -> {
                    configsRead.add(id);
                    return LegacyLogging.DISABLED;
                });
        Finding f = only(evaluate("us-east-1", cloudFront, NO_DELIVERIES));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo("arn:aws:cloudfront::123456789012:distribution/E1RT");
        assertThat(f.region()).isEqualTo("us-east-1");
        assertThat(f.reason()).isEqualTo("Distribution E1RT (e1rt.cloudfront.net) sends real-time logs from its default "
                + "cache behaviour (arn:aws:cloudfront::123456789012:realtime-log-config/rt).");
        assertThat(configsRead).isEmpty();
    }

    @Test
    void distributionWithOnlyAV2DeliveryPasses() {
        Distribution d = distribution("E2V2", null);
        DeliveryInventory deliveries = DeliveryInventory.of(
                List.of(new DeliverySource("cf-e2v2", "cloudfront", "ACCESS_LOGS", List.of(d.arn()))),
                List.of(new Delivery("dlv1", "cf-e2v2", "arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl",
                        "CWL")));
        Finding f = only(evaluate("us-east-1", CloudFrontInventory.of(List.of(d), Map.of()), deliveries));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Distribution E2V2 (e2v2.cloudfront.net) delivers access logs through standard "
                + "logging v2 to CWL arn:aws:logs:us-east-1:123456789012:delivery-destination:cwl.");
    }

    @Test
    void aDeliverySourceWithoutADeliveryDoesNotCount() {
        Distribution d = distribution("E3SRC", null);
        DeliveryInventory deliveries = DeliveryInventory.of(
                List.of(new DeliverySource("cf-e3", "cloudfront", "ACCESS_LOGS", List.of(d.arn()))), List.of());
        Finding f = only(evaluate("us-east-1", CloudFrontInventory.of(List.of(d), Map.of()), deliveries));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Distribution E3SRC (e3src.cloudfront.net) records no viewer requests: no "
                + "standard logging (legacy S3 or v2 delivery) and no real-time log config on its default cache "
                + "behaviour. Enable standard logging v2.");
    }

    @Test
    void legacyS3LoggingPasses() {
        Distribution d = distribution("E4S3", null);
        CloudFrontInventory cloudFront = CloudFrontInventory.of(List.of(d),
                Map.of("E4S3", new LegacyLogging(true, Optional.of("cf-logs.s3.amazonaws.com"))));
        Finding f = only(evaluate("us-east-1", cloudFront, NO_DELIVERIES));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Distribution E4S3 (e4s3.cloudfront.net) writes standard (legacy) access logs "
                + "to S3 bucket cf-logs.s3.amazonaws.com.");
    }

    @Test
    void otherRegionsReturnNoFindingsBecauseCloudFrontIsJudgedFromUsEast1() {
        CloudFrontInventory failing = new CloudFrontInventory(() -> {
            throw new IllegalStateException("must not be listed outside us-east-1");
        }, id -> LegacyLogging.DISABLED);
        Evaluation evaluation = evaluate("eu-west-1", failing, NO_DELIVERIES);
        assertThat(evaluation.findings()).isEmpty();
        assertThat(evaluation.completeChecks()).containsExactly(CloudFrontAccessLogging.ID);
    }

    @Test
    void deniedGetDistributionConfigIsAnErrorOnThatDistributionOnly() {
        Distribution denied = distribution("E5NO", null);
        Distribution realtime = distribution("E6RT", "arn:aws:cloudfront::123456789012:realtime-log-config/rt");
        CloudFrontInventory cloudFront = new CloudFrontInventory(() -> List.of(denied, realtime), id -> {
            throw new AwsCallFailedException("cloudfront:GetDistributionConfig", "AccessDenied",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        });
        Evaluation evaluation = evaluate("us-east-1", cloudFront, NO_DELIVERIES);
        assertThat(evaluation.findings()).extracting(Finding::status).containsExactly(Status.ERROR, Status.PASS);
        assertThat(evaluation.findings().get(0).reason()).isEqualTo("Could not evaluate: access denied to "
                + "cloudfront:GetDistributionConfig (AccessDenied): grant cloudfront:GetDistributionConfig to "
                + "irready's role: not authorized");
    }

    @Test
    void deniedDeliveryListingStillPassesOnLegacyLoggingButIsAnErrorOtherwise() {
        DeliveryInventory denied = new DeliveryInventory(() -> {
            throw new AwsCallFailedException("logs:DescribeDeliverySources", "AccessDeniedException",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        }, List::of);
        CloudFrontInventory cloudFront = CloudFrontInventory.of(
                List.of(distribution("E7S3", null), distribution("E8NONE", null)),
                Map.of("E7S3", new LegacyLogging(true, Optional.of("b.s3.amazonaws.com"))));
        Evaluation evaluation = evaluate("us-east-1", cloudFront, denied);
        assertThat(evaluation.findings()).extracting(Finding::status).containsExactly(Status.PASS, Status.ERROR);
        assertThat(evaluation.findings().get(1).reason()).isEqualTo("Could not evaluate: access denied to "
                + "logs:DescribeDeliverySources (AccessDeniedException): grant logs:DescribeDeliverySources to "
                + "irready's role: not authorized");
    }

    @Test
    void deniedListDistributionsIsARegionLevelError() {
        CloudFrontInventory denied = new CloudFrontInventory(() -> {
            throw new AwsCallFailedException("cloudfront:ListDistributions", "AccessDenied",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        }, id -> LegacyLogging.DISABLED);
        Finding f = only(evaluate("us-east-1", denied, NO_DELIVERIES));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.resourceId()).isEqualTo("123456789012/us-east-1");
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to cloudfront:ListDistributions");
    }
}
