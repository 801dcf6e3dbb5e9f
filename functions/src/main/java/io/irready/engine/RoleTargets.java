package io.irready.engine;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.events.CheckTarget;
import io.irready.events.RoleUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the targets an IAM role event reached by role name ({@link CheckTarget#byRole()}) into the resources
 * that use those roles, in one account and region: a changed execution role re-evaluates the functions that
 * run as it, not every function of the region. A role that nothing uses leaves nothing to evaluate. Where the
 * users cannot be listed, the target is evaluated over the region — dearer, never wrong — and the evaluation
 * reports the failed read as it would anyway.
 */
public final class RoleTargets {
    private RoleTargets() {
    }

    /**
     * @param targets the targets to evaluate, those reached by role resolved to the resources using the roles
     * @param unused  the checks whose roles no resource of the region uses: nothing to evaluate
     */
    public record Resolved(List<CheckTarget> targets, List<String> unused) {
        public Resolved {
            targets = List.copyOf(targets);
            unused = List.copyOf(unused);
        }
    }

    public static Resolved resolve(List<CheckTarget> targets, CheckRegistry registry, Config config,
                                   Inventory inventory) {
        List<CheckTarget> resolved = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (CheckTarget target : targets) {
            if (!target.byRole() || !config.isEnabled(target.checkId())) {
                // a disabled check is skipped by the evaluator: not worth a read to find its resources
                resolved.add(target);
                continue;
            }
            Optional<Check> check = registry.find(target.checkId());
            if (check.isEmpty() || !(check.get() instanceof RoleUsers users)) {
                resolved.add(new CheckTarget(target.checkId(), Scope.REGION, Set.of()));
                continue;
            }
            Set<String> resources = new TreeSet<>(target.scope().resources().orElse(Set.of()));
            try {
                resources.addAll(users.resourcesUsing(target.roleNames(), inventory));
            } catch (AwsCallFailedException e) {
                resolved.add(new CheckTarget(target.checkId(), Scope.REGION, Set.of()));
                continue;
            }
            if (resources.isEmpty()) {
                unused.add(target.checkId());
            } else {
                resolved.add(new CheckTarget(target.checkId(), Scope.of(resources), Set.of()));
            }
        }
        return new Resolved(resolved, unused);
    }
}
