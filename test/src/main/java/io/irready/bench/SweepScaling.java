package io.irready.bench;

import io.irready.core.Evaluation;
import io.irready.core.Scope;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sweep cost against account size: {@link AccountGenerator#scaled} accounts of 10 … 10 000 resources,
 * a full sweep of the home region plus the global CloudFront check (judged from us-east-1 only), with
 * wall time and the AWS calls the simulator served.
 */
public final class SweepScaling {
    /** The global check a full deployment evaluates once, from us-east-1. */
    static final String CLOUDFRONT_CHECK = "cloudfront-access-logging";

    private SweepScaling() {
    }

    /**
     * @param requested  the size asked of the generator
     * @param resources  resources the simulated account really holds
     * @param millis     wall time of the sweep (home region + the us-east-1 CloudFront check)
     * @param calls      AWS calls of the sweep, per {@code service:Operation}
     * @param findings   findings produced
     */
    public record Point(int requested, int resources, double millis, Map<String, Long> calls, int findings) {
        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Calls of the operations that are per resource by design (see {@link #PER_RESOURCE}). */
        public long perResourceCalls() {
            return calls.entrySet().stream().filter(e -> PER_RESOURCE.stream().anyMatch(e.getKey()::startsWith))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /**
     * Operations issued once per resource, not per page (prefixes of the simulator's operation keys):
     * IAM policy simulation per distinct execution role (lambda-can-write-logs), the configuration of
     * each CloudFront distribution whose list entry does not show its logging (cloudfront-access-logging),
     * and the logging settings the list APIs do not carry: load balancer attributes (elb-access-logs),
     * each EKS cluster's description (eks-audit-logs), each web ACL's and firewall's logging configuration
     * (waf-logging, networkfirewall-logging) and each API's stages (apigateway-logging).
     */
    public static final List<String> PER_RESOURCE = List.of("iam:SimulatePrincipalPolicy",
            "cloudfront:GET /2020-05-31/{id}/{id}/config", "elasticloadbalancing:DescribeLoadBalancerAttributes",
            "eks:GET /clusters/", "wafv2:GetLoggingConfiguration", "network-firewall:DescribeLoggingConfiguration",
            "apigateway:GET /v2/apis/", "apigateway:GET /restapis/");

    /** Resources in the simulated account (everything a check can judge or read). */
    public static int resources(SimulatedAccount a) {
        return a.trails.size() + a.buckets.size() + a.keys.size() + a.logGroups.size() + a.vpcs.size()
                + a.subnets.size() + a.flowLogs.size() + a.instances.size() + a.dbInstances.size()
                + a.dbClusters.size() + a.distributions.size() + a.functions.size() + a.loadBalancers.size()
                + a.apiStages.size() + a.eksClusters.size() + a.webAcls.size() + a.networkFirewalls.size();
    }

    /** One sweep of a freshly generated account of about {@code size} resources (after {@code warmups} unmeasured ones). */
    public static Point measure(int size, int warmups) {
        return measure(size, warmups, true, Duration.ZERO);
    }

    /**
     * As {@link #measure(int, int)}, with the checks run side by side ({@code parallel}, as deployed) or one
     * after the other (the evaluator before parallel collection), and every AWS answer held back by a random
     * time below {@code latency} (zero: loopback speed), as a network and AWS's own work would.
     */
    public static Point measure(int size, int warmups, boolean parallel, Duration latency) {
        SimulatedAccount account = AccountGenerator.scaled(size);
        try (AwsSimulator sim = new AwsSimulator(account)) {
            AuditorPath path = new AuditorPath(sim.endpoint(), parallel);
            for (int i = 0; i < warmups; i++) {
                sweep(path, account);
            }
            if (!latency.isZero()) {
                sim.randomLatency(latency, size);
            }
            sim.resetCalls();
            long started = System.nanoTime();
            int findings = sweep(path, account);
            double millis = (System.nanoTime() - started) / 1e6;
            return new Point(size, resources(account), millis, new TreeMap<>(sim.calls()), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sweep(AuditorPath path, SimulatedAccount account) {
        Evaluation region = path.sweep(account.account, account.region);
        Evaluation global = path.evaluator().evaluate(path.inventories().create(account.account, "us-east-1"),
                List.of(CLOUDFRONT_CHECK), Scope.REGION);
        return region.findings().size() + global.findings().size();
    }
}
