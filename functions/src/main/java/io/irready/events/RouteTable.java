package io.irready.events;

import static io.irready.events.ResourceKind.BUCKET;
import static io.irready.events.ResourceKind.DB_CLUSTER;
import static io.irready.events.ResourceKind.DB_INSTANCE;
import static io.irready.events.ResourceKind.DISTRIBUTION;
import static io.irready.events.ResourceKind.FUNCTION;
import static io.irready.events.ResourceKind.INSTANCE;
import static io.irready.events.ResourceKind.KMS_KEY;
import static io.irready.events.ResourceKind.LOG_GROUP;
import static io.irready.events.ResourceKind.ROLE;
import static io.irready.events.ResourceKind.TRAIL;
import static io.irready.events.ResourceKind.VPC;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.irready.core.Scope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing table of DESIGN.md §4 as data: which CloudTrail calls re-evaluate which checks, over
 * which resources. The EventBridge rules are generated from it ({@link #eventBridgePatterns()}), and
 * {@code irready route} prints what it decides.
 *
 * <p>Scope: where the event names a resource of the kind a check judges (its own type, see
 * {@link #JUDGED}), that check is re-evaluated for those resources only; where it names another
 * kind (a flow-log id, a parameter group, a policy ARN), none, or the check is account+region level,
 * the check is re-evaluated over the region — one paginated describe. A role maps to the functions
 * that use it through {@link CheckTarget#roleNames}.
 *
 * <p>Immutable and thread-safe: build it once ({@code standard()}, then {@code withOwnResources}).
 */
public final class RouteTable {
    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);

    public static final String CLOUDTRAIL_LOGGING = "cloudtrail-logging-all-regions";
    public static final String CLOUDTRAIL_MANAGEMENT_EVENTS = "cloudtrail-management-events";
    public static final String CLOUDTRAIL_LOG_FILE_VALIDATION = "cloudtrail-log-file-validation";
    public static final String CLOUDTRAIL_CLOUDWATCH_DELIVERY = "cloudtrail-cloudwatch-delivery";
    public static final String CLOUDTRAIL_KMS_ENCRYPTION = "cloudtrail-kms-encryption";
    public static final String CLOUDTRAIL_BUCKET_RETENTION = "cloudtrail-bucket-retention";
    public static final String VPC_FLOW_LOGS = "vpc-flow-logs-enabled";
    public static final String EC2_SSM_MANAGED = "ec2-ssm-managed";
    public static final String EC2_CLOUDWATCH_AGENT = "ec2-cloudwatch-agent";
    public static final String LAMBDA_CAN_WRITE_LOGS = "lambda-can-write-logs";
    public static final String CLOUDFRONT_ACCESS_LOGGING = "cloudfront-access-logging";
    public static final String RDS_LOG_EXPORTS = "rds-log-exports";
    public static final String LOGS_RETENTION = "logs-retention";
    public static final String EVIDENCE_DECRYPTABLE = "evidence-decryptable";
    public static final String IR_RESPONDER_PERMISSIONS = "ir-responder-permissions";
    public static final String RESOLVER_QUERY_LOGGING = "route53resolver-query-logging";
    public static final String GUARDDUTY_ENABLED = "guardduty-enabled";
    public static final String CONFIG_RECORDER_ON = "config-recorder-on";
    public static final String AUDITOR_INTEGRITY = "auditor-integrity";

    private static final List<String> ALL_CLOUDTRAIL = List.of(CLOUDTRAIL_LOGGING, CLOUDTRAIL_MANAGEMENT_EVENTS,
            CLOUDTRAIL_LOG_FILE_VALIDATION, CLOUDTRAIL_CLOUDWATCH_DELIVERY, CLOUDTRAIL_KMS_ENCRYPTION,
            CLOUDTRAIL_BUCKET_RETENTION);

    /**
     * The resource kinds each resource-level check judges (its findings' resource type). Checks not
     * listed are account+region or deployment level and always run over the region.
     */
    static final Map<String, Set<ResourceKind>> JUDGED = Map.ofEntries(
            Map.entry(CLOUDTRAIL_LOG_FILE_VALIDATION, Set.of(TRAIL)),
            Map.entry(CLOUDTRAIL_KMS_ENCRYPTION, Set.of(TRAIL)),
            Map.entry(CLOUDTRAIL_BUCKET_RETENTION, Set.of(BUCKET)),
            Map.entry(VPC_FLOW_LOGS, Set.of(VPC)),
            Map.entry(RESOLVER_QUERY_LOGGING, Set.of(VPC)),
            Map.entry(EC2_SSM_MANAGED, Set.of(INSTANCE)),
            Map.entry(EC2_CLOUDWATCH_AGENT, Set.of(INSTANCE)),
            Map.entry(LAMBDA_CAN_WRITE_LOGS, Set.of(FUNCTION)),
            Map.entry(CLOUDFRONT_ACCESS_LOGGING, Set.of(DISTRIBUTION)),
            Map.entry(RDS_LOG_EXPORTS, Set.of(DB_INSTANCE, DB_CLUSTER)),
            Map.entry(LOGS_RETENTION, Set.of(LOG_GROUP)),
            Map.entry(EVIDENCE_DECRYPTABLE, Set.of(KMS_KEY)));

    /** Checks that judge what uses a role: an event naming a role reaches them through {@link CheckTarget#roleNames}. */
    static final Set<String> JUDGED_VIA_ROLE = Set.of(LAMBDA_CAN_WRITE_LOGS);

    /** EventBridge sources whose CloudTrail event names carry an API version suffix. */
    static final Set<String> VERSIONED_SOURCES = Set.of("aws.lambda", "aws.cloudfront");

    private final List<Route> routes;
    private final Set<String> ownResources;

    public RouteTable(List<Route> routes, Set<String> ownResources) {
        this.routes = List.copyOf(routes);
        this.ownResources = Set.copyOf(ownResources);
    }

    /** The table of DESIGN.md §4. */
    public static RouteTable standard() {
        List<RowBuilder> t = new ArrayList<>();
        // CloudTrail: trails are named by name or ARN in `name`, except the selector calls (`trailName`).
        // No bucket extractor: cloudtrail-bucket-retention judges trail buckets, and a trail call can move
        // a trail off a bucket (UpdateTrail, DeleteTrail) — only a region evaluation re-judges (and closes)
        // the old bucket's finding as well as the new one's. It is cheap: one judgement per trail bucket.
        List<Extractor> trail = List.of(x(TRAIL, "/requestParameters/name"), x(TRAIL, "/requestParameters/trailName"),
                x(TRAIL, "/responseElements/trailARN"));
        // Every covered region: StopLogging on a multi-region trail (made in its home region) blinds all of
        // them at once, and each region has its own cloudtrail-logging-all-regions finding to flip now, not at
        // the next critical sweep.
        t.add(row("aws.cloudtrail", "StopLogging DeleteTrail UpdateTrail PutEventSelectors", ALL_CLOUDTRAIL, trail,
                false, true).everyRegion());
        t.add(row("aws.cloudtrail", "StartLogging CreateTrail PutInsightSelectors", ALL_CLOUDTRAIL, trail, false, false)
                .everyRegion());

        // S3: only trail buckets matter; the check judges the bucket the event names. Every region: a bucket
        // event arrives from the bucket's region, but the check judges a trail bucket in its trail's region
        // (home region, see TrailChecks), which may differ — there, and only there, the bucket has a finding.
        List<Extractor> bucket = List.of(x(BUCKET, "/requestParameters/bucketName"));
        t.add(row("aws.s3", "PutBucketLifecycle PutBucketLifecycleConfiguration PutBucketPolicy DeleteBucketPolicy "
                + "DeleteBucket", List.of(CLOUDTRAIL_BUCKET_RETENTION), bucket, false, true).everyRegion());
        t.add(row("aws.s3", "DeleteBucketLifecycle PutBucketAcl PutBucketPublicAccessBlock DeleteBucketPublicAccessBlock",
                List.of(CLOUDTRAIL_BUCKET_RETENTION), bucket, false, false).everyRegion());

        // KMS: the key APIs take a key id or ARN; ScheduleKeyDeletion answers with the ARN too.
        List<Extractor> key = List.of(x(KMS_KEY, "/requestParameters/keyId"), x(KMS_KEY, "/responseElements/keyId"));
        List<String> keyChecks = List.of(CLOUDTRAIL_KMS_ENCRYPTION, EVIDENCE_DECRYPTABLE);
        t.add(row("aws.kms", "DisableKey ScheduleKeyDeletion PutKeyPolicy RevokeGrant RetireGrant", keyChecks, key,
                false, true));
        t.add(row("aws.kms", "EnableKey CancelKeyDeletion", keyChecks, key, false, false));
        t.add(row("aws.kms", "DisableKey ScheduleKeyDeletion PutKeyPolicy RevokeGrant RetireGrant",
                List.of(AUDITOR_INTEGRITY), key, false, true).ownOnly(KMS_KEY));

        // EC2 network: flow-log ids are not VPCs (region); CreateFlowLogs names its VPCs (XML shape, one or a list).
        List<Extractor> vpc = List.of(x(VPC, "/requestParameters/CreateFlowLogsRequest/ResourceId/content"),
                x(VPC, "/requestParameters/CreateFlowLogsRequest/ResourceId"), x(VPC, "/requestParameters/vpcId"),
                x(VPC, "/responseElements/vpc/vpcId"));
        List<String> vpcChecks = List.of(VPC_FLOW_LOGS, RESOLVER_QUERY_LOGGING);
        t.add(row("aws.ec2", "DeleteFlowLogs", vpcChecks, vpc, false, true));
        t.add(row("aws.ec2", "CreateFlowLogs CreateVpc DeleteVpc", vpcChecks, vpc, false, false));

        // EC2 instances: RunInstances ids are in the response; the profile-association calls in *Request/*Response.
        // SSM registration lags an instance change, hence the delayed re-check.
        List<Extractor> instance = List.of(x(INSTANCE, "/responseElements/instancesSet/items/instanceId"),
                x(INSTANCE, "/requestParameters/instancesSet/items/instanceId"),
                x(INSTANCE, "/requestParameters/*/InstanceId"),
                x(INSTANCE, "/responseElements/*/iamInstanceProfileAssociation/instanceId"),
                x(INSTANCE, "/requestParameters/instanceId"));
        List<String> agentChecks = List.of(EC2_SSM_MANAGED, EC2_CLOUDWATCH_AGENT);
        t.add(row("aws.ec2", "RunInstances StartInstances AssociateIamInstanceProfile DisassociateIamInstanceProfile "
                + "ReplaceIamInstanceProfileAssociation", agentChecks, instance, true, false));
        t.add(row("aws.ec2", "DisableEbsEncryptionByDefault ModifyEbsDefaultKmsKeyId", List.of(EVIDENCE_DECRYPTABLE),
                List.of(), false, false));

        // SSM: an association or registration change names an instance at most; DHMC settings are regional.
        t.add(row("aws.ssm", "DeleteAssociation UpdateAssociation CreateAssociation DeregisterManagedInstance "
                + "UpdateServiceSetting", agentChecks, List.of(x(INSTANCE, "/requestParameters/instanceId")), true, false));

        // IAM: a role change reaches the functions that use the role; policy versions re-evaluate the region.
        t.add(row("aws.iam", "AttachRolePolicy DetachRolePolicy PutRolePolicy DeleteRolePolicy PutRolePermissionsBoundary "
                        + "DeleteRolePermissionsBoundary UpdateAssumeRolePolicy DeleteRole CreatePolicyVersion "
                        + "SetDefaultPolicyVersion DeletePolicyVersion",
                List.of(LAMBDA_CAN_WRITE_LOGS, IR_RESPONDER_PERMISSIONS, EVIDENCE_DECRYPTABLE),
                List.of(x(ROLE, "/requestParameters/roleName")), true, false).everyRegion());

        // Lambda configuration (versioned names: CreateFunction20150331, UpdateFunctionConfiguration20150331v2).
        List<Extractor> function = List.of(x(FUNCTION, "/requestParameters/functionName"),
                x(FUNCTION, "/responseElements/functionArn"));
        t.add(row("aws.lambda", "CreateFunction UpdateFunctionConfiguration", List.of(LAMBDA_CAN_WRITE_LOGS), function,
                true, false));

        // CloudFront (global, versioned names) and its v2 logging through CloudWatch Logs deliveries.
        t.add(row("aws.cloudfront", "CreateDistribution UpdateDistribution DeleteRealtimeLogConfig UpdateRealtimeLogConfig",
                List.of(CLOUDFRONT_ACCESS_LOGGING), List.of(x(DISTRIBUTION, "/requestParameters/id"),
                        x(DISTRIBUTION, "/responseElements/distribution/id")), false, false));
        t.add(row("aws.logs", "PutDeliverySource DeleteDeliverySource CreateDelivery DeleteDelivery "
                        + "DeleteDeliveryDestination", List.of(CLOUDFRONT_ACCESS_LOGGING),
                List.of(x(DISTRIBUTION, "/requestParameters/resourceArn")), false, false));

        // RDS: identifiers of the instance or cluster (an Aurora instance's cluster is in its response).
        t.add(row("aws.rds", "CreateDBInstance ModifyDBInstance CreateDBCluster ModifyDBCluster "
                        + "RestoreDBInstanceFromDBSnapshot RestoreDBInstanceToPointInTime RestoreDBClusterFromSnapshot "
                        + "RestoreDBClusterToPointInTime ModifyDBParameterGroup ModifyDBClusterParameterGroup "
                        + "ModifyOptionGroup", List.of(RDS_LOG_EXPORTS),
                List.of(x(DB_INSTANCE, "/requestParameters/dBInstanceIdentifier"),
                        x(DB_INSTANCE, "/requestParameters/newDBInstanceIdentifier"),
                        x(DB_INSTANCE, "/requestParameters/targetDBInstanceIdentifier"),
                        x(DB_INSTANCE, "/responseElements/dBInstanceIdentifier"),
                        x(DB_CLUSTER, "/requestParameters/dBClusterIdentifier"),
                        x(DB_CLUSTER, "/requestParameters/newDBClusterIdentifier"),
                        x(DB_CLUSTER, "/responseElements/dBClusterIdentifier")), true, false));

        // CloudWatch Logs groups: the group is the resource of logs-retention; the other checks judge
        // trails, DB instances and VPCs that deliver to it, so they run over the region.
        List<Extractor> logGroup = List.of(x(LOG_GROUP, "/requestParameters/logGroupName"),
                x(LOG_GROUP, "/requestParameters/logGroupIdentifier"), x(LOG_GROUP, "/requestParameters/resourceIdentifier"));
        List<String> logGroupChecks = List.of(LOGS_RETENTION, CLOUDTRAIL_CLOUDWATCH_DELIVERY, RDS_LOG_EXPORTS, VPC_FLOW_LOGS);
        t.add(row("aws.logs", "DeleteLogGroup PutRetentionPolicy", logGroupChecks, logGroup, false, true));
        t.add(row("aws.logs", "DeleteRetentionPolicy CreateLogGroup DisassociateKmsKey", logGroupChecks, logGroup,
                false, false));

        // Route 53 Resolver query logs (Stratus Red Team dns-delete-logs): associations name the VPC.
        List<Extractor> resolverVpc = List.of(x(VPC, "/requestParameters/resourceId"));
        t.add(row("aws.route53resolver", "DeleteResolverQueryLogConfig DisassociateResolverQueryLogConfig",
                List.of(RESOLVER_QUERY_LOGGING), resolverVpc, false, true));
        t.add(row("aws.route53resolver", "AssociateResolverQueryLogConfig", List.of(RESOLVER_QUERY_LOGGING), resolverVpc,
                false, false));

        t.add(row("aws.guardduty", "DeleteDetector UpdateDetector", List.of(GUARDDUTY_ENABLED), List.of(), false, true));
        t.add(row("aws.guardduty", "CreateDetector", List.of(GUARDDUTY_ENABLED), List.of(), false, false));
        t.add(row("aws.config", "StopConfigurationRecorder DeleteConfigurationRecorder DeleteDeliveryChannel",
                List.of(CONFIG_RECORDER_ON), List.of(), false, true));
        t.add(row("aws.config", "StartConfigurationRecorder", List.of(CONFIG_RECORDER_ON), List.of(), false, false));
        t.add(row("aws.organizations", "LeaveOrganization DisableAWSServiceAccess", List.of(CLOUDTRAIL_LOGGING),
                List.of(), false, true).everyRegion());

        // irready itself: one finding per deployment, so always the region (the check is cheap).
        t.add(row("aws.events", "DisableRule DeleteRule RemoveTargets", List.of(AUDITOR_INTEGRITY), List.of(), false, true));
        t.add(row("aws.events", "PutRule PutTargets", List.of(AUDITOR_INTEGRITY), List.of(), false, false));
        t.add(row("aws.lambda", "DeleteFunction PutFunctionConcurrency RemovePermission", List.of(AUDITOR_INTEGRITY),
                function, false, true));
        t.add(row("aws.lambda", "DeleteFunctionConcurrency", List.of(AUDITOR_INTEGRITY), function, false, false));
        t.add(row("aws.lambda", "UpdateFunctionConfiguration", List.of(AUDITOR_INTEGRITY), function, false, true)
                .ownOnly(FUNCTION));
        t.add(row("aws.sns", "DeleteTopic Unsubscribe", List.of(AUDITOR_INTEGRITY), List.of(), false, true));
        t.add(row("aws.sns", "SetTopicAttributes", List.of(AUDITOR_INTEGRITY), List.of(), false, false));
        return new RouteTable(t.stream().map(RowBuilder::build).toList(), Set.of());
    }

    /**
     * This table for a deployment whose own resources (function ARNs, key ARNs …, canonical ids)
     * are known, so rows that apply only to irready's own resources (UpdateFunctionConfiguration,
     * key changes → {@code auditor-integrity}) can match. Without them those rows never match.
     */
    public RouteTable withOwnResources(Set<String> canonicalIds) {
        return new RouteTable(routes, canonicalIds);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Every check id the table routes to, sorted (including checks a later release implements). */
    public Set<String> checkIds() {
        Set<String> ids = new TreeSet<>();
        routes.forEach(r -> ids.addAll(r.checkIds()));
        return ids;
    }

    /** Read-only calls never route: {@code readOnly} when the record has it, else the name. */
    public static boolean readOnly(CloudTrailEvent event) {
        return event.readOnly().orElseGet(() -> {
            String n = event.eventName();
            return n.startsWith("Describe") || n.startsWith("Get") || n.startsWith("List") || n.startsWith("Lookup");
        });
    }

    /** What {@code event} re-evaluates. Never throws; an unknown event routes nowhere. */
    public RoutingDecision route(CloudTrailEvent event) {
        if (readOnly(event)) {
            LOG.debug("event {}: read-only call {} is not routed", event.eventId(), event.eventName());
            return RoutingDecision.ignored(event, "read-only call");
        }
        Map<String, Accumulated> byCheck = new TreeMap<>();
        boolean delayed = false;
        boolean tamper = false;
        boolean everyRegion = false;
        for (Route route : routes) {
            if (!route.matches(event)) {
                continue;
            }
            Map<ResourceKind, Set<String>> named = extract(route, event);
            if (route.ownResourcesOnly().isPresent()
                    && named.getOrDefault(route.ownResourcesOnly().get(), Set.of()).stream().noneMatch(ownResources::contains)) {
                continue;
            }
            delayed |= route.delayedRecheck();
            everyRegion |= route.everyRegion();
            tamper |= route.evidenceDisabling() && event.failed();
            for (String checkId : route.checkIds()) {
                Set<String> resources = new TreeSet<>();
                JUDGED.getOrDefault(checkId, Set.of()).forEach(kind -> resources.addAll(named.getOrDefault(kind, Set.of())));
                Set<String> roles = JUDGED_VIA_ROLE.contains(checkId) ? named.getOrDefault(ROLE, Set.of()) : Set.of();
                byCheck.computeIfAbsent(checkId, id -> new Accumulated()).add(resources, roles);
            }
        }
        if (byCheck.isEmpty()) {
            LOG.debug("event {}: no route for {} {}", event.eventId(), event.eventSource(), event.eventName());
            return RoutingDecision.ignored(event, "no route for " + event.eventSource() + " " + event.eventName());
        }
        List<CheckTarget> targets = new ArrayList<>();
        byCheck.forEach((id, acc) -> targets.add(acc.target(id)));
        return new RoutingDecision(event, targets, delayed, tamper, everyRegion, Optional.empty());
    }

    private static Map<ResourceKind, Set<String>> extract(Route route, CloudTrailEvent event) {
        Map<ResourceKind, Set<String>> named = new EnumMap<>(ResourceKind.class);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("requestParameters", event.requestParameters());
        root.set("responseElements", event.responseElements());
        for (Extractor extractor : route.extractors()) {
            for (String value : extractor.values(root)) {
                String id = extractor.kind().canonical(value, event.awsRegion(), event.account());
                if (id != null) {
                    named.computeIfAbsent(extractor.kind(), k -> new TreeSet<>()).add(id);
                }
            }
        }
        return named;
    }

    /**
     * One EventBridge event pattern per AWS source, JSON-ready (maps, lists, strings), e.g.
     * {@code {"source":["aws.ec2"],"detail-type":["AWS API Call via CloudTrail"],
     * "detail":{"eventSource":["ec2.amazonaws.com"],"eventName":["CreateFlowLogs", …]}}}. For sources
     * whose names carry an API version (lambda, cloudfront), each name also gets
     * {@code {"wildcard":"<Name>20*"}}: versions start with the year, so no other API can match.
     */
    public List<Map<String, Object>> eventBridgePatterns() {
        Map<String, Set<String>> eventSources = new TreeMap<>();
        Map<String, Set<String>> names = new TreeMap<>();
        for (Route route : routes) {
            eventSources.computeIfAbsent(route.source(), s -> new TreeSet<>()).add(route.eventSource());
            names.computeIfAbsent(route.source(), s -> new TreeSet<>()).addAll(route.eventNames());
        }
        List<Map<String, Object>> patterns = new ArrayList<>();
        names.forEach((source, sourceNames) -> {
            List<Object> nameMatchers = new ArrayList<>(sourceNames);
            if (VERSIONED_SOURCES.contains(source)) {
                sourceNames.forEach(n -> nameMatchers.add(Map.of("wildcard", n + "20*")));
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventSource", List.copyOf(eventSources.get(source)));
            detail.put("eventName", List.copyOf(nameMatchers));
            Map<String, Object> pattern = new LinkedHashMap<>();
            pattern.put("source", List.of(source));
            pattern.put("detail-type", List.of(CloudTrailEvent.DETAIL_TYPE));
            pattern.put("detail", detail);
            patterns.add(pattern);
        });
        return patterns;
    }

    private static Extractor x(ResourceKind kind, String pointer) {
        return new Extractor(kind, pointer);
    }

    private static RowBuilder row(String source, String names, List<String> checks, List<Extractor> extractors,
                                  boolean delayedRecheck, boolean evidenceDisabling) {
        return new RowBuilder(source, names, checks, extractors, delayedRecheck, evidenceDisabling, null, false);
    }

    private record RowBuilder(String source, String names, List<String> checks, List<Extractor> extractors,
                              boolean delayedRecheck, boolean evidenceDisabling, ResourceKind ownOnly,
                              boolean global) {
        RowBuilder ownOnly(ResourceKind kind) {
            return new RowBuilder(source, names, checks, extractors, delayedRecheck, evidenceDisabling, kind, global);
        }

        RowBuilder everyRegion() {
            return new RowBuilder(source, names, checks, extractors, delayedRecheck, evidenceDisabling, ownOnly, true);
        }

        Route build() {
            return new Route(source, source.substring("aws.".length()) + ".amazonaws.com", List.of(names.split(" ")),
                    checks, extractors, delayedRecheck, evidenceDisabling, Optional.ofNullable(ownOnly), global);
        }
    }

    /** Merges the rows that route one check: any row without named resources widens it to the region. */
    private static final class Accumulated {
        private final Set<String> resources = new TreeSet<>();
        private final Set<String> roles = new LinkedHashSet<>();
        private boolean region;

        void add(Set<String> named, Set<String> roleNames) {
            roles.addAll(roleNames);
            if (named.isEmpty()) {
                region = true;
            } else {
                resources.addAll(named);
            }
        }

        CheckTarget target(String checkId) {
            return new CheckTarget(checkId, region ? Scope.REGION : Scope.of(resources), roles);
        }
    }
}
