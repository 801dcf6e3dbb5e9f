package io.irready.checks.elb;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.elb.ElbInventory;
import io.irready.inventory.elb.LoadBalancer;
import io.irready.inventory.elb.LoadBalancer.AccessLogs;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.S3Inventory;
import io.irready.inventory.s3.S3Inventory.BucketFacts;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElbAccessLogsTest {
    private static final String PREFIX = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/";
    private static final String ALB = PREFIX + "app/orders/50dc6c495c0c9188";
    private static final String NLB = PREFIX + "net/payments/0f4b2a8e6c1d4a55";
    private static final String CLB = PREFIX + "legacy-web";
    private static final String LOGS = "acme-alb-logs";

    private final CheckHarness check = CheckHarness.of(new ElbAccessLogs());

    private static S3Inventory s3(Map<String, BucketOwnership> buckets) {
        Map<String, BucketFacts> facts = new java.util.HashMap<>();
        buckets.forEach((b, o) -> facts.put(b, new BucketFacts(o, BucketExposure.privateBucket(), List.of())));
        return S3Inventory.of(facts);
    }

    private Finding only(LoadBalancer lb, S3Inventory s3) {
        return CheckHarness.only(check.findings(inventory().with(ElbInventory.class, ElbInventory.of(List.of(lb)))
                .with(S3Inventory.class, s3).build()));
    }

    private static LoadBalancer alb(boolean enabled, String bucket) {
        return new LoadBalancer(ALB, "orders", LoadBalancer.APPLICATION, false,
                Optional.of(new AccessLogs(enabled, bucket)));
    }

    @Test
    void anAlbLoggingToAnExistingBucketPasses() {
        Finding f = only(alb(true, LOGS), s3(Map.of(LOGS, BucketOwnership.OWNED)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo(ALB);
        assertThat(f.reason()).isEqualTo("Application load balancer orders writes access logs to bucket acme-alb-logs.");
    }

    @Test
    void aClassicLoadBalancerLoggingToAnotherAccountsBucketPasses() {
        LoadBalancer clb = new LoadBalancer(CLB, "legacy-web", LoadBalancer.CLASSIC, false,
                Optional.of(new AccessLogs(true, "central-logs")));
        Finding f = only(clb, s3(Map.of("central-logs", BucketOwnership.OTHER_ACCOUNT)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo(CLB);
        assertThat(f.reason()).isEqualTo(
                "Classic Load Balancer legacy-web writes access logs to bucket central-logs (in another account).");
    }

    @Test
    void accessLogsOffFail() {
        Finding f = only(alb(false, LOGS), s3(Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(
                "Application load balancer orders writes no access logs: enable them to an S3 bucket in eu-west-1.");
    }

    @Test
    void logsToADeletedBucketFail() {
        Finding f = only(alb(true, LOGS), s3(Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Application load balancer orders writes access logs to bucket acme-alb-logs, "
                + "which does not exist: its logs are dropped. Recreate the bucket or point the logs at another.");
    }

    @Test
    void anNlbWithATlsListenerIsJudged() {
        LoadBalancer nlb = new LoadBalancer(NLB, "payments", LoadBalancer.NETWORK, true,
                Optional.of(new AccessLogs(false, "")));
        Finding f = only(nlb, s3(Map.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).startsWith("Network load balancer payments writes no access logs");
    }

    @Test
    void anNlbWithoutTlsListenersIsNotApplicable() {
        LoadBalancer nlb = new LoadBalancer(NLB, "payments", LoadBalancer.NETWORK, false, Optional.empty());
        Finding f = only(nlb, s3(Map.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Network load balancer payments has no TLS listener: network load balancer "
                + "access logs only record TLS requests (VPC flow logs record its traffic).");
    }

    @Test
    void aGatewayLoadBalancerIsNotApplicable() {
        LoadBalancer gwlb = new LoadBalancer(PREFIX + "gwy/inspect/1a2b3c4d5e6f7a8b", "inspect",
                LoadBalancer.GATEWAY, false, Optional.empty());
        Finding f = only(gwlb, s3(Map.of()));
        assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(f.reason()).isEqualTo("Gateway load balancer inspect forwards packets at layer 3 and has no access "
                + "logs (VPC flow logs record its traffic).");
    }

    @Test
    void aDeniedBucketLookupIsAnErrorOnTheLoadBalancer() {
        S3Inventory s3 = new S3Inventory(b -> {
            throw denied("s3:ListAllMyBuckets");
        }, b -> BucketExposure.privateBucket(), b -> List.of());
        Finding f = only(alb(true, LOGS), s3);
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.resourceId()).isEqualTo(ALB);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to s3:ListAllMyBuckets");
    }

    @Test
    void aDeniedListingIsARegionErrorNamingTheAction() {
        ElbInventory elb = new ElbInventory(() -> {
            throw denied("elasticloadbalancing:DescribeLoadBalancers");
        }, List::of);
        Finding f = CheckHarness.only(check.findings(inventory().with(ElbInventory.class, elb)
                .with(S3Inventory.class, s3(Map.of())).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.resourceId()).isEqualTo(CheckHarness.REGION_ID);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to elasticloadbalancing:DescribeLoadBalancers");
    }

    @Test
    void loadBalancerNamesAndArnsCanonicalize() {
        assertThat(ElbAccessLogs.LOAD_BALANCER.canonical("legacy-web", "eu-west-1", "123456789012")).isEqualTo(CLB);
        assertThat(ElbAccessLogs.LOAD_BALANCER.canonical(ALB, "eu-west-1", "123456789012")).isEqualTo(ALB);
        assertThat(ElbAccessLogs.LOAD_BALANCER.canonical("arn:aws:s3:::bucket", "eu-west-1", "123456789012")).isNull();
    }
}
