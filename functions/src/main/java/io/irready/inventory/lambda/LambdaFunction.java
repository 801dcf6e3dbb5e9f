package io.irready.inventory.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * A Lambda function as the checks need it.
 *
 * @param name           function name
 * @param arn            unqualified function ARN (the canonical resource id)
 * @param roleArn        execution role ARN
 * @param customLogGroup the {@code LoggingConfig.LogGroup} when the function logs somewhere other than the default
 */
public record LambdaFunction(String name, String arn, String roleArn, Optional<String> customLogGroup) {
    public LambdaFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(customLogGroup, "customLogGroup");
    }

    /** The log group the function writes to: its {@code LoggingConfig} group, else {@code /aws/lambda/<name>}. */
    public String logGroupName() {
        return customLogGroup.orElse("/aws/lambda/" + name);
    }
}
