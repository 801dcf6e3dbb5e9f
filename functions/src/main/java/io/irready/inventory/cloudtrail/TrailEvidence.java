package io.irready.inventory.cloudtrail;

import java.util.Optional;

/**
 * What a trail tells irready about where evidence lives and what protects it.
 *
 * @param name         trail name
 * @param arn          trail ARN
 * @param homeRegion   the region the trail was created in (shadow trails appear in every region)
 * @param s3BucketName the bucket its log files go to
 * @param kmsKeyId     the SSE-KMS key ARN of its log files, when encrypted
 */
public record TrailEvidence(String name, String arn, String homeRegion, Optional<String> s3BucketName,
                            Optional<String> kmsKeyId) {
}
