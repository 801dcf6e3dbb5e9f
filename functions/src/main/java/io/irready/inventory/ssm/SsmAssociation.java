package io.irready.inventory.ssm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A State Manager association (ListAssociations) and whom it targets.
 *
 * @param id              association id
 * @param document        the SSM document it applies (e.g. {@code AmazonCloudWatch-ManageAgent})
 * @param name            its optional association name
 * @param instanceId      legacy single-instance target, if used instead of {@code targets}
 * @param targets         its targets; several targets must all match (AND)
 */
public record SsmAssociation(String id, String document, Optional<String> name, Optional<String> instanceId,
                             List<Target> targets) {

    public SsmAssociation {
        targets = List.copyOf(targets);
    }

    /** How the reason names it: its name when it has one, else its id. */
    public String label() {
        return name.map(n -> n + " (" + id + ")").orElse(id);
    }

    /** True when this association applies to an instance with {@code instanceId} and {@code tags}. */
    public boolean targets(String targetInstanceId, Map<String, String> tags) {
        if (instanceId.isPresent()) {
            return instanceId.get().equals(targetInstanceId);
        }
        return !targets.isEmpty() && targets.stream().allMatch(t -> t.matches(targetInstanceId, tags));
    }

    /** Targets irready cannot resolve from EC2 alone (resource groups): named in reasons, never guessed. */
    public List<Target> unresolvableTargets() {
        return targets.stream().filter(t -> !t.resolvable()).toList();
    }

    /**
     * One target: {@code InstanceIds} (with {@code *} for every instance), {@code tag:<key>} (any of
     * the values), {@code tag-key} (any of the keys), or a resource group (not resolvable here).
     */
    public record Target(String key, List<String> values) {
        public Target {
            values = List.copyOf(values);
        }

        boolean resolvable() {
            return key.equals("InstanceIds") || key.startsWith("tag:") || key.equals("tag-key");
        }

        boolean matches(String instanceId, Map<String, String> tags) {
            if (key.equals("InstanceIds")) {
                return values.contains("*") || values.contains(instanceId);
            }
            if (key.startsWith("tag:")) {
                String value = tags.get(key.substring("tag:".length()));
                return value != null && values.contains(value);
            }
            if (key.equals("tag-key")) {
                return values.stream().anyMatch(tags::containsKey);
            }
            return false;
        }
    }
}
