package io.irready.inventory.elb;

import java.util.Objects;
import java.util.Optional;

/**
 * One load balancer of a region, ELBv2 (application, network, gateway) or Classic.
 *
 * @param arn         the canonical id: the ELBv2 ARN, or for a Classic Load Balancer (which has no ARN in its
 *                    API) {@code arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/<name>}
 * @param name        its name
 * @param type        {@link #APPLICATION}, {@link #NETWORK}, {@link #GATEWAY} or {@link #CLASSIC}
 * @param tlsListener a network load balancer has a TLS listener (NLB access logs only record TLS requests)
 * @param accessLogs  its access log attributes; empty where they were not read (gateway load balancers, NLBs
 *                    without a TLS listener: nothing to judge)
 */
public record LoadBalancer(String arn, String name, String type, boolean tlsListener,
                           Optional<AccessLogs> accessLogs) {
    public static final String APPLICATION = "application";
    public static final String NETWORK = "network";
    public static final String GATEWAY = "gateway";
    public static final String CLASSIC = "classic";

    public LoadBalancer {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(accessLogs, "accessLogs");
    }

    /**
     * Access logging as the load balancer's attributes say.
     *
     * @param enabled {@code access_logs.s3.enabled} (ELBv2) or {@code AccessLog.Enabled} (Classic)
     * @param bucket  {@code access_logs.s3.bucket} / {@code AccessLog.S3BucketName} (empty when not set)
     */
    public record AccessLogs(boolean enabled, String bucket) {
        public AccessLogs {
            bucket = bucket == null ? "" : bucket;
        }
    }
}
