package io.irready.inventory.s3;

import io.irready.core.AwsCallFailedException;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Loads {@link S3Inventory} over the SDK (REST-XML; path-style when an endpoint is overridden).
 *
 * <p>Ownership: a bucket is this account's when its own {@code ListBuckets} lists it. Otherwise
 * {@code HeadBucket} tells a missing bucket (404) from one that exists in another account (403,
 * a redirect, or even 200 when the other account's policy allows us). This is robust where
 * {@code ExpectedBucketOwner} is not: that parameter answers 403 both for "someone else's bucket"
 * and for "you lack the permission".
 *
 * <p>Regions: a trail bucket may live in any region. Its region comes from {@code ListBuckets}
 * ({@code BucketRegion}) or else {@code GetBucketLocation}, and the bucket's other reads go to a
 * client of that region.
 */
public final class S3Collector {
    public static final String LIST_ALL_MY_BUCKETS = "s3:ListAllMyBuckets";
    public static final String HEAD_BUCKET = "s3:ListBucket";
    public static final String GET_BUCKET_LOCATION = "s3:GetBucketLocation";
    public static final String GET_PUBLIC_ACCESS_BLOCK = "s3:GetBucketPublicAccessBlock";
    public static final String GET_BUCKET_POLICY_STATUS = "s3:GetBucketPolicyStatus";
    public static final String GET_BUCKET_ACL = "s3:GetBucketAcl";
    public static final String GET_LIFECYCLE = "s3:GetLifecycleConfiguration";
    /** s3control GetPublicAccessBlock for the account (the account-level S3 Block Public Access). */
    public static final String GET_ACCOUNT_PUBLIC_ACCESS_BLOCK = "s3:GetAccountPublicAccessBlock";

    private static final Map<String, String> PUBLIC_GROUPS = Map.of(
            "http://acs.amazonaws.com/groups/global/AllUsers", "AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "AuthenticatedUsers");

    private final BucketRegions regions;

    private S3Collector(BucketRegions regions) {
        this.regions = regions;
    }

    /** The S3 inventory of {@code account}, whose account-level public access block is read for it. */
    public static S3Inventory inventory(AwsClients clients, String account, String region) {
        return inventory(clients, Optional.of(account), region);
    }

    /** The S3 inventory of the caller's account (asked of STS if the account-level block is needed). */
    public static S3Inventory inventory(AwsClients clients, String region) {
        return inventory(clients, Optional.empty(), region);
    }

    private static S3Inventory inventory(AwsClients clients, Optional<String> account, String region) {
        Map<String, S3Client> byRegion = new ConcurrentHashMap<>();
        Supplier<BucketExposure.PublicAccessBlock> accountBlock = () -> AccountPublicAccess.read(
                AccountPublicAccess.client(clients, region), account, () -> clients.build(StsClient.builder(), region));
        return inventory(r -> byRegion.computeIfAbsent(r, clients::sharedS3), region, accountBlock);
    }

    /**
     * @param clientFor    an S3 client per region
     * @param accountBlock the account-level public access block (read on first use)
     */
    public static S3Inventory inventory(Function<String, S3Client> clientFor, String region,
                                        Supplier<BucketExposure.PublicAccessBlock> accountBlock) {
        S3Collector c = new S3Collector(new BucketRegions(clientFor, region));
        return new S3Inventory(c::ownership, c::exposure, c::lifecycle, accountBlock);
    }

    private BucketOwnership ownership(String bucket) {
        if (regions.owned().containsKey(bucket)) {
            return BucketOwnership.OWNED;
        }
        try {
            AwsCall.call(HEAD_BUCKET, () -> regions.homeClient().headBucket(r -> r.bucket(bucket)));
            return BucketOwnership.OTHER_ACCOUNT;
        } catch (AwsCallFailedException e) {
            int status = e.getCause() instanceof S3Exception s3 ? s3.statusCode() : 0;
            return switch (status) {
                case 404 -> BucketOwnership.MISSING;
                // someone else's bucket: denied, or redirected to the region it lives in
                case 301, 307, 400, 403 -> BucketOwnership.OTHER_ACCOUNT;
                default -> throw e;
            };
        }
    }

    private BucketExposure exposure(String bucket) {
        S3Client client = regions.clientOf(bucket);
        BucketExposure.PublicAccessBlock block = orWhenAbsent("NoSuchPublicAccessBlockConfiguration",
                BucketExposure.PublicAccessBlock.NONE, () -> {
                    PublicAccessBlockConfiguration c = AwsCall.call(GET_PUBLIC_ACCESS_BLOCK,
                            () -> client.getPublicAccessBlock(r -> r.bucket(bucket))).publicAccessBlockConfiguration();
                    return new BucketExposure.PublicAccessBlock(bool(c.blockPublicAcls()), bool(c.ignorePublicAcls()),
                            bool(c.blockPublicPolicy()), bool(c.restrictPublicBuckets()));
                });
        boolean policyPublic = orWhenAbsent("NoSuchBucketPolicy", false, () -> bool(AwsCall.call(
                GET_BUCKET_POLICY_STATUS, () -> client.getBucketPolicyStatus(r -> r.bucket(bucket))).policyStatus().isPublic()));
        List<Grant> grants = AwsCall.call(GET_BUCKET_ACL, () -> client.getBucketAcl(r -> r.bucket(bucket))).grants();
        List<String> publicGrantees = grants.stream()
                .filter(g -> g.grantee() != null && g.grantee().type() == Type.GROUP && g.grantee().uri() != null)
                .map(g -> PUBLIC_GROUPS.get(g.grantee().uri()))
                .filter(name -> name != null).distinct().toList();
        return new BucketExposure(block, policyPublic, publicGrantees);
    }

    private List<LifecycleRule> lifecycle(String bucket) {
        S3Client client = regions.clientOf(bucket);
        return orWhenAbsent("NoSuchLifecycleConfiguration", List.of(), () -> AwsCall.call(GET_LIFECYCLE,
                () -> client.getBucketLifecycleConfiguration(r -> r.bucket(bucket))).rules().stream()
                .map(S3Collector::rule).toList());
    }

    @SuppressWarnings("deprecation") // the rule-level Prefix is deprecated but still returned for old rules
    private static LifecycleRule rule(software.amazon.awssdk.services.s3.model.LifecycleRule r) {
        LifecycleRuleFilter f = r.filter();
        Optional<String> prefix = Optional.ofNullable(r.prefix());
        boolean tagged = false;
        if (f != null) {
            if (f.prefix() != null) {
                prefix = Optional.of(f.prefix());
            }
            if (f.tag() != null) {
                tagged = true;
            }
            if (f.and() != null) {
                if (f.and().prefix() != null) {
                    prefix = Optional.of(f.and().prefix());
                }
                tagged |= !f.and().tags().isEmpty();
            }
        }
        var e = r.expiration();
        return new LifecycleRule(r.id() == null ? "" : r.id(), "Enabled".equals(r.statusAsString()), prefix, tagged,
                e == null ? Optional.empty() : Optional.ofNullable(e.days()),
                e == null ? Optional.empty() : Optional.ofNullable(e.date()));
    }

    /** S3 answers "not configured" with an error code; that is a value here, not a failure. */
    static <T> T orWhenAbsent(String absentCode, T absent, Supplier<T> load) {
        try {
            return load.get();
        } catch (AwsCallFailedException e) {
            if (absentCode.equals(e.errorCode())) {
                return absent;
            }
            throw e;
        }
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
