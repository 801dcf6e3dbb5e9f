package io.irready.checks;

import io.irready.checks.cloudtrail.CloudTrailBucketRetentionCheck;
import io.irready.checks.cloudtrail.CloudTrailCloudWatchDeliveryCheck;
import io.irready.checks.cloudtrail.CloudTrailKmsEncryptionCheck;
import io.irready.checks.cloudtrail.CloudTrailLogFileValidationCheck;
import io.irready.checks.cloudtrail.CloudTrailLoggingAllRegionsCheck;
import io.irready.checks.cloudtrail.CloudTrailManagementEventsCheck;
import io.irready.checks.cloudfront.CloudFrontAccessLogging;
import io.irready.checks.ec2.Ec2CloudWatchAgent;
import io.irready.checks.ec2.Ec2SsmManaged;
import io.irready.checks.ec2.VpcFlowLogsEnabled;
import io.irready.checks.lambda.LambdaCanWriteLogs;
import io.irready.checks.logs.LogsRetention;
import io.irready.checks.rds.RdsLogExports;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import java.util.List;

/** Every check irready ships, in the order the catalog (docs/CHECKS.md) lists them. */
public final class Catalog {
    private Catalog() {
    }

    public static List<Check> all() {
        return List.of(
                new CloudTrailLoggingAllRegionsCheck(),
                new CloudTrailManagementEventsCheck(),
                new CloudTrailLogFileValidationCheck(),
                new CloudTrailCloudWatchDeliveryCheck(),
                new CloudTrailKmsEncryptionCheck(),
                new CloudTrailBucketRetentionCheck(),
                new LambdaCanWriteLogs(),
                new CloudFrontAccessLogging(),
                new RdsLogExports(),
                new LogsRetention(),
                new VpcFlowLogsEnabled(),
                new Ec2SsmManaged(),
                new Ec2CloudWatchAgent()
        );
    }

    public static CheckRegistry registry() {
        return new CheckRegistry(all());
    }
}
