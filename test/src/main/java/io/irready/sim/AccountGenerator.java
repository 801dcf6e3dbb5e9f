package io.irready.sim;

import io.irready.sim.SimulatedAccount.ApiStage;
import io.irready.sim.SimulatedAccount.Bucket;
import io.irready.sim.SimulatedAccount.DbCluster;
import io.irready.sim.SimulatedAccount.DbInstance;
import io.irready.sim.SimulatedAccount.EksCluster;
import io.irready.sim.SimulatedAccount.NetworkFirewall;
import io.irready.sim.SimulatedAccount.WebAcl;
import io.irready.sim.SimulatedAccount.Distribution;
import io.irready.sim.SimulatedAccount.FlowLog;
import io.irready.sim.SimulatedAccount.Function;
import io.irready.sim.SimulatedAccount.Instance;
import io.irready.sim.SimulatedAccount.Key;
import io.irready.sim.SimulatedAccount.LoadBalancer;
import io.irready.sim.SimulatedAccount.LogGroup;
import io.irready.sim.SimulatedAccount.Subnet;
import io.irready.sim.SimulatedAccount.Trail;
import io.irready.sim.SimulatedAccount.Vpc;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seeds simulated accounts: a small realistic one for the demo (mostly ready, with the gaps a real
 * account has), and the same shape scaled to N resources for the benchmarks.
 */
public final class AccountGenerator {
    public static final String DEMO_ACCOUNT = "111122223333";
    public static final String DEMO_REGION = "eu-west-1";
    public static final String TRAIL = "org-audit-trail";
    public static final String TRAIL_BUCKET = "demo-cloudtrail-logs-111122223333";
    public static final String PROD_VPC = "vpc-0a1b2c3d4e5f60001";
    public static final String PROD_FLOW_LOG = "fl-0a1b2c3d4e5f60001";
    public static final String ORDERS_DB = "orders-db";
    /** The bucket tagged as holding sensitive data, whose object access the demo trail records ({@code + account}). */
    public static final String EXPORTS_BUCKET_PREFIX = "demo-customer-exports-";
    /** The EKS cluster the demo account leaves without audit and authenticator logs. */
    public static final String ML_CLUSTER = "ml-training";
    /** The account's incident-response role ({@code %s}: the account id). */
    public static final String RESPONDER_ROLE = "arn:aws:iam::%s:role/IncidentResponder";

    private AccountGenerator() {
    }

    /**
     * The demo account: one logging multi-region trail (KMS, validation, CloudWatch delivery, 400-day
     * bucket lifecycle); three VPCs — prod with a VPC flow log, staging covered by subnet flow logs,
     * legacy with none; three instances (a managed web server with the agent, a batch host without an
     * instance profile, a stopped one); a MySQL instance exporting its logs and an Aurora PostgreSQL
     * cluster; a distribution with standard logging; two functions (one whose role denies
     * logs:PutLogEvents); forensic log groups, one keeping only 30 days; two EKS clusters (ml-training
     * without audit and authenticator logs), two web ACLs (partner-api without logging) and an egress
     * Network Firewall logging alerts and flows.
     * Bedrock is used (a fine-tuned custom model) without model invocation logging, and the 30-day
     * thumbnailer log group streams nowhere.
     */
    public static SimulatedAccount demo() {
        return demo(DEMO_ACCOUNT, DEMO_REGION);
    }

