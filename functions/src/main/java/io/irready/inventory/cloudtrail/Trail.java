package io.irready.inventory.cloudtrail;

import io.irready.core.ResourceIds;
import java.util.Optional;

/**
 * A trail as {@code DescribeTrails} reports it in one region (shadow and organization trails included).
 *
 * @param name                       trail name
 * @param arn                        trail ARN, the canonical id (also what GetTrailStatus and GetEventSelectors need)
 * @param homeRegion                 region the trail was created in
 * @param multiRegion                records every region
 * @param includeGlobalServiceEvents records global services (IAM, STS, CloudFront …)
 * @param organizationTrail          an AWS Organizations trail (owned by the management account)
 * @param s3BucketName               bucket the log files are delivered to
 * @param s3KeyPrefix                key prefix before {@code AWSLogs/}, if any
 * @param logFileValidation          digest files are written
 * @param kmsKeyId                   SSE-KMS key (DescribeTrails reports its ARN), or empty for SSE-S3
 * @param cloudWatchLogsLogGroupArn  CloudWatch Logs destination, if any
 * @param cloudWatchLogsRoleArn      role CloudTrail assumes to deliver there
 * @param hasCustomEventSelectors    event selectors differ from the default
 * @param hasInsightSelectors        Insights is on
 */
public record Trail(
        String name,
        String arn,
        String homeRegion,
        boolean multiRegion,
        boolean includeGlobalServiceEvents,
        boolean organizationTrail,
        String s3BucketName,
        Optional<String> s3KeyPrefix,
        boolean logFileValidation,
        Optional<String> kmsKeyId,
        Optional<String> cloudWatchLogsLogGroupArn,
        Optional<String> cloudWatchLogsRoleArn,
        boolean hasCustomEventSelectors,
        boolean hasInsightSelectors) {

    /** The account that owns the trail (the management account for an organization trail). */
    public String ownerAccount() {
        return ResourceIds.accountOf(arn);
    }

    /** True when this trail records events of {@code region} (its home region, or all regions). */
    public boolean recordsRegion(String region) {
        return multiRegion || homeRegion.equals(region);
    }

    /** True when {@code region} sees only a copy of a trail homed elsewhere. */
    public boolean isShadowIn(String region) {
        return !homeRegion.equals(region);
    }

    /**
     * Where CloudTrail writes log files in the bucket: {@code <prefix>/AWSLogs/} or {@code AWSLogs/}
     * (an organization trail adds the organization id below it; still under this prefix).
     */
    public String logKeyPrefix() {
        return s3KeyPrefix.filter(p -> !p.isEmpty()).map(p -> p.endsWith("/") ? p : p + "/").orElse("")
                + "AWSLogs/";
    }

    /** {@code 'management-trail' (arn:…)}: how reasons name a trail. */
    public String label() {
        return "'" + name + "' (" + arn + ")";
    }
}
