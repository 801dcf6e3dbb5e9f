package io.irready.e2e;

import java.util.Map;
import java.util.Optional;

/**
 * The IAM action that authorises each AWS SDK operation irready's collectors call, keyed by the
 * SDK client's service name and operation name ({@code "S3:HeadBucket"}, {@code "Ec2:DescribeVpcs"}). Most
 * actions share the operation's
 * name; where they do not, the AWS documentation says which action applies:
 * <ul>
 *   <li>Amazon S3 (Service Authorization Reference, "Actions defined by Amazon S3", and the API
 *       reference's "Permissions" section of each call): {@code HeadBucket} needs
 *       {@code s3:ListBucket}; {@code ListBuckets} needs {@code s3:ListAllMyBuckets};
 *       {@code GetBucketLifecycleConfiguration} needs {@code s3:GetLifecycleConfiguration};
 *       {@code GetPublicAccessBlock} (bucket level) needs {@code s3:GetBucketPublicAccessBlock}; S3 Control's
 *       {@code GetPublicAccessBlock} (account level) needs {@code s3:GetAccountPublicAccessBlock}.</li>
 *   <li>API Gateway (Service Authorization Reference, "Actions defined by Amazon API Gateway Management"
 *       and "… Management V2"): its management API is authorised by HTTP method on the resource path, so
 *       every read (GetRestApis, GetStages, GetAccount, GetApis) is {@code apigateway:GET}. Elastic Load
 *       Balancing v2 and Classic share the {@code elasticloadbalancing} actions.</li>
 *   <li>Every other service here names its actions after its API operations (CloudTrail, EC2, SSM,
 *       CloudWatch, CloudWatch Logs, Lambda, CloudFront, RDS, IAM, KMS, GuardDuty, Config, Route 53 Resolver,
 *       EventBridge, SNS, EKS, WAFv2, Network Firewall, Organizations, STS).</li>
 *   <li>Amazon Bedrock Agents ("Actions defined by Amazon Bedrock"): its operations are {@code bedrock}
 *       actions ({@code ListAgents} needs {@code bedrock:ListAgents}), like the Bedrock control plane's.</li>
 * </ul>
 * An operation missing here fails the permission proof: add it with its documented action.
 */
