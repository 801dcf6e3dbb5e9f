package io.irready.horizon;

/** The kinds of evidence whose horizon irready reads, named as an investigator would. */
public enum Source {
    TRAIL_BUCKET("CloudTrail trail bucket"),
    TRAIL_LOG_GROUP("CloudTrail log group"),
    EVENT_HISTORY("CloudTrail Event History"),
    CLOUDTRAIL_LAKE("CloudTrail Lake"),
    S3_DATA_EVENTS("S3 data events"),
    FLOW_LOGS("VPC flow logs"),
    DNS_QUERY_LOGS("Resolver query logs"),
    HOST_LOGS("Instance logs (agent, SSM)"),
    ELB_LOGS("Load balancer access logs"),
    CLOUDFRONT_LOGS("CloudFront access logs"),
    WAF_LOGS("WAF logs"),
    API_GATEWAY_LOGS("API Gateway access logs"),
    RDS_LOGS("RDS log exports"),
    EKS_AUDIT("EKS audit logs"),
    LOG_GROUP("Forensic log group");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
