package io.irready.checks.ec2;

import io.irready.core.CheckContext;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.inventory.ec2.Ec2Instance;
import java.util.Optional;

/** What the instance-level checks share: the canonical instance id and the not-running verdict. */
final class Instances {
    private Instances() {
    }

    /** {@code arn:<partition>:ec2:<region>:<account>:instance/<id>}. */
    static String arn(CheckContext ctx, String instanceId) {
        return ResourceIds.arn("ec2", ctx.region(), ctx.account(), "instance/" + instanceId);
    }

    /**
     * NOT_APPLICABLE for an instance that is not running: a stopped host produces no evidence, and
     * a starting one has not had time to register its agents (the delayed re-check judges it).
     */
    static Optional<Finding> notRunning(CheckContext ctx, String arn, Ec2Instance instance) {
        if (instance.isRunning()) {
            return Optional.empty();
        }
        String why = switch (instance.state()) {
            case "pending" -> " is starting (pending); it is judged once it runs.";
            case "terminated", "shutting-down" -> " is " + instance.state() + ".";
            default -> " is " + instance.state() + "; it is judged again when it runs.";
        };
        return Optional.of(ctx.notApplicable(arn, "Instance " + instance.id() + why));
    }
}
