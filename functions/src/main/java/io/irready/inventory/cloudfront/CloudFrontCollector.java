package io.irready.inventory.cloudfront;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.LoggingConfig;

/**
 * Loads {@link CloudFrontInventory} over the SDK (REST-XML, {@code /2020-05-31/distribution}).
 * CloudFront is global: the client is always built for {@code aws-global} (signed for us-east-1).
 */
public final class CloudFrontCollector {
    public static final String LIST_DISTRIBUTIONS = "cloudfront:ListDistributions";
    public static final String GET_DISTRIBUTION_CONFIG = "cloudfront:GetDistributionConfig";

    private CloudFrontCollector() {
    }

    public static CloudFrontInventory inventory(AwsClients clients, String account) {
        return inventory(clients.shared(CloudFrontClient::builder, Region.AWS_GLOBAL.id()), account);
    }

    /** @param account used to build a distribution's ARN when the summary lacks one */
    public static CloudFrontInventory inventory(CloudFrontClient client, String account) {
        return new CloudFrontInventory(
                () -> AwsCall.call(LIST_DISTRIBUTIONS, () -> list(client, account)),
                id -> AwsCall.call(GET_DISTRIBUTION_CONFIG, () -> legacy(client, id)));
    }

    /** The SDK has no paginator for ListDistributions: follow NextMarker while IsTruncated. */
    private static List<Distribution> list(CloudFrontClient client, String account) {
        List<Distribution> all = new ArrayList<>();
        String marker = null;
        while (true) {
            String current = marker;
            DistributionList page = client.listDistributions(b -> b.marker(current)).distributionList();
            if (page == null) {
                return all;
            }
            if (page.hasItems()) {
                page.items().forEach(s -> all.add(distribution(s, account)));
            }
            marker = page.nextMarker();
            if (!Boolean.TRUE.equals(page.isTruncated()) || marker == null || marker.isEmpty()) {
                return all;
            }
        }
    }

    private static Distribution distribution(DistributionSummary s, String account) {
        String arn = s.arn() != null ? s.arn() : "arn:aws:cloudfront::" + account + ":distribution/" + s.id();
        Optional<String> realtime = Optional.ofNullable(s.defaultCacheBehavior())
                .map(b -> b.realtimeLogConfigArn())
                .filter(a -> !a.isBlank());
        return new Distribution(s.id(), arn, s.domainName(), realtime);
    }

    private static LegacyLogging legacy(CloudFrontClient client, String id) {
        LoggingConfig logging = client.getDistributionConfig(b -> b.id(id)).distributionConfig().logging();
        if (logging == null || !Boolean.TRUE.equals(logging.enabled())) {
            return LegacyLogging.DISABLED;
        }
        return new LegacyLogging(true, Optional.ofNullable(logging.bucket()).filter(b -> !b.isBlank()));
    }
}
