package io.irready.checks;

import io.irready.checks.apigateway.ApiGatewayLogging;
import io.irready.checks.bedrock.BedrockInvocationLogging;
import io.irready.checks.cloudfront.CloudFrontAccessLogging;
import io.irready.checks.cloudtrail.CloudTrailBucketIntegrityCheck;
import io.irready.checks.cloudtrail.CloudTrailBucketRetentionCheck;
import io.irready.checks.cloudtrail.CloudTrailCloudWatchDeliveryCheck;
import io.irready.checks.cloudtrail.CloudTrailKmsEncryptionCheck;
import io.irready.checks.cloudtrail.CloudTrailLogFileValidationCheck;
import io.irready.checks.cloudtrail.CloudTrailLoggingAllRegionsCheck;
import io.irready.checks.cloudtrail.CloudTrailManagementEventsCheck;
import io.irready.checks.config.ConfigRecorderOn;
import io.irready.checks.ec2.Ec2CloudWatchAgent;
import io.irready.checks.ec2.Ec2SsmManaged;
import io.irready.checks.ec2.VpcFlowLogsEnabled;
import io.irready.checks.elb.ElbAccessLogs;
import io.irready.checks.eks.EksAuditLogs;
import io.irready.checks.guardduty.GuardDutyEnabled;
import io.irready.checks.iam.IrResponderPermissions;
import io.irready.checks.irready.AuditorIntegrity;
import io.irready.checks.kms.EvidenceDecryptable;
import io.irready.checks.lambda.LambdaCanWriteLogs;
import io.irready.checks.logs.LogsKmsEncryption;
import io.irready.checks.logs.LogsRetention;
import io.irready.checks.logs.LogsLongTermCopy;
import io.irready.checks.networkfirewall.NetworkFirewallLogging;
import io.irready.checks.organizations.OrganizationCoverage;
import io.irready.checks.rds.RdsLogExports;
import io.irready.checks.route53resolver.ResolverQueryLogging;
import io.irready.checks.s3.S3EvidenceDataEvents;
import io.irready.checks.wafv2.WafLogging;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.events.Route;
import io.irready.events.RouteTable;
import io.irready.events.Routed;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.inventory.ServiceCollector;
import io.irready.inventory.apigateway.ApiGatewayCollector;
import io.irready.inventory.apigateway.ApiGatewayInventory;
import io.irready.inventory.bedrock.BedrockCollector;
import io.irready.inventory.bedrock.BedrockInventory;
import io.irready.inventory.cloudfront.CloudFrontCollector;
import io.irready.inventory.cloudfront.CloudFrontInventory;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudwatch.AlarmCollector;
import io.irready.inventory.cloudwatch.AlarmInventory;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.config.ConfigRecorderCollector;
import io.irready.inventory.config.ConfigRecorderInventory;
import io.irready.inventory.ec2.EbsEncryptionCollector;
import io.irready.inventory.ec2.EbsEncryptionInventory;
import io.irready.inventory.ec2.Ec2Collector;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.elb.ElbCollector;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.eks.EksCollector;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.eventbridge.EventBridgeCollector;
import io.irready.inventory.eventbridge.EventBridgeInventory;
import io.irready.inventory.guardduty.GuardDutyCollector;
import io.irready.inventory.guardduty.GuardDutyInventory;
import io.irready.inventory.iam.IamCollector;
import io.irready.inventory.iam.IamInventory;
import io.irready.inventory.iam.ResponderSimulation;
import io.irready.inventory.iam.ResponderSimulationCollector;
import io.irready.inventory.kms.KeyAccessCollector;
import io.irready.inventory.kms.KeyAccessInventory;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.lambda.AuditorFunctionCollector;
import io.irready.inventory.lambda.AuditorFunctionInventory;
import io.irready.inventory.lambda.LambdaCollector;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.inventory.logs.DeliveryCollector;
import io.irready.inventory.logs.DeliveryInventory;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.logs.SubscriptionFilterCollector;
import io.irready.inventory.logs.SubscriptionFilterInventory;
import io.irready.inventory.networkfirewall.NetworkFirewallCollector;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import io.irready.inventory.organizations.OrganizationInventory;
import io.irready.inventory.organizations.OrganizationsCollector;
import io.irready.inventory.rds.RdsCollector;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.route53resolver.QueryLogCollector;
import io.irready.inventory.route53resolver.QueryLogInventory;
import io.irready.inventory.s3.BucketProtectionCollector;
import io.irready.inventory.s3.BucketProtectionInventory;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import io.irready.inventory.sns.TopicCollector;
import io.irready.inventory.sns.TopicInventory;
import io.irready.inventory.ssm.SsmCollector;
import io.irready.inventory.ssm.SsmInventory;
import io.irready.inventory.wafv2.WafCollector;
import io.irready.inventory.wafv2.WafInventory;
import java.util.List;

