package io.irready.inventory.ec2;

import java.util.Optional;

/**
 * EBS encryption by default in one region.
 *
 * @param enabled  new volumes and snapshot copies are encrypted by default
 * @param kmsKeyId the default key (an ARN, alias ARN or {@code alias/aws/ebs}); read only when enabled
 */
public record EbsDefaultEncryption(boolean enabled, Optional<String> kmsKeyId) {
}
