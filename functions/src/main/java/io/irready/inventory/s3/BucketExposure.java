package io.irready.inventory.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a bucket is public, from its public access block, {@code GetBucketPolicyStatus} and its ACL.
 * The account-level public access block (s3control) is not read; a bucket blocked only there is
 * still reported as public — the conservative side for a bucket holding evidence.
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

    public boolean isPublic() {
        return !publicBecause().isEmpty();
    }

    /** The four settings of an S3 public access block. */
    public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                    boolean restrictPublicBuckets) {
        public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);
        public static final PublicAccessBlock ALL = new PublicAccessBlock(true, true, true, true);
    }
}
