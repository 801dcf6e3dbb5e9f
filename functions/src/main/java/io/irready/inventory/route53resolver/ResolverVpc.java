package io.irready.inventory.route53resolver;

/**
 * A VPC whose DNS queries should be logged.
 *
 * @param vpcId the VPC id
 * @param arn   its ARN (the finding's resource id), built with the owner account for shared VPCs
 */
public record ResolverVpc(String vpcId, String arn) {
}
