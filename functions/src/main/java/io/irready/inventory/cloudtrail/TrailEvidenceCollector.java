package io.irready.inventory.cloudtrail;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

/**
 * Loads {@link TrailEvidenceInventory} over the SDK (JSON 1.1,
 * {@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*}). DescribeTrails does not page.
 */
public final class TrailEvidenceCollector {
    public static final String DESCRIBE_TRAILS = "cloudtrail:DescribeTrails";
    public static final String GET_TRAIL_STATUS = "cloudtrail:GetTrailStatus";

    private TrailEvidenceCollector() {
    }

    public static TrailEvidenceInventory inventory(AwsClients clients, String region) {
        return inventory(clients.build(CloudTrailClient.builder(), region));
    }

    public static TrailEvidenceInventory inventory(CloudTrailClient client) {
        return new TrailEvidenceInventory(
                () -> AwsCall.call(DESCRIBE_TRAILS, () -> client.describeTrails(b -> b.includeShadowTrails(true))
                        .trailList().stream()
                        .map(t -> new TrailEvidence(t.name(), t.trailARN(), t.homeRegion(),
                                Optional.ofNullable(t.s3BucketName()), Optional.ofNullable(t.kmsKeyId())))
                        .toList()),
                arn -> Optional.ofNullable(AwsCall.call(GET_TRAIL_STATUS, () -> client.getTrailStatus(b -> b.name(arn)))
                        .stopLoggingTime()));
    }
}
