package io.irready.infra;

import io.irready.inventory.irready.CanaryInventory;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The log group the pipeline canary tags in one watched region ({@value #NAME}): the home stack and every forwarder
 * stack of a watched region create one. Nothing writes logs to it — irready's sweep function only tags it, so the
 * CloudTrail event of that call can prove that events still reach irready — hence one day of retention and no
 * reason to keep it when the stack goes.
 */
final class CanaryLogGroup {
    static final String NAME = CanaryInventory.LOG_GROUP_NAME;

    private CanaryLogGroup() {
    }

    static LogGroup create(Construct scope) {
        return LogGroup.Builder.create(scope, "CanaryLogGroup")
                .logGroupName(NAME)
                .retention(RetentionDays.ONE_DAY)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
