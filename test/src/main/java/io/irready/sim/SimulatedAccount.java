package io.irready.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state of one simulated AWS account in one home region: what the simulator serves
 * over the wire and what the demo's "attacker" changes. Plain data; {@link AwsSimulator} guards it
 * with a lock while it serves a request.
 */
public final class SimulatedAccount {
    public final String account;
    public final String region;

    public SimulatedAccount(String account, String region) {
        this.account = account;
        this.region = region;
    }

    public record Trail(String name, String homeRegion, boolean multiRegion, boolean includeGlobalEvents,
                        boolean organization, String bucket, String prefix, boolean logFileValidation,
                        String kmsKeyArn, String logGroupArn, String cloudWatchRoleArn) {
    }

    public record Bucket(String name, String ownerAccount, Integer expirationDays, boolean publicAccessBlocked) {
    }

    public record Key(String id, String state, Instant deletionDate) {
    }

    public record LogGroup(String name, Integer retentionDays, String kmsKeyArn) {
    }

    public record Vpc(String id, String cidr) {
    }

    public record Subnet(String id, String vpcId) {
    }

    public record FlowLog(String id, String resourceId, String trafficType, String logGroupName, String deliverStatus) {
    }

    public record Instance(String id, String state, String instanceProfileArn, Map<String, String> tags) {
    }

    public record DbInstance(String id, String engine, List<String> exports, List<String> pendingDisable,
                             String clusterId) {
    }

    public record DbCluster(String id, String engine, List<String> exports) {
    }

    public record Distribution(String id, boolean s3Logging, String realtimeLogConfigArn) {
    }

    public record Function(String name, String roleArn, String logGroup) {
    }

    /**
     * A load balancer: {@code type} application, network, gateway or classic; {@code id} the ELBv2 ARN's
     * last part (null for classic); {@code logBucket} where its access logs go when {@code accessLogs} is on.
     */
    public record LoadBalancer(String name, String type, String id, boolean tlsListener, boolean accessLogs,
                               String logBucket) {
    }

    /**
     * An API Gateway stage: {@code protocol} REST (v1 API), HTTP or WEBSOCKET (v2 API); {@code accessLogGroup}
     * the access log destination's log group or null; {@code loggingLevel} REST execution logging for all methods.
     */
    public record ApiStage(String apiId, String apiName, String protocol, String stageName, String accessLogGroup,
                           String loggingLevel) {
    }

    /** An EKS cluster and the control-plane log types it has enabled. */
    public record EksCluster(String name, String status, List<String> loggedTypes) {
    }

    /** A WAFv2 web ACL ({@code REGIONAL} or {@code CLOUDFRONT}); {@code logDestination} null: no logging configuration. */
    public record WebAcl(String name, String id, String scope, String logDestination) {
    }

    /** A Network Firewall and the log types ({@code ALERT}, {@code FLOW}, {@code TLS}) it sends somewhere. */
    public record NetworkFirewall(String name, List<String> loggedTypes) {
    }

    /** A CloudWatch Logs subscription filter streaming {@code logGroup} to {@code destinationArn}. */
    public record SubscriptionFilter(String logGroup, String name, String destinationArn) {
    }

