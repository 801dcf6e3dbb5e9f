package io.irready.inventory.elb;

import io.irready.core.ResourceIds;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.elb.LoadBalancer.AccessLogs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.AccessLog;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

/**
 * Loads {@link ElbInventory} over the SDK (AWS query XML; both APIs sign as {@code elasticloadbalancing}
 * and share their IAM actions). Listeners are read only for network load balancers and attributes only
 * for load balancers that can write access logs, so a gateway load balancer costs no call of its own.
 */
public final class ElbCollector {
    public static final String DESCRIBE_LOAD_BALANCERS = "elasticloadbalancing:DescribeLoadBalancers";
    public static final String DESCRIBE_LOAD_BALANCER_ATTRIBUTES = "elasticloadbalancing:DescribeLoadBalancerAttributes";
    public static final String DESCRIBE_LISTENERS = "elasticloadbalancing:DescribeListeners";
    static final String LOGS_ENABLED = "access_logs.s3.enabled";
    static final String LOGS_BUCKET = "access_logs.s3.bucket";

    private ElbCollector() {
    }

    public static ElbInventory inventory(AwsClients clients, String account, String region) {
        return inventory(clients.shared(ElasticLoadBalancingV2Client::builder, region),
                clients.shared(ElasticLoadBalancingClient::builder, region), account, region);
    }

    public static ElbInventory inventory(ElasticLoadBalancingV2Client v2, ElasticLoadBalancingClient classic,
                                         String account, String region) {
        return new ElbInventory(() -> v2LoadBalancers(v2), () -> classicLoadBalancers(classic, account, region));
    }

    private static List<LoadBalancer> v2LoadBalancers(ElasticLoadBalancingV2Client client) {
        var described = AwsCall.call(DESCRIBE_LOAD_BALANCERS, () -> client.describeLoadBalancersPaginator(r -> { })
                .loadBalancers().stream().toList());
        return described.stream().map(lb -> {
            String type = lb.typeAsString();
            boolean tls = LoadBalancer.NETWORK.equals(type) && hasTlsListener(client, lb.loadBalancerArn());
            boolean logs = LoadBalancer.APPLICATION.equals(type) || tls;
            Optional<AccessLogs> accessLogs = logs ? Optional.of(v2AccessLogs(client, lb.loadBalancerArn()))
                    : Optional.empty();
            return new LoadBalancer(lb.loadBalancerArn(), lb.loadBalancerName(), type, tls, accessLogs);
        }).toList();
    }

    private static boolean hasTlsListener(ElasticLoadBalancingV2Client client, String arn) {
        return AwsCall.call(DESCRIBE_LISTENERS, () -> client.describeListenersPaginator(r -> r.loadBalancerArn(arn))
                .listeners().stream().map(Listener::protocolAsString).anyMatch("TLS"::equals));
    }

    private static AccessLogs v2AccessLogs(ElasticLoadBalancingV2Client client, String arn) {
        Map<String, String> attributes = AwsCall.call(DESCRIBE_LOAD_BALANCER_ATTRIBUTES,
                () -> client.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn))).attributes().stream()
                .filter(a -> a.key() != null && a.value() != null)
                .collect(Collectors.toMap(LoadBalancerAttribute::key, LoadBalancerAttribute::value, (x, y) -> y));
        return new AccessLogs("true".equals(attributes.get(LOGS_ENABLED)), attributes.get(LOGS_BUCKET));
    }

    private static List<LoadBalancer> classicLoadBalancers(ElasticLoadBalancingClient client, String account,
                                                           String region) {
        List<String> names = AwsCall.call(DESCRIBE_LOAD_BALANCERS, () -> client.describeLoadBalancersPaginator(r -> { })
                .loadBalancerDescriptions().stream().map(LoadBalancerDescription::loadBalancerName).toList());
        return names.stream().map(name -> {
            AccessLog log = AwsCall.call(DESCRIBE_LOAD_BALANCER_ATTRIBUTES,
                    () -> client.describeLoadBalancerAttributes(r -> r.loadBalancerName(name)))
                    .loadBalancerAttributes().accessLog();
            AccessLogs logs = log == null ? new AccessLogs(false, "")
                    : new AccessLogs(Boolean.TRUE.equals(log.enabled()), log.s3BucketName());
            return new LoadBalancer(classicArn(region, account, name), name, LoadBalancer.CLASSIC, false,
                    Optional.of(logs));
        }).toList();
    }

    /** Classic Load Balancers have no ARN in their API; this is the ARN form IAM and tagging use. */
    public static String classicArn(String region, String account, String name) {
        return ResourceIds.arn("elasticloadbalancing", region, account, "loadbalancer/" + name);
    }
}