    /**
     * The demo account's resources in another account and home region, so that real-shaped events
     * (whose account and region are fixed) can be replayed against it.
     */
    public static SimulatedAccount demo(String account, String region) {
        SimulatedAccount a = new SimulatedAccount(account, region);
        String trailKey = "1234abcd-12ab-34cd-56ef-1234567890ab";
        a.keys.put(trailKey, new Key(trailKey, "Enabled", null));
        a.keys.put("ebs-default", new Key("ebs-default", "Enabled", null));
        a.buckets.put(TRAIL_BUCKET, new Bucket(TRAIL_BUCKET, a.account, 400, true));
        a.logGroups.put("aws-cloudtrail-logs-org-audit", new LogGroup("aws-cloudtrail-logs-org-audit", 400, null));
        a.trails.add(new Trail(TRAIL, a.region, true, true, false, TRAIL_BUCKET, null, true, a.keyArn(trailKey),
                a.arn("logs", "log-group:aws-cloudtrail-logs-org-audit"), "arn:aws:iam::" + a.account
                        + ":role/CloudTrail_CloudWatchLogs_Role"));
        a.trailLogging.put(TRAIL, true);
        // the trail bucket logs who reads it, but nothing stops a deletion: no Object Lock, no MFA delete
        String accessLogs = "demo-s3-access-logs-" + a.account;
        a.buckets.put(accessLogs, new Bucket(accessLogs, a.account, 400, true));
        a.bucketAccessLogs.put(TRAIL_BUCKET, accessLogs);
        // customer exports are tagged as holding sensitive data; the trail records their object reads and writes
        String exports = EXPORTS_BUCKET_PREFIX + a.account;
        a.buckets.put(exports, new Bucket(exports, a.account, null, true));
        a.bucketTags.put(exports, Map.of("irready:evidence", "true"));
        a.trailS3DataEvents.put(TRAIL, List.of("arn:aws:s3:::" + exports + "/"));

        a.vpcs.add(new Vpc(PROD_VPC, "10.0.0.0/16"));
        a.vpcs.add(new Vpc("vpc-0a1b2c3d4e5f60002", "10.1.0.0/16"));
        a.vpcs.add(new Vpc("vpc-0a1b2c3d4e5f60003", "10.2.0.0/16"));
        a.subnets.add(new Subnet("subnet-0a1b2c3d4e5f60011", PROD_VPC));
        a.subnets.add(new Subnet("subnet-0a1b2c3d4e5f60021", "vpc-0a1b2c3d4e5f60002"));
        a.subnets.add(new Subnet("subnet-0a1b2c3d4e5f60022", "vpc-0a1b2c3d4e5f60002"));
        a.subnets.add(new Subnet("subnet-0a1b2c3d4e5f60031", "vpc-0a1b2c3d4e5f60003"));
        a.logGroups.put("/aws/vpc/flow-logs", new LogGroup("/aws/vpc/flow-logs", 400, null));
        a.flowLogs.add(new FlowLog(PROD_FLOW_LOG, PROD_VPC, "ALL", "/aws/vpc/flow-logs", "SUCCESS"));
        a.flowLogs.add(new FlowLog("fl-0a1b2c3d4e5f60021", "subnet-0a1b2c3d4e5f60021", "ALL", "/aws/vpc/flow-logs", "SUCCESS"));
        a.flowLogs.add(new FlowLog("fl-0a1b2c3d4e5f60022", "subnet-0a1b2c3d4e5f60022", "ALL", "/aws/vpc/flow-logs", "SUCCESS"));
        a.queryLoggedVpcs.add(PROD_VPC);

        String profile = "arn:aws:iam::" + a.account + ":instance-profile/ssm-managed";
        a.instances.add(new Instance("i-0a1b2c3d4e5f60001", "running", profile, Map.of("Name", "web-1")));
        a.instances.add(new Instance("i-0a1b2c3d4e5f60002", "running", null, Map.of("Name", "batch-1")));
        a.instances.add(new Instance("i-0a1b2c3d4e5f60003", "stopped", profile, Map.of("Name", "old-bastion")));
        a.ssmPing.put("i-0a1b2c3d4e5f60001", "Online");
        a.cloudWatchAgentInstalled.add("i-0a1b2c3d4e5f60001");
        a.logGroups.put("/ec2/web/messages", new LogGroup("/ec2/web/messages", 400, null));

        a.dbInstances.add(new DbInstance(ORDERS_DB, "mysql", List.of("audit", "error", "general", "slowquery"),
                List.of(), null));
        a.dbClusters.add(new DbCluster("analytics", "aurora-postgresql", List.of("postgresql")));
        a.dbInstances.add(new DbInstance("analytics-1", "aurora-postgresql", List.of(), List.of(), "analytics"));
        a.logGroups.put("/aws/rds/instance/orders-db/audit", new LogGroup("/aws/rds/instance/orders-db/audit", 400, null));

        a.distributions.add(new Distribution("E2DEMO0000001", true, null));

        String ingestRole = "arn:aws:iam::" + a.account + ":role/ingest-role";
        String thumbRole = "arn:aws:iam::" + a.account + ":role/thumbnailer-role";
        a.functions.add(new Function("ingest", ingestRole, null));
        a.functions.add(new Function("thumbnailer", thumbRole, null));
        a.roleDenies.put(thumbRole, Set.of("logs:PutLogEvents"));
        // the incident-response role: a permissions boundary keeps it from snapshotting volumes
        a.roleDenies.put(RESPONDER_ROLE.formatted(a.account), Set.of("ec2:CreateSnapshot"));
        a.logGroups.put("/aws/lambda/ingest", new LogGroup("/aws/lambda/ingest", 400, null));
        a.logGroups.put("/aws/lambda/thumbnailer", new LogGroup("/aws/lambda/thumbnailer", 30, null));

        // load balancers: the shop's ALB logs; the payments NLB terminates TLS without logs; the DNS NLB
        // (TCP/UDP only) has nothing to log; the legacy Classic LB logs to a bucket that was deleted
        String albLogs = "demo-alb-logs-" + a.account;
        a.buckets.put(albLogs, new Bucket(albLogs, a.account, 400, true));
        a.loadBalancers.add(new LoadBalancer("shop-alb", "application", "5d1b6f0a2c3e4b7d", false, true, albLogs));
        a.loadBalancers.add(new LoadBalancer("payments-nlb", "network", "8e2f4a6c1b3d5e70", true, false, null));
        a.loadBalancers.add(new LoadBalancer("dns-nlb", "network", "3c5e7a9b0d2f4a61", false, false, null));
        a.loadBalancers.add(new LoadBalancer("legacy-web", "classic", null, false, true, "legacy-elb-logs-" + a.account));

        // API Gateway: the orders REST API logs access and errors; the webhooks HTTP API logs nothing
        a.apiGatewayCloudWatchRole = "arn:aws:iam::" + a.account + ":role/apigateway-cloudwatch";
        a.logGroups.put("/aws/apigateway/orders", new LogGroup("/aws/apigateway/orders", 400, null));
        a.apiStages.add(new ApiStage("a1b2c3d4e5", "orders", "REST", "prod", "/aws/apigateway/orders", "ERROR"));
        a.apiStages.add(new ApiStage("x1y2z3w4v5", "webhooks", "HTTP", "$default", null, null));
        a.eksClusters.add(new EksCluster("payments", "ACTIVE", List.of("api", "audit", "authenticator")));
        a.eksClusters.add(new EksCluster(ML_CLUSTER, "ACTIVE", List.of("api")));
        a.webAcls.add(new WebAcl("storefront", "0f2a9c3e-5b7d-4e61-8a90-1c2d3e4f5a6b", "REGIONAL",
                "arn:aws:firehose:" + a.region + ":" + a.account + ":deliverystream/aws-waf-logs-storefront"));
        a.webAcls.add(new WebAcl("partner-api", "7c3e1a2b-9d4f-4a5b-8c6d-0e1f2a3b4c5d", "REGIONAL", null));
        a.networkFirewalls.add(new NetworkFirewall("egress", List.of("ALERT", "FLOW")));
        a.bedrockCustomModels.add("claims-triage-ft");
        // forensic log groups are encrypted with the trail's customer managed key
        a.logGroups.replaceAll((name, g) -> new LogGroup(g.name(), g.retentionDays(), a.keyArn(trailKey)));
        return a;
    }

