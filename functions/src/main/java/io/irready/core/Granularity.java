package io.irready.core;

/** What one finding of a check is about. */
public enum Granularity {
    /** One finding per account and region; its resource id is {@link ResourceIds#accountRegion}. */
    ACCOUNT_REGION,
    /** One finding per resource; its resource id is the resource's ARN. */
    RESOURCE
}