    public final List<Trail> trails = new ArrayList<>();
    public final Map<String, Boolean> trailLogging = new LinkedHashMap<>();
    public final Map<String, Instant> trailStoppedAt = new LinkedHashMap<>();
    public final Map<String, Bucket> buckets = new LinkedHashMap<>();
    public final Map<String, Key> keys = new LinkedHashMap<>();
    public final Map<String, LogGroup> logGroups = new LinkedHashMap<>();
    /** Tags written with logs:TagResource, by log group name. */
    public final Map<String, Map<String, String>> logGroupTags = new LinkedHashMap<>();
    public final List<Vpc> vpcs = new ArrayList<>();
    public final List<Subnet> subnets = new ArrayList<>();
    public final List<FlowLog> flowLogs = new ArrayList<>();
    public final List<Instance> instances = new ArrayList<>();
    /** SSM managed instances and their ping status. */
    public final Map<String, String> ssmPing = new LinkedHashMap<>();
    /** Instances whose SSM inventory lists the CloudWatch agent. */
    public final Set<String> cloudWatchAgentInstalled = new LinkedHashSet<>();
    public boolean defaultHostManagement;
    public final List<DbInstance> dbInstances = new ArrayList<>();
    public final List<DbCluster> dbClusters = new ArrayList<>();
    public final List<Distribution> distributions = new ArrayList<>();
    public final List<Function> functions = new ArrayList<>();
    public final List<LoadBalancer> loadBalancers = new ArrayList<>();
    public final List<ApiStage> apiStages = new ArrayList<>();
    /** API Gateway's account setting: the role REST APIs write CloudWatch Logs through (null: none). */
    public String apiGatewayCloudWatchRole;
    /** Role ARN → actions its policies explicitly deny (everything else is allowed). */
    public final Map<String, Set<String>> roleDenies = new LinkedHashMap<>();
    public boolean guardDutyEnabled = true;
    public boolean configRecording = true;
    /** VPC ids associated with a Resolver query log config. */
    public final Set<String> queryLoggedVpcs = new LinkedHashSet<>();
    public final List<EksCluster> eksClusters = new ArrayList<>();
    public final List<WebAcl> webAcls = new ArrayList<>();
    public final List<NetworkFirewall> networkFirewalls = new ArrayList<>();
    public final List<SubscriptionFilter> subscriptionFilters = new ArrayList<>();
    /** Bedrock custom model names: a sign that the account uses Bedrock in the region. */
    public final List<String> bedrockCustomModels = new ArrayList<>();
    /** The log group Bedrock model invocation logging writes prompts and completions to (null: logging off). */
    public String bedrockInvocationLogGroup;
    /** Buckets whose Object Lock locks new objects by default (GOVERNANCE) → the default retention in days. */
    public final Map<String, Integer> bucketObjectLockDays = new LinkedHashMap<>();
    /** Versioned buckets that require MFA to delete object versions. */
    public final Set<String> bucketMfaDelete = new LinkedHashSet<>();
    /** Buckets with server access logging → the bucket their access logs go to. */
    public final Map<String, String> bucketAccessLogs = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> bucketTags = new LinkedHashMap<>();
    /**
     * The account-level S3 Block Public Access (s3control): null when not configured, else whether all four
     * settings are on.
     */
    public Boolean accountPublicAccessBlocked;
    /** Buckets whose bucket policy grants public access ({@code GetBucketPolicyStatus.IsPublic}). */
    public final Set<String> bucketPublicPolicies = new LinkedHashSet<>();
    /** Trail name → object ARN prefixes whose S3 data events (reads and writes) it records ({@code arn:aws:s3}: all). */
    public final Map<String, List<String>> trailS3DataEvents = new LinkedHashMap<>();
    /** Write events CloudTrail's Event History returns (newest first), for the blind-window report. */
    public final List<Map<String, String>> eventHistory = new ArrayList<>();

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    public String trailArn(Trail t) {
        return "arn:aws:cloudtrail:" + t.homeRegion() + ":" + account + ":trail/" + t.name();
    }

    /** ELBv2 ARNs end in a type code and an id; Classic Load Balancers are named by this ARN form. */
    public String loadBalancerArn(LoadBalancer lb) {
        String code = switch (lb.type()) {
            case "application" -> "app/";
            case "network" -> "net/";
            case "gateway" -> "gwy/";
            default -> "";
        };
        return arn("elasticloadbalancing", "loadbalancer/" + code + lb.name() + (code.isEmpty() ? "" : "/" + lb.id()));
    }

    public String keyArn(String keyId) {
        return arn("kms", "key/" + keyId);
    }

    // ---- what the demo's attacker does (each mirrors the API call's effect on state)

    public void stopLogging(String trailName, Instant at) {
        trailLogging.put(trailName, false);
        trailStoppedAt.put(trailName, at);
    }

    public void startLogging(String trailName) {
        trailLogging.put(trailName, true);
    }

    public void deleteFlowLog(String flowLogId) {
        flowLogs.removeIf(f -> f.id().equals(flowLogId));
    }

    /** UpdateClusterConfig enabling control-plane log types (EKS adds them to what the cluster logs). */
    public void enableEksLogs(String clusterName, List<String> types) {
        eksClusters.replaceAll(c -> {
            if (!c.name().equals(clusterName)) {
                return c;
            }
            List<String> logged = new ArrayList<>(c.loggedTypes());
            types.stream().filter(t -> !logged.contains(t)).forEach(logged::add);
            return new EksCluster(c.name(), c.status(), List.copyOf(logged));
        });
    }

    public String webAclArn(WebAcl acl) {
        return "CLOUDFRONT".equals(acl.scope())
                ? "arn:aws:wafv2:us-east-1:" + account + ":global/webacl/" + acl.name() + "/" + acl.id()
                : arn("wafv2", "regional/webacl/" + acl.name() + "/" + acl.id());
    }

    /** ModifyDBInstance with DisableLogTypes: AWS keeps listing the types as enabled while pending. */
    public void disableDbLogExports(String dbInstanceId, List<String> types) {
        dbInstances.replaceAll(db -> db.id().equals(dbInstanceId)
                ? new DbInstance(db.id(), db.engine(), db.exports(), List.copyOf(types), db.clusterId()) : db);
    }
}
