package io.irready.checks.elb;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.events.Extractor;
import io.irready.events.ResourceKind;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.elb.ElbCollector;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.elb.LoadBalancer;
import io.irready.inventory.elb.LoadBalancer.AccessLogs;
import io.irready.inventory.s3.S3Collector;
import io.irready.inventory.s3.S3Inventory;
import java.util.ArrayList;
import java.util.List;

/**
 * Every application load balancer, network load balancer with a TLS listener and Classic Load
 * Balancer writes access logs to an S3 bucket that exists. Gateway load balancers (layer 3, no access
 * logs) and network load balancers without a TLS listener (their access logs record TLS requests
 * only) are NOT_APPLICABLE. Severity MEDIUM, as Security Hub rates ELB.5 and as irready rates
 * CloudFront access logs: the same kind of evidence (who requested what, from where), whose loss
 * blinds the web tier but leaves CloudTrail and flow logs intact.
 */
public final class ElbAccessLogs implements Check, Routed {
    public static final String ID = "elb-access-logs";

    /**
     * A load balancer: ELBv2 ARN ({@code …:loadbalancer/app|net|gwy/<name>/<id>}) as is; a bare name is a
     * Classic Load Balancer's ({@code arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/<name>}).
     */
    public static final ResourceKind LOAD_BALANCER = ResourceKind.judged("LOAD_BALANCER",
            "AWS::ElasticLoadBalancingV2::LoadBalancer", (v, region, account) -> {
                if (ResourceIds.isArn(v)) {
                    return v.contains(":elasticloadbalancing:") && v.contains(":loadbalancer/") ? v : null;
                }
                return v.contains("/") || v.contains(":") ? null : ElbCollector.classicArn(region, account, v);
            });

    /** ELBv2 calls name the ARN (CreateLoadBalancer answers with it); Classic calls the name. */
    static final List<Extractor> LOAD_BALANCER_NAMED = List.of(
            new Extractor(LOAD_BALANCER, "/requestParameters/loadBalancerArn"),
            new Extractor(LOAD_BALANCER, "/requestParameters/loadBalancerName"),
            new Extractor(LOAD_BALANCER, "/responseElements/loadBalancers/loadBalancerArn"));

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Load balancers (ALB, NLB with TLS listeners, Classic) write access logs to an existing S3 bucket",
            Severity.MEDIUM,
            "elasticloadbalancing",
            "AWS::ElasticLoadBalancingV2::LoadBalancer / AWS::ElasticLoadBalancing::LoadBalancer",
            Granularity.RESOURCE,
            "Load balancer access logs are the only record of each request's client IP, path, user agent, TLS "
                    + "cipher and backend target before it reaches the application: without them an investigator "
                    + "cannot tell who probed, exploited or exfiltrated through the web tier. Turning them off is "
                    + "defence evasion (MITRE ATT&CK T1562.008, Disable or Modify Cloud Logs); logs pointed at a "
                    + "deleted bucket are silently dropped.",
            new Remediation(
                    "EC2 console > Load balancers > select it > Attributes (Classic: Description) > Edit > Monitoring > "
                            + "Access logs on, with an S3 bucket in the same region whose policy lets Elastic Load "
                            + "Balancing write.",
                    "aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes "
                            + "Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>  # Classic: "
                            + "aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes "
                            + "'{\"AccessLog\":{\"Enabled\":true,\"S3BucketName\":\"<bucket>\",\"EmitInterval\":5}}'"),
            List.of(ElbCollector.DESCRIBE_LOAD_BALANCERS, ElbCollector.DESCRIBE_LOAD_BALANCER_ATTRIBUTES,
                    ElbCollector.DESCRIBE_LISTENERS, S3Collector.LIST_ALL_MY_BUCKETS, S3Collector.HEAD_BUCKET),
            new References(List.of(), List.of("ELB.5"), List.of()));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA, LOAD_BALANCER)
            .on("aws.elasticloadbalancing", "ModifyLoadBalancerAttributes").naming(LOAD_BALANCER_NAMED)
                    .disablesEvidence()
                    .because("turns a load balancer's access logs on or off, or points them at another bucket "
                            + "(ELBv2 and Classic share the event source and the name)")
            .on("aws.elasticloadbalancing", "CreateLoadBalancer", "CreateListener", "ModifyListener")
                    .naming(LOAD_BALANCER_NAMED)
                    .because("a new load balancer starts without access logs; a TLS listener makes a network "
                            + "load balancer's access logs meaningful")
            .on("aws.s3", "DeleteBucket")
                    .because("deleting the bucket a load balancer logs to drops its access logs (the bucket is in "
                            + "the load balancer's region)")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        // a failed listing propagates: the evaluator then reports the blind spot and keeps earlier findings
        ElbInventory elb = ctx.service(ElbInventory.class);
        return EachResource.judge(ctx, concat(elb.v2LoadBalancers(), elb.classicLoadBalancers()), LoadBalancer::arn,
                lb -> judge(ctx, lb));
    }

    private static List<LoadBalancer> concat(List<LoadBalancer> a, List<LoadBalancer> b) {
        List<LoadBalancer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Finding judge(CheckContext ctx, LoadBalancer lb) {
        String name = label(lb.type()) + " " + lb.name();
        if (LoadBalancer.GATEWAY.equals(lb.type())) {
            return ctx.notApplicable(lb.arn(), name + " forwards packets at layer 3 and has no access logs "
                    + "(VPC flow logs record its traffic).");
        }
        if (LoadBalancer.NETWORK.equals(lb.type()) && !lb.tlsListener()) {
            return ctx.notApplicable(lb.arn(), name + " has no TLS listener: network load balancer access logs "
                    + "only record TLS requests (VPC flow logs record its traffic).");
        }
        AccessLogs logs = lb.accessLogs().orElse(new AccessLogs(false, ""));
        if (!logs.enabled()) {
            return ctx.fail(lb.arn(), name + " writes no access logs: enable them to an S3 bucket in "
                    + ctx.region() + ".");
        }
        if (logs.bucket().isEmpty()) {
            return ctx.fail(lb.arn(), name + " has access logs enabled but no bucket set: nothing is written.");
        }
        return switch (ctx.service(S3Inventory.class).ownership(logs.bucket())) {
            case MISSING -> ctx.fail(lb.arn(), name + " writes access logs to bucket " + logs.bucket()
                    + ", which does not exist: its logs are dropped. Recreate the bucket or point the logs at another.");
            case OWNED -> ctx.pass(lb.arn(), name + " writes access logs to bucket " + logs.bucket() + ".");
            case OTHER_ACCOUNT -> ctx.pass(lb.arn(), name + " writes access logs to bucket " + logs.bucket()
                    + " (in another account).");
        };
    }

    private static String label(String type) {
        return switch (type) {
            case LoadBalancer.APPLICATION -> "Application load balancer";
            case LoadBalancer.NETWORK -> "Network load balancer";
            case LoadBalancer.GATEWAY -> "Gateway load balancer";
            case LoadBalancer.CLASSIC -> "Classic Load Balancer";
            default -> "Load balancer (" + type + ")";
        };
    }
}
