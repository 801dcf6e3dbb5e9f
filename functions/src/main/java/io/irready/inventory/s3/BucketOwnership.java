package io.irready.inventory.s3;

/** Whose bucket a name refers to, from the point of view of the audited account. */
public enum BucketOwnership {
    /** Listed by this account's {@code ListBuckets}. */
    OWNED,
    /** Exists (HeadBucket did not answer 404) but this account does not own it, e.g. a central log-archive bucket. */
    OTHER_ACCOUNT,
    /** No bucket of that name exists (HeadBucket answered 404). */
    MISSING
}
