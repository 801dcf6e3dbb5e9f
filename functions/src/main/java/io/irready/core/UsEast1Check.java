package io.irready.core;

/**
 * A check with something to judge in {@value #REGION} whatever regions the deployment watches: checks on
 * global services (CloudFront, Organizations), which are judged from there, and irready's own integrity,
 * because irready always forwards us-east-1's global-service events. The sweep evaluates these checks in
 * {@value #REGION} even when it is not a watched region, so every finding an event can open there is also
 * re-judged by a sweep. A marker: the check itself decides what it judges in each region.
 */
public interface UsEast1Check {
    /** Where IAM, CloudFront, Organizations, STS and Route 53 record their API calls. */
    String REGION = "us-east-1";

    /**
     * The EventBridge sources of the global services, whose calls CloudTrail records in us-east-1 only. When
     * us-east-1 is not a watched region, irready forwards from there only these (the ones routed).
     */
    java.util.Set<String> GLOBAL_SOURCES = java.util.Set.of("aws.iam", "aws.cloudfront", "aws.organizations",
            "aws.sts", "aws.route53");
}