final class IamActions {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CloudTrail:ListTrails", "cloudtrail:ListTrails"),
            Map.entry("CloudTrail:DescribeTrails", "cloudtrail:DescribeTrails"),
            Map.entry("CloudTrail:GetTrailStatus", "cloudtrail:GetTrailStatus"),
            Map.entry("CloudTrail:GetEventSelectors", "cloudtrail:GetEventSelectors"),
            Map.entry("CloudTrail:LookupEvents", "cloudtrail:LookupEvents"),
            Map.entry("S3:ListBuckets", "s3:ListAllMyBuckets"),
            Map.entry("S3:HeadBucket", "s3:ListBucket"),
            Map.entry("S3:GetBucketLocation", "s3:GetBucketLocation"),
            Map.entry("S3:GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock"),
            Map.entry("S3:GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"),
            Map.entry("S3:GetBucketAcl", "s3:GetBucketAcl"),
            Map.entry("S3:GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
            Map.entry("S3:GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
            Map.entry("S3:GetBucketVersioning", "s3:GetBucketVersioning"),
            Map.entry("S3:GetBucketLogging", "s3:GetBucketLogging"),
            Map.entry("S3:GetBucketTagging", "s3:GetBucketTagging"),
            Map.entry("S3Control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            Map.entry("Kms:DescribeKey", "kms:DescribeKey"),
            Map.entry("Kms:GetKeyPolicy", "kms:GetKeyPolicy"),
            Map.entry("Kms:ListGrants", "kms:ListGrants"),
            Map.entry("Ec2:DescribeVpcs", "ec2:DescribeVpcs"),
            Map.entry("Ec2:DescribeSubnets", "ec2:DescribeSubnets"),
            Map.entry("Ec2:DescribeFlowLogs", "ec2:DescribeFlowLogs"),
            Map.entry("Ec2:DescribeNetworkInterfaces", "ec2:DescribeNetworkInterfaces"),
            Map.entry("Ec2:DescribeInstances", "ec2:DescribeInstances"),
            Map.entry("Ec2:GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault"),
            Map.entry("Ec2:GetEbsDefaultKmsKeyId", "ec2:GetEbsDefaultKmsKeyId"),
            Map.entry("Ssm:DescribeInstanceInformation", "ssm:DescribeInstanceInformation"),
            Map.entry("Ssm:GetInventory", "ssm:GetInventory"),
            Map.entry("Ssm:ListAssociations", "ssm:ListAssociations"),
            Map.entry("Ssm:GetServiceSetting", "ssm:GetServiceSetting"),
            Map.entry("CloudWatchLogs:DescribeLogGroups", "logs:DescribeLogGroups"),
            Map.entry("CloudWatchLogs:DescribeDeliveries", "logs:DescribeDeliveries"),
            Map.entry("CloudWatchLogs:DescribeDeliverySources", "logs:DescribeDeliverySources"),
            Map.entry("CloudWatchLogs:DescribeSubscriptionFilters", "logs:DescribeSubscriptionFilters"),
            Map.entry("Lambda:ListFunctions", "lambda:ListFunctions"),
            Map.entry("Lambda:GetFunction", "lambda:GetFunction"),
            Map.entry("Lambda:GetFunctionConcurrency", "lambda:GetFunctionConcurrency"),
            Map.entry("Lambda:GetPolicy", "lambda:GetPolicy"),
            Map.entry("Lambda:GetAlias", "lambda:GetAlias"),
            Map.entry("Lambda:GetFunctionEventInvokeConfig", "lambda:GetFunctionEventInvokeConfig"),
            Map.entry("CloudFront:ListDistributions", "cloudfront:ListDistributions"),
            Map.entry("CloudFront:GetDistributionConfig", "cloudfront:GetDistributionConfig"),
            Map.entry("Rds:DescribeDBInstances", "rds:DescribeDBInstances"),
            Map.entry("Rds:DescribeDBClusters", "rds:DescribeDBClusters"),
            Map.entry("Iam:SimulatePrincipalPolicy", "iam:SimulatePrincipalPolicy"),
            Map.entry("GuardDuty:ListDetectors", "guardduty:ListDetectors"),
            Map.entry("GuardDuty:GetDetector", "guardduty:GetDetector"),
            Map.entry("Bedrock:GetModelInvocationLoggingConfiguration", "bedrock:GetModelInvocationLoggingConfiguration"),
            Map.entry("Bedrock:ListCustomModels", "bedrock:ListCustomModels"),
            Map.entry("Bedrock:ListImportedModels", "bedrock:ListImportedModels"),
            Map.entry("Bedrock:ListProvisionedModelThroughputs", "bedrock:ListProvisionedModelThroughputs"),
            Map.entry("BedrockAgent:ListAgents", "bedrock:ListAgents"),
            Map.entry("BedrockAgent:ListKnowledgeBases", "bedrock:ListKnowledgeBases"),
            Map.entry("Eks:ListClusters", "eks:ListClusters"),
            Map.entry("Eks:DescribeCluster", "eks:DescribeCluster"),
            Map.entry("Wafv2:ListWebACLs", "wafv2:ListWebACLs"),
            Map.entry("Wafv2:GetLoggingConfiguration", "wafv2:GetLoggingConfiguration"),
            Map.entry("NetworkFirewall:ListFirewalls", "network-firewall:ListFirewalls"),
            Map.entry("NetworkFirewall:DescribeLoggingConfiguration", "network-firewall:DescribeLoggingConfiguration"),
            Map.entry("Config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"),
            Map.entry("Config:DescribeConfigurationRecorderStatus",
                    "config:DescribeConfigurationRecorderStatus"),
            Map.entry("Config:DescribeDeliveryChannelStatus", "config:DescribeDeliveryChannelStatus"),
            Map.entry("Route53Resolver:ListResolverQueryLogConfigAssociations",
                    "route53resolver:ListResolverQueryLogConfigAssociations"),
            Map.entry("EventBridge:DescribeRule", "events:DescribeRule"),
            Map.entry("EventBridge:ListTargetsByRule", "events:ListTargetsByRule"),
            Map.entry("Sns:GetTopicAttributes", "sns:GetTopicAttributes"),
            Map.entry("CloudWatch:DescribeAlarms", "cloudwatch:DescribeAlarms"),
            Map.entry("ElasticLoadBalancingV2:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"),
            Map.entry("ElasticLoadBalancingV2:DescribeListeners", "elasticloadbalancing:DescribeListeners"),
            Map.entry("ElasticLoadBalancingV2:DescribeLoadBalancerAttributes",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes"),
            Map.entry("ElasticLoadBalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers"),
            Map.entry("ElasticLoadBalancing:DescribeLoadBalancerAttributes",
                    "elasticloadbalancing:DescribeLoadBalancerAttributes"),
            Map.entry("ApiGateway:GetRestApis", "apigateway:GET"),
            Map.entry("ApiGateway:GetStages", "apigateway:GET"),
            Map.entry("ApiGateway:GetAccount", "apigateway:GET"),
            Map.entry("ApiGatewayV2:GetApis", "apigateway:GET"),
            Map.entry("ApiGatewayV2:GetStages", "apigateway:GET"),
            Map.entry("Organizations:ListAccounts", "organizations:ListAccounts"),
            Map.entry("Organizations:ListChildren", "organizations:ListChildren"),
            Map.entry("Organizations:ListAccountsForParent", "organizations:ListAccountsForParent"),
            Map.entry("Organizations:DescribeOrganization", "organizations:DescribeOrganization"),
            Map.entry("Sts:AssumeRole", "sts:AssumeRole"));

    private IamActions() {
    }

    /** The IAM action for {@code serviceId:operation}, or empty when the table does not know it. */
    static Optional<String> of(String serviceIdAndOperation) {
        return Optional.ofNullable(ACTIONS.get(serviceIdAndOperation));
    }
}
