package io.irready.checks.cloudfront;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.cloudfront.CloudFrontCollector;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.cloudfront.Distribution;
import io.irready.inventory.cloudfront.LegacyLogging;
import io.irready.inventory.logs.Delivery;
import io.irready.inventory.logs.DeliveryCollector;
import io.irready.inventory.logs.DeliveryInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every CloudFront distribution records its requests: a real-time log config on the default
 * cache behaviour, standard logging v2 (a CloudWatch Logs vended-log delivery of
 * {@code ACCESS_LOGS}), or standard logging (legacy) to S3.
 *
 * <p>CloudFront is global, so the check runs once per account: only when the evaluated region is
 * {@value #HOME_REGION}, where CloudFront's API, its CloudTrail events and its v2 delivery sources
 * live. Evaluations of other regions return no findings. The evidence is tried from cheapest to
 * dearest — real-time config (in the listing), v2 deliveries (two paginated listings), legacy
 * logging (one {@code GetDistributionConfig} per distribution, the documented per-resource call) —
 * so the per-distribution call is only made for distributions nothing cheaper proves.
 */
public final class CloudFrontAccessLogging implements Check, Routed, io.irready.core.UsEast1Check {
    public static final String ID = "cloudfront-access-logging";
    public static final String HOME_REGION = "us-east-1";
    static final String ACCESS_LOGS = "ACCESS_LOGS";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "CloudFront distributions log viewer requests (standard logging, v2 delivery or real-time logs)",
            Severity.MEDIUM,
            "cloudfront",
            "AWS::CloudFront::Distribution",
            Granularity.RESOURCE,
            "Edge requests never reach the origin's logs when they are served from cache; without CloudFront access "
                    + "logs an investigator cannot see who scraped, probed or exfiltrated content through the CDN, "
                    + "from which IPs, or when.",
            new Remediation(
                    "CloudFront console > Distributions > select the distribution > Logging tab > Add > choose a "
                            + "destination (CloudWatch Logs, S3 or Firehose) for standard logging v2; or General > Edit > "
                            + "Standard logging (legacy) On with an S3 bucket.",
                    "aws logs put-delivery-source --region us-east-1 --name <dist>-access --log-type ACCESS_LOGS "
                            + "--resource-arn arn:aws:cloudfront::<account>:distribution/<id> && aws logs "
                            + "put-delivery-destination --region us-east-1 --name <dest> --delivery-destination-configuration "
                            + "destinationResourceArn=<log group/bucket ARN> && aws logs create-delivery --region us-east-1 "
                            + "--delivery-source-name <dist>-access --delivery-destination-arn <destination ARN>"),
            List.of(CloudFrontCollector.LIST_DISTRIBUTIONS, CloudFrontCollector.GET_DISTRIBUTION_CONFIG,
                    DeliveryCollector.DESCRIBE_DELIVERY_SOURCES, DeliveryCollector.DESCRIBE_DELIVERIES),
            new References(
                    List.of(),
                    List.of("CloudFront.5"),
                    List.of(),
                    List.of("T1562.008", "T1190")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudfront", "CreateDistribution", "CreateDistributionWithTags", "UpdateDistribution",
                    "DeleteRealtimeLogConfig", "UpdateRealtimeLogConfig").naming(Extractors.DISTRIBUTION_ID)
                    .because("these set or remove a distribution's standard logging or real-time log config")
            .on("aws.logs", "PutDeliverySource", "DeleteDeliverySource", "CreateDelivery", "DeleteDelivery",
                    "DeleteDeliveryDestination").naming(Extractors.DELIVERY_SOURCE_RESOURCE)
                    .because("CloudFront's v2 access logs are CloudWatch Logs vended-log deliveries")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        if (!HOME_REGION.equals(ctx.region())) {
            return List.of(); // global service: judged once per account, from us-east-1
        }
        List<Finding> findings = new ArrayList<>();
        for (Distribution d : ctx.service(CloudFrontInventory.class).distributions()) {
            if (ctx.scope().includes(d.arn())) {
                findings.add(judge(ctx, d));
            }
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, Distribution d) {
        String name = "Distribution " + d.id() + (d.domainName() == null ? "" : " (" + d.domainName() + ")");
        if (d.realtimeLogConfigArn().isPresent()) {
            return ctx.pass(d.arn(), name + " sends real-time logs from its default cache behaviour ("
                    + d.realtimeLogConfigArn().get() + ").");
        }
        AwsCallFailedException v2Failure = null;
        try {
            List<Delivery> deliveries = ctx.service(DeliveryInventory.class).deliveriesOf(d.arn(), ACCESS_LOGS);
            if (!deliveries.isEmpty()) {
                return ctx.pass(d.arn(), name + " delivers access logs through standard logging v2 to "
                        + deliveries.stream().map(x -> x.destinationType() + " " + x.destinationArn())
                        .collect(Collectors.joining(", ")) + ".");
            }
        } catch (AwsCallFailedException e) {
            v2Failure = e; // legacy logging may still prove it; otherwise this is the ERROR
        }
        LegacyLogging legacy;
        try {
            legacy = ctx.service(CloudFrontInventory.class).legacyLogging(d.id());
        } catch (AwsCallFailedException e) {
            return ctx.error(d.arn(), e);
        }
        if (legacy.enabled()) {
            return ctx.pass(d.arn(), name + " writes standard (legacy) access logs to S3"
                    + legacy.bucket().map(b -> " bucket " + b).orElse("") + ".");
        }
        if (v2Failure != null) {
            return ctx.error(d.arn(), v2Failure);
        }
        return ctx.fail(d.arn(), name + " records no viewer requests: no standard logging (legacy S3 or v2 "
                + "delivery) and no real-time log config on its default cache behaviour. Enable standard logging v2.");
    }
}
