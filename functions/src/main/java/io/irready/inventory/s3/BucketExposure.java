package io.irready.inventory.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a bucket is public, from its public access block, {@code GetBucketPolicyStatus} and its ACL.
 * S3 applies the account-level public access block on top of the bucket's ({@link #underAccountBlock}):
 * each of the four settings is in force when either level turns it on.
 *
 * @param block              the bucket's public access block ({@link PublicAccessBlock#NONE} when not set)
 * @param policyPublic       {@code GetBucketPolicyStatus.IsPublic}
 * @param publicAclGrantees  ACL grantee groups that make the bucket public (AllUsers, AuthenticatedUsers)
 */
public record BucketExposure(PublicAccessBlock block, boolean policyPublic, List<String> publicAclGrantees) {

    public BucketExposure {
        publicAclGrantees = List.copyOf(publicAclGrantees);
    }

    public static BucketExposure privateBucket() {
        return new BucketExposure(PublicAccessBlock.ALL, false, List.of());
    }

    /** Why the bucket is public (empty when it is not). */
    public List<String> publicBecause() {
        List<String> why = new ArrayList<>();
        if (policyPublic && !block.restrictPublicBuckets()) {
            why.add("its bucket policy grants public access");
        }
        if (!publicAclGrantees.isEmpty() && !block.ignorePublicAcls()) {
            why.add("its ACL grants access to " + String.join(" and ", publicAclGrantees));
        }
        return why;
    }

    /** This exposure with the account-level block applied on top of the bucket's own. */
    public BucketExposure underAccountBlock(PublicAccessBlock account) {
        return new BucketExposure(block.or(account), policyPublic, publicAclGrantees);
    }

    public boolean isPublic() {
        return !publicBecause().isEmpty();
    }

    /** The four settings of an S3 public access block. */
    public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                    boolean restrictPublicBuckets) {
        public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
        public static final PublicAccessBlock ALL = new PublicAccessBlock(true, true, true, true);

        /** The settings in force when both blocks apply: each one on when either turns it on. */
        public PublicAccessBlock or(PublicAccessBlock other) {
            return new PublicAccessBlock(blockPublicAcls || other.blockPublicAcls,
                    ignorePublicAcls || other.ignorePublicAcls, blockPublicPolicy || other.blockPublicPolicy,
                    restrictPublicBuckets || other.restrictPublicBuckets);
        }
    }
}