/**
 * Every check irready ships, in the order docs/CHECKS.md lists them, and the collector of every
 * service they read. The one place a new check (one line) or a new service (one more line) is
 * registered; the routing table, the EventBridge rules, the IAM policy and the docs follow from here.
 */
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
                new CloudTrailBucketIntegrityCheck(),
                new S3EvidenceDataEvents(),
                new LambdaCanWriteLogs(),
                new CloudFrontAccessLogging(),
                new RdsLogExports(),
                new ElbAccessLogs(),
                new ApiGatewayLogging(),
                new LogsRetention(),
                new LogsLongTermCopy(),
                new LogsKmsEncryption(),
                new VpcFlowLogsEnabled(),
                new Ec2SsmManaged(),
                new Ec2CloudWatchAgent(),
                new EvidenceDecryptable(),
                new IrResponderPermissions(),
                new ResolverQueryLogging(),
                new GuardDutyEnabled(),
                new BedrockInvocationLogging(),
                new ConfigRecorderOn(),
                new EksAuditLogs(),
                new WafLogging(),
                new NetworkFirewallLogging(),
                new AuditorIntegrity(),
                new OrganizationCoverage()
        );
    }

    /** One collector per service inventory the checks ask for. */
    public static List<ServiceCollector<?>> collectors() {
        return List.of(
                ServiceCollector.regional(LogsInventory.class, LogsCollector::inventory),
                ServiceCollector.regional(CloudTrailInventory.class, CloudTrailCollector::inventory),
                ServiceCollector.of(S3Inventory.class, S3Collector::inventory),
                ServiceCollector.regional(BucketProtectionInventory.class, BucketProtectionCollector::inventory),
                ServiceCollector.regional(KmsInventory.class, KmsCollector::inventory),
                ServiceCollector.regional(LambdaInventory.class, LambdaCollector::inventory),
                ServiceCollector.of(IamInventory.class, (clients, account, region) -> IamCollector.inventory(clients)),
                ServiceCollector.of(CloudFrontInventory.class,
                        (clients, account, region) -> CloudFrontCollector.inventory(clients, account)),
                ServiceCollector.regional(DeliveryInventory.class, DeliveryCollector::inventory),
                ServiceCollector.regional(SubscriptionFilterInventory.class, SubscriptionFilterCollector::inventory),
                ServiceCollector.regional(RdsInventory.class, RdsCollector::inventory),
                ServiceCollector.regional(Ec2Inventory.class, Ec2Collector::inventory),
                ServiceCollector.regional(SsmInventory.class, SsmCollector::inventory),
                ServiceCollector.regional(GuardDutyInventory.class, GuardDutyCollector::inventory),
                ServiceCollector.regional(BedrockInventory.class, BedrockCollector::inventory),
                ServiceCollector.regional(ConfigRecorderInventory.class, ConfigRecorderCollector::inventory),
                ServiceCollector.regional(QueryLogInventory.class, QueryLogCollector::inventory),
                ServiceCollector.regional(EbsEncryptionInventory.class, EbsEncryptionCollector::inventory),
                ServiceCollector.regional(KeyAccessInventory.class, KeyAccessCollector::inventory),
                ServiceCollector.regional(ResponderSimulation.class, ResponderSimulationCollector::inventory),
                ServiceCollector.regional(EventBridgeInventory.class, EventBridgeCollector::inventory),
                ServiceCollector.regional(AuditorFunctionInventory.class, AuditorFunctionCollector::inventory),
                ServiceCollector.regional(TopicInventory.class, TopicCollector::inventory),
                ServiceCollector.regional(AlarmInventory.class, AlarmCollector::inventory),
                ServiceCollector.of(ElbInventory.class, ElbCollector::inventory),
                ServiceCollector.regional(ApiGatewayInventory.class, ApiGatewayCollector::inventory),
                ServiceCollector.regional(EksInventory.class, EksCollector::inventory),
                ServiceCollector.regional(WafInventory.class, WafCollector::inventory),
                ServiceCollector.regional(NetworkFirewallInventory.class, NetworkFirewallCollector::inventory),
                ServiceCollector.of(OrganizationInventory.class, OrganizationsCollector::inventory)
        );
    }

    public static CheckRegistry registry() {
        return new CheckRegistry(all());
    }

    /** Every route of every check (each check declares the calls that can change its verdict). */
    public static List<Route> routes() {
        return all().stream().flatMap(check -> ((Routed) check).routes().stream()).toList();
    }

    /** The routing table of the catalog's checks. */
    public static RouteTable routeTable() {
        return new RouteTable(routes());
    }

    /** The inventories of the catalog's services over {@code clients}. */
    public static AwsInventoryFactory inventories(AwsClients clients) {
        return new AwsInventoryFactory(clients, collectors());
    }
}
