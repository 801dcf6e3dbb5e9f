package io.irready.events;

import io.irready.core.ResourceIds;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kinds of resource an event can name, and how a value taken from the event (a name, an id
 * or an ARN) becomes the canonical resource id the checks use for that kind (see {@link ResourceIds}).
 * {@link #canonical} returns {@code null} for a value that is not of the kind (e.g. a subnet id
 * where a VPC id is expected), so a mismatched value can never narrow an evaluation.
 */
public enum ResourceKind {
    /** CloudTrail trail: name or ARN → {@code arn:aws:cloudtrail:<region>:<account>:trail/<name>}. */
    TRAIL {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":cloudtrail:") && v.contains(":trail/") ? v : null;
            }
            return ResourceIds.arn("cloudtrail", region, account, "trail/" + v);
        }
    },
    /** S3 bucket: name → {@code arn:aws:s3:::<name>}. */
    BUCKET {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":s3:::") && !v.contains("/") ? v : null;
            }
            return "arn:" + ResourceIds.partition(region) + ":s3:::" + v;
        }
    },
    /**
     * KMS key: key id → key ARN; key ARN as is. An alias (name or ARN) does not fit: only the KMS
     * inventory knows its target key, and a finding is about the key, so an event naming an alias
     * re-evaluates the region instead (the routed key APIs take key ids or ARNs anyway).
     */
    KMS_KEY {
        @Override
        String fromValue(String v, String region, String account) {
            if (v.startsWith("alias/") || v.contains(":alias/")) {
                return null;
            }
            if (ResourceIds.isArn(v)) {
                return v.contains(":kms:") && v.contains(":key/") ? v : null;
            }
            return ResourceIds.arn("kms", region, account, "key/" + v);
        }
    },
    /** VPC: {@code vpc-…} → {@code arn:aws:ec2:<region>:<account>:vpc/<id>}; subnet and ENI ids do not fit. */
    VPC {
        @Override
        String fromValue(String v, String region, String account) {
            return v.startsWith("vpc-") ? ResourceIds.arn("ec2", region, account, "vpc/" + v) : null;
        }
    },
    /** EC2 instance: {@code i-…} → {@code arn:aws:ec2:<region>:<account>:instance/<id>}. */
    INSTANCE {
        @Override
        String fromValue(String v, String region, String account) {
            return v.startsWith("i-") ? ResourceIds.arn("ec2", region, account, "instance/" + v) : null;
        }
    },
    /**
     * Lambda function: name, partial ARN ({@code <account>:function:<name>}) or ARN, with or without a
     * version/alias qualifier → the unqualified {@code arn:aws:lambda:<region>:<account>:function:<name>}.
     */
    FUNCTION {
        @Override
        String fromValue(String v, String region, String account) {
            String[] parts = v.split(":");
            if (ResourceIds.isArn(v)) {
                return parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")
                        ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : null;
            }
            if (parts.length >= 3 && parts[1].equals("function")) {
                return ResourceIds.arn("lambda", region, parts[0], "function:" + parts[2]);
            }
            if (parts.length == 1 || parts.length == 2) {
                return ResourceIds.arn("lambda", region, account, "function:" + parts[0]);
            }
            return null;
        }
    },
    /** CloudFront distribution (global): id → {@code arn:aws:cloudfront::<account>:distribution/<id>}. */
    DISTRIBUTION {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":cloudfront::") && v.contains(":distribution/") ? v : null;
            }
            return DISTRIBUTION_ID.matcher(v).matches()
                    ? "arn:" + ResourceIds.partition(region) + ":cloudfront::" + account + ":distribution/" + v : null;
        }
    },
    /** RDS DB instance: identifier (AWS stores it lower-case) → {@code arn:aws:rds:<region>:<account>:db:<id>}. */
    DB_INSTANCE {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":rds:") && v.contains(":db:") ? v : null;
            }
            return ResourceIds.arn("rds", region, account, "db:" + v.toLowerCase(Locale.ROOT));
        }
    },
    /** Aurora / Multi-AZ DB cluster: identifier → {@code arn:aws:rds:<region>:<account>:cluster:<id>}. */
    DB_CLUSTER {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":rds:") && v.contains(":cluster:") ? v : null;
            }
            return ResourceIds.arn("rds", region, account, "cluster:" + v.toLowerCase(Locale.ROOT));
        }
    },
    /** CloudWatch Logs log group: name or ARN → {@code arn:aws:logs:<region>:<account>:log-group:<name>} (no {@code :*}). */
    LOG_GROUP {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                if (!v.contains(":logs:") || !v.contains(":log-group:")) {
                    return null;
                }
                return v.endsWith(":*") ? v.substring(0, v.length() - 2) : v;
            }
            return ResourceIds.arn("logs", region, account, "log-group:" + v);
        }
    },
    /**
     * IAM role, by name: a role ARN carries a path the event does not, but role names are unique
     * per account, so the name is the key. Never a check's own resource here: a role maps to the
     * Lambda functions that use it, which the inventory resolves (see {@link CheckTarget#roleNames}).
     */
    ROLE {
        @Override
        String fromValue(String v, String region, String account) {
            if (ResourceIds.isArn(v)) {
                return v.contains(":iam::") && v.contains(":role/") ? v.substring(v.lastIndexOf('/') + 1) : null;
            }
            return v;
        }
    };

    private static final Pattern DISTRIBUTION_ID = Pattern.compile("[A-Z0-9]{8,32}");
    private static final Pattern SAFE = Pattern.compile("[\\x21-\\x7e]{1,2048}");

    abstract String fromValue(String value, String region, String account);

    /**
     * The canonical id of {@code value} as this kind, in the event's account and region, or
     * {@code null} when the value is not of this kind (or is not a plausible AWS name: empty,
     * blank, control characters, overlong).
     */
    public String canonical(String value, String region, String account) {
        if (value == null || !SAFE.matcher(value).matches()) {
            return null;
        }
        return fromValue(value, region, account);
    }
}
