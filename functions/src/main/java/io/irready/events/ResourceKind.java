package io.irready.events;

import io.irready.core.CheckMetadata;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of resource an event can name, and how a value taken from the event (a name, an id or an
 * ARN) becomes the canonical resource id the checks use for that kind (see {@link ResourceIds}).
 * {@link #canonical} returns {@code null} for a value that is not of the kind (e.g. a subnet id
 * where a VPC id is expected), so a mismatched value can never narrow an evaluation.
 *
 * <p>A kind is <em>judged</em> when its canonical id is a resource's ARN and it has the
 * CloudFormation type a check's metadata names ({@link CheckMetadata#resourceType()}): an event
 * naming such a resource narrows that check's re-evaluation to it ({@link #isJudgedBy}). A
 * <em>lookup key</em> (a role name) only helps a check find what it judges. The common kinds are
 * here; a check package may declare its own with {@link #judged} (a new service's resources).
 */
public final class ResourceKind {
    /** Turns a plausible value from an event into the kind's canonical id, or {@code null}. */
    @FunctionalInterface
    public interface Canonicalizer {
        String fromValue(String value, String region, String account);
    }

    private static final Pattern DISTRIBUTION_ID = Pattern.compile("[A-Z0-9]{8,32}");
    private static final Pattern SAFE = Pattern.compile("[\\x21-\\x7e]{1,2048}");

    /** CloudTrail trail: name or ARN → {@code arn:aws:cloudtrail:<region>:<account>:trail/<name>}. */
    public static final ResourceKind TRAIL = judged("TRAIL", "AWS::CloudTrail::Trail", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":cloudtrail:") && v.contains(":trail/") ? v : null;
        }
        return ResourceIds.arn("cloudtrail", region, account, "trail/" + v);
    });

    /** S3 bucket: name → {@code arn:aws:s3:::<name>}. */
    public static final ResourceKind BUCKET = judged("BUCKET", "AWS::S3::Bucket", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":s3:::") && !v.contains("/") ? v : null;
        }
        return "arn:" + ResourceIds.partition(region) + ":s3:::" + v;
    });

    /**
     * KMS key: key id → key ARN; key ARN as is. An alias (name or ARN) does not fit: only the KMS
     * inventory knows its target key, and a finding is about the key, so an event naming an alias
     * re-evaluates the region instead (the routed key APIs take key ids or ARNs anyway).
     */
    public static final ResourceKind KMS_KEY = judged("KMS_KEY", "AWS::KMS::Key", (v, region, account) -> {
        if (v.startsWith("alias/") || v.contains(":alias/")) {
            return null;
        }
        if (ResourceIds.isArn(v)) {
            return v.contains(":kms:") && v.contains(":key/") ? v : null;
        }
        return ResourceIds.arn("kms", region, account, "key/" + v);
    });

    /** VPC: {@code vpc-…} → {@code arn:aws:ec2:<region>:<account>:vpc/<id>}; subnet and ENI ids do not fit. */
    public static final ResourceKind VPC = judged("VPC", "AWS::EC2::VPC", (v, region, account) -> {
        return v.startsWith("vpc-") ? ResourceIds.arn("ec2", region, account, "vpc/" + v) : null;
    });

    /** EC2 instance: {@code i-…} → {@code arn:aws:ec2:<region>:<account>:instance/<id>}. */
    public static final ResourceKind INSTANCE = judged("INSTANCE", "AWS::EC2::Instance", (v, region, account) -> {
        return v.startsWith("i-") ? ResourceIds.arn("ec2", region, account, "instance/" + v) : null;
    });

    /**
     * Lambda function: name, partial ARN ({@code <account>:function:<name>}) or ARN, with or without a
     * version/alias qualifier → the unqualified {@code arn:aws:lambda:<region>:<account>:function:<name>}.
     */
    public static final ResourceKind FUNCTION = judged("FUNCTION", "AWS::Lambda::Function", (v, region, account) -> {
        String[] parts = v.split(":");
        if (ResourceIds.isArn(v)) {
            return parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")
                    ? String.join(":", Arrays.copyOf(parts, 7)) : null;
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return ResourceIds.arn("lambda", region, parts[0], "function:" + parts[2]);
        }
        if (parts.length == 1 || parts.length == 2) {
            return ResourceIds.arn("lambda", region, account, "function:" + parts[0]);
        }
        return null;
    });

    /** CloudFront distribution (global): id → {@code arn:aws:cloudfront::<account>:distribution/<id>}. */
    public static final ResourceKind DISTRIBUTION = judged("DISTRIBUTION", "AWS::CloudFront::Distribution", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":cloudfront::") && v.contains(":distribution/") ? v : null;
        }
        return DISTRIBUTION_ID.matcher(v).matches()
                ? "arn:" + ResourceIds.partition(region) + ":cloudfront::" + account + ":distribution/" + v : null;
    });

    /** RDS DB instance: identifier (AWS stores it lower-case) → {@code arn:aws:rds:<region>:<account>:db:<id>}. */
    public static final ResourceKind DB_INSTANCE = judged("DB_INSTANCE", "AWS::RDS::DBInstance", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":rds:") && v.contains(":db:") ? v : null;
        }
        return ResourceIds.arn("rds", region, account, "db:" + v.toLowerCase(Locale.ROOT));
    });

    /** Aurora / Multi-AZ DB cluster: identifier → {@code arn:aws:rds:<region>:<account>:cluster:<id>}. */
    public static final ResourceKind DB_CLUSTER = judged("DB_CLUSTER", "AWS::RDS::DBCluster", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":rds:") && v.contains(":cluster:") ? v : null;
        }
        return ResourceIds.arn("rds", region, account, "cluster:" + v.toLowerCase(Locale.ROOT));
    });

    /** CloudWatch Logs log group: name or ARN → {@code arn:aws:logs:<region>:<account>:log-group:<name>} (no {@code :*}). */
    public static final ResourceKind LOG_GROUP = judged("LOG_GROUP", "AWS::Logs::LogGroup", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            if (!v.contains(":logs:") || !v.contains(":log-group:")) {
                return null;
            }
            return v.endsWith(":*") ? v.substring(0, v.length() - 2) : v;
        }
        return ResourceIds.arn("logs", region, account, "log-group:" + v);
    });

    /**
     * IAM role, by name: a role ARN carries a path the event does not, but role names are unique
     * per account, so the name is the key. Never a check's own resource here: a role maps to the
     * Lambda functions that use it, which the inventory resolves (see {@link CheckTarget#roleNames}).
     */
    public static final ResourceKind ROLE = lookupKey("ROLE", (v, region, account) -> {
        if (ResourceIds.isArn(v)) {
            return v.contains(":iam::") && v.contains(":role/") ? v.substring(v.lastIndexOf('/') + 1) : null;
        }
        return v;
    });

    private final String name;
    private final Optional<String> cloudFormationType;
    private final Canonicalizer canonicalizer;

    private ResourceKind(String name, Optional<String> cloudFormationType, Canonicalizer canonicalizer) {
        this.name = Objects.requireNonNull(name, "name");
        this.cloudFormationType = cloudFormationType;
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    /** A kind whose canonical id is the ARN of a resource of {@code cloudFormationType}. */
    public static ResourceKind judged(String name, String cloudFormationType, Canonicalizer canonicalizer) {
        return new ResourceKind(name, Optional.of(cloudFormationType), canonicalizer);
    }

    /** A kind that names something a check looks up, never a finding's resource (e.g. a role name). */
    public static ResourceKind lookupKey(String name, Canonicalizer canonicalizer) {
        return new ResourceKind(name, Optional.empty(), canonicalizer);
    }

    public String name() {
        return name;
    }

    public Optional<String> cloudFormationType() {
        return cloudFormationType;
    }

    /**
     * True when findings of {@code check} are about resources of this kind: a resource-level check
     * whose resource type (one type, or several joined by {@code " / "}) includes this kind's.
     */
    public boolean isJudgedBy(CheckMetadata check) {
        return check.granularity() == Granularity.RESOURCE && cloudFormationType.isPresent()
                && Arrays.stream(check.resourceType().split(" / ")).map(String::trim)
                        .anyMatch(cloudFormationType.get()::equals);
    }

    /**
     * The canonical id of {@code value} as this kind, in the event's account and region, or
     * {@code null} when the value is not of this kind (or is not a plausible AWS name: empty,
     * blank, control characters, overlong).
     */
    public String canonical(String value, String region, String account) {
        if (value == null || !SAFE.matcher(value).matches()) {
            return null;
        }
        return canonicalizer.fromValue(value, region, account);
    }

    @Override
    public String toString() {
        return name;
    }
}
