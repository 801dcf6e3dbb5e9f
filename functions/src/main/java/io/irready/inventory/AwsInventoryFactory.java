package io.irready.inventory;

import io.irready.core.Inventory;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
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
        Inventory.Builder builder = Inventory.builder(account, region);
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
        return builder.build();
    }
}
