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

import java.util.List;

/**
 * Where AWS's CloudTrail records name resources, by API shape, for the routes of several checks. A
 * check that alone reads some shape keeps its extractor beside it.
 */
public final class Extractors {
    private Extractors() {
    }

    /** CloudTrail trail calls: by name or ARN in {@code name}, the selector calls in {@code trailName}. */
    public static final List<Extractor> TRAIL_NAME = List.of(x(TRAIL, "/requestParameters/name"),
            x(TRAIL, "/requestParameters/trailName"), x(TRAIL, "/responseElements/trailARN"));

    /** S3 bucket calls. */
    public static final List<Extractor> BUCKET_NAME = List.of(x(BUCKET, "/requestParameters/bucketName"));

    /**
     * KMS key calls take a key id or ARN; ScheduleKeyDeletion answers with the ARN too. Where there is no
     * request — KMS deleting a key at the end of its waiting period, expired key material, RetireGrant by grant
     * token — the key is in {@code resources[]} (its ARN) or {@code serviceEventDetails.keyId}.
     */
    public static final List<Extractor> KEY_ID = List.of(x(KMS_KEY, "/requestParameters/keyId"),
            x(KMS_KEY, "/responseElements/keyId"), x(KMS_KEY, "/resources/ARN"),
            x(KMS_KEY, "/serviceEventDetails/keyId"));

    /** CreateFlowLogs names its VPCs (XML shape: one or a list); VPC calls name one. */
    public static final List<Extractor> VPC_ID = List.of(
            x(VPC, "/requestParameters/CreateFlowLogsRequest/ResourceId/content"),
            x(VPC, "/requestParameters/CreateFlowLogsRequest/ResourceId"), x(VPC, "/requestParameters/vpcId"),
            x(VPC, "/responseElements/vpc/vpcId"));

    /** Route 53 Resolver query-log associations name the VPC as {@code resourceId}. */
    public static final List<Extractor> RESOLVER_VPC = List.of(x(VPC, "/requestParameters/resourceId"));

    /**
     * EC2 instances: RunInstances ids in the response; the profile-association calls in
     * {@code *Request}/{@code *Response}; SSM calls in {@code instanceId}.
     */
    public static final List<Extractor> INSTANCE_ID = List.of(
            x(INSTANCE, "/responseElements/instancesSet/items/instanceId"),
            x(INSTANCE, "/requestParameters/instancesSet/items/instanceId"),
            x(INSTANCE, "/requestParameters/*/InstanceId"),
            x(INSTANCE, "/responseElements/*/iamInstanceProfileAssociation/instanceId"),
            x(INSTANCE, "/requestParameters/instanceId"));

    /** SSM association and registration calls name an instance at most. */
    public static final List<Extractor> SSM_INSTANCE_ID = List.of(x(INSTANCE, "/requestParameters/instanceId"));

    /** IAM role calls (role names are unique per account; the event lacks the path). */
    public static final List<Extractor> ROLE_NAME = List.of(x(ROLE, "/requestParameters/roleName"));

    /** Lambda function calls: name, partial or full ARN; CreateFunction answers with the ARN. */
    public static final List<Extractor> FUNCTION_NAME = List.of(x(FUNCTION, "/requestParameters/functionName"),
            x(FUNCTION, "/responseElements/functionArn"));

    /** CloudFront distribution calls. */
    public static final List<Extractor> DISTRIBUTION_ID = List.of(x(DISTRIBUTION, "/requestParameters/id"),
            x(DISTRIBUTION, "/responseElements/distribution/id"));

    /** CloudWatch Logs vended-log delivery calls name the source resource's ARN. */
    public static final List<Extractor> DELIVERY_SOURCE_RESOURCE = List.of(
            x(DISTRIBUTION, "/requestParameters/resourceArn"));

    /** CloudWatch Logs group calls: by name, by identifier (name or ARN), or as a resource. */
    public static final List<Extractor> LOG_GROUP_NAME = List.of(x(LOG_GROUP, "/requestParameters/logGroupName"),
            x(LOG_GROUP, "/requestParameters/logGroupIdentifier"),
            x(LOG_GROUP, "/requestParameters/resourceIdentifier"));

    /** RDS calls: the instance or cluster identifiers (an Aurora instance's cluster is in its response). */
    public static final List<Extractor> DB_IDENTIFIER = List.of(
            x(DB_INSTANCE, "/requestParameters/dBInstanceIdentifier"),
            x(DB_INSTANCE, "/requestParameters/newDBInstanceIdentifier"),
            x(DB_INSTANCE, "/requestParameters/targetDBInstanceIdentifier"),
            x(DB_INSTANCE, "/responseElements/dBInstanceIdentifier"),
            x(DB_CLUSTER, "/requestParameters/dBClusterIdentifier"),
            x(DB_CLUSTER, "/requestParameters/newDBClusterIdentifier"),
            x(DB_CLUSTER, "/responseElements/dBClusterIdentifier"));

    private static Extractor x(ResourceKind kind, String pointer) {
        return new Extractor(kind, pointer);
    }
}
