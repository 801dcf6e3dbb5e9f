package io.irready.inventory;

import io.irready.core.Inventory;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.config.ConfigRecorderCollector;
import io.irready.inventory.config.ConfigRecorderInventory;
import io.irready.inventory.guardduty.GuardDutyCollector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.route53resolver.QueryLogCollector;
import io.irready.inventory.route53resolver.QueryLogInventory;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import io.irready.inventory.cloudfront.CloudFrontCollector;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.iam.IamCollector;
import io.irready.inventory.iam.IamInventory;
import io.irready.inventory.lambda.LambdaCollector;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.inventory.logs.DeliveryCollector;
import io.irready.inventory.logs.DeliveryInventory;
import io.irready.inventory.rds.RdsCollector;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.ec2.Ec2Collector;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ssm.SsmCollector;
import io.irready.inventory.ssm.SsmInventory;
import java.time.Instant;

/**
 * Wires one inventory per account and region from the SDK collectors. Every service inventory is
 * registered lazily: nothing is called until a check asks for it, and what is loaded is cached for
 * the rest of that evaluation (a new {@link Inventory} per evaluation).
 */
public final class AwsInventoryFactory {
    private final AwsClients clients;

    public AwsInventoryFactory(AwsClients clients) {
        this.clients = clients;
    }

    public AwsClients clients() {
        return clients;
    }

    /** A fresh inventory (empty caches) for one evaluation of {@code account} in {@code region}. */
    public Inventory create(String account, String region) {
        Inventory.Builder builder = Inventory.builder(account, region).readsStartedAt(Instant.now());
        // one line per service
        builder.lazily(LogsInventory.class, () -> LogsCollector.inventory(clients, region));
        builder.lazily(CloudTrailInventory.class, () -> CloudTrailCollector.inventory(clients, region));
        builder.lazily(S3Inventory.class, () -> S3Collector.inventory(clients, region));
        builder.lazily(KmsInventory.class, () -> KmsCollector.inventory(clients, region));
        builder.lazily(LambdaInventory.class, () -> LambdaCollector.inventory(clients, region));
        builder.lazily(IamInventory.class, () -> IamCollector.inventory(clients)); // global: aws-global
        builder.lazily(CloudFrontInventory.class, () -> CloudFrontCollector.inventory(clients, account)); // global
        builder.lazily(DeliveryInventory.class, () -> DeliveryCollector.inventory(clients, region));
        builder.lazily(RdsInventory.class, () -> RdsCollector.inventory(clients, region));
        builder.lazily(Ec2Inventory.class, () -> Ec2Collector.inventory(clients, region));
        builder.lazily(SsmInventory.class, () -> SsmCollector.inventory(clients, region));
        builder.lazily(GuardDutyInventory.class, () -> GuardDutyCollector.inventory(clients, region));
        builder.lazily(ConfigRecorderInventory.class, () -> ConfigRecorderCollector.inventory(clients, region));
        builder.lazily(QueryLogInventory.class, () -> QueryLogCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.ec2.EbsEncryptionInventory.class,
                () -> io.irready.inventory.ec2.EbsEncryptionCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.kms.KeyAccessInventory.class,
                () -> io.irready.inventory.kms.KeyAccessCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.iam.ResponderSimulation.class,
                () -> io.irready.inventory.iam.ResponderSimulationCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.eventbridge.EventBridgeInventory.class,
                () -> io.irready.inventory.eventbridge.EventBridgeCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.lambda.AuditorFunctionInventory.class,
                () -> io.irready.inventory.lambda.AuditorFunctionCollector.inventory(clients, region));
        builder.lazily(io.irready.inventory.sns.TopicInventory.class,
                () -> io.irready.inventory.sns.TopicCollector.inventory(clients, region));
        return builder.build();
    }
}