    /**
     * The demo account's shape with about {@code resources} resources in all, spread over VPCs,
     * instances, DB instances, functions, distributions and log groups, for the sweep-scaling benchmark.
     */
    public static SimulatedAccount scaled(int resources) {
        SimulatedAccount a = demo();
        int each = Math.max(1, resources / 6);
        for (int i = 0; i < each; i++) {
            String n = String.format("%08x", i);
            String vpc = "vpc-1" + n;
            a.vpcs.add(new Vpc(vpc, "10.9.0.0/16"));
            a.subnets.add(new Subnet("subnet-1" + n, vpc));
            if (i % 2 == 0) {
                a.flowLogs.add(new FlowLog("fl-1" + n, vpc, "ALL", "/aws/vpc/flow-logs", "SUCCESS"));
            }
            String instance = "i-1" + n;
            a.instances.add(new Instance(instance, "running", "arn:aws:iam::" + a.account
                    + ":instance-profile/ssm-managed", Map.of("Name", "node-" + i)));
            a.ssmPing.put(instance, "Online");
            if (i % 3 != 0) {
                a.cloudWatchAgentInstalled.add(instance);
            }
            a.dbInstances.add(new DbInstance("db-" + n, "postgres", i % 2 == 0 ? List.of("postgresql") : List.of(),
                    List.of(), null));
            String role = "arn:aws:iam::" + a.account + ":role/fn-role-" + (i % 10);
            a.functions.add(new Function("fn-" + n, role, null));
            a.logGroups.put("/aws/lambda/fn-" + n, new LogGroup("/aws/lambda/fn-" + n, i % 4 == 0 ? 30 : 400, null));
            a.distributions.add(new Distribution("E1" + n.toUpperCase(), i % 2 == 0, null));
            // the evidence sources of the web tier and clusters, each kind judged per resource
            String albLogs = "demo-alb-logs-" + a.account;
            a.loadBalancers.add(i % 4 == 0
                    ? new LoadBalancer("clb-" + n, "classic", null, false, i % 8 == 0, albLogs)
                    : new LoadBalancer("alb-" + n, "application", "1" + n + "0000000", false, i % 2 == 0, albLogs));
            if (i % 3 == 0) {
                a.apiStages.add(new ApiStage("h" + n, "api-" + n, "HTTP", "$default",
                        i % 2 == 0 ? "/aws/apigateway/orders" : null, null));
            }
            if (i % 2 == 0) {
                a.eksClusters.add(new EksCluster("eks-" + n, "ACTIVE",
                        i % 4 == 0 ? List.of("api", "audit", "authenticator") : List.of("api")));
            } else {
                a.webAcls.add(new WebAcl("acl-" + n, "a" + n + "-0000-4000-8000-000000000000", "REGIONAL",
                        i % 3 == 0 ? null : "arn:aws:firehose:" + a.region + ":" + a.account
                                + ":deliverystream/aws-waf-logs-" + n));
            }
            if (i % 5 == 0) {
                a.networkFirewalls.add(new NetworkFirewall("nfw-" + n, i % 10 == 0 ? List.of("ALERT", "FLOW")
                        : List.of("ALERT")));
            }
        }
        return a;
    }
}
