package io.irready.core;

import java.util.List;

/**
 * One readiness check: pure logic over an {@link Inventory}. It never calls AWS itself; the
 * inventory's collectors do, and their failures ({@link AwsCallFailedException}) become ERROR
 * findings — thrown out of {@link #evaluate} for the whole scope, or caught per resource.
 */
public interface Check {
    CheckMetadata metadata();

    /**
     * Judges the resources in {@code ctx.scope()} (all of the region when it is the region scope).
     * Region-level checks return exactly one finding; resource-level checks one per resource.
     */
    List<Finding> evaluate(CheckContext ctx);

    default String id() {
        return metadata().id();
    }
}
