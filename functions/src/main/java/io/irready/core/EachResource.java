package io.irready.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The walk every per-resource check makes: each resource within the scope is judged on its own, and
 * an AWS read that fails while judging one resource costs that resource an ERROR, not the others.
 * A failure while <em>listing</em> the resources is not caught here: it propagates, and the evaluator
 * reports the blind spot at the granularity it knows and keeps the stored findings.
 */
public final class EachResource {
    private EachResource() {
    }

    /**
     * Judges every resource whose id {@code ctx.scope()} includes, in the order given.
     *
     * @param id    the resource's canonical id (what its finding is about)
     * @param judge the check's verdict on one resource; may throw {@link AwsCallFailedException}
     */
    public static <R> List<Finding> judge(CheckContext ctx, Iterable<? extends R> resources,
                                          Function<? super R, String> id, Function<? super R, Finding> judge) {
        List<Finding> findings = new ArrayList<>();
        for (R resource : resources) {
            String resourceId = id.apply(resource);
            if (!ctx.scope().includes(resourceId)) {
                continue;
            }
            try {
                findings.add(judge.apply(resource));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(resourceId, e));
            }
        }
        return findings;
    }
}
