package io.irready.inventory.logs;

import java.util.Optional;

/**
 * A CloudWatch Logs log group as the checks need it.
 *
 * @param name          log group name
 * @param arn           its ARN without the trailing {@code :*}
 * @param retentionDays retention in days; empty means never expire
 * @param kmsKeyId      the KMS key ARN protecting it, if any
 */
public record LogGroup(String name, String arn, Optional<Integer> retentionDays, Optional<String> kmsKeyId) {
}
