package io.irready.checks.ec2;

import io.irready.core.CheckContext;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.inventory.ec2.Ec2Instance;
import io.irready.inventory.ec2.Ec2Inventory;
import java.util.List;
import java.util.Optional;

/**
 * What the instance-level checks share: the canonical instance id, the not-running verdict, and the
 * walk over the instances in scope (a failed read costs that instance an ERROR, not the others).
 */
final class Instances {
    /** EC2 calls that start an instance or change its instance profile: what SSM can manage may change. */
    static final String[] INSTANCE_CHANGES = {"RunInstances", "StartInstances", "AssociateIamInstanceProfile",
            "DisassociateIamInstanceProfile", "ReplaceIamInstanceProfileAssociation"};

    private Instances() {
    }

    /** A check's verdict on one running instance, given its canonical ARN. */
    interface Judge {
        Finding judge(CheckContext ctx, String arn, Ec2Instance instance);
    }

    /** Judges every instance in scope: not running → NOT_APPLICABLE, else {@code judge}; AWS failures → ERROR. */
    static List<Finding> judgeEach(CheckContext ctx, Judge judge) {
        return EachResource.judge(ctx, ctx.service(Ec2Inventory.class).instances(), i -> arn(ctx, i.id()), i -> {
            String arn = arn(ctx, i.id());
            return notRunning(ctx, arn, i).orElseGet(() -> judge.judge(ctx, arn, i));
        });
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
