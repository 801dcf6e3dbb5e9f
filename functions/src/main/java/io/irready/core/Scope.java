package io.irready.core;

import java.util.Optional;
import java.util.Set;

/**
 * What an evaluation covers: the whole region (sweeps, events that name no resource) or the
 * named resources only (events that name them), by canonical id.
 */
public record Scope(Optional<Set<String>> resources) {
    public static final Scope REGION = new Scope(Optional.empty());

    public Scope {
        resources = resources.map(Set::copyOf);
    }

    public static Scope of(Set<String> resourceIds) {
        return resourceIds.isEmpty() ? REGION : new Scope(Optional.of(resourceIds));
    }

    public boolean isRegion() {
        return resources.isEmpty();
    }

    /** True when a finding about {@code resourceId} is within this scope. */
    public boolean includes(String resourceId) {
        return resources.map(ids -> ids.contains(resourceId)).orElse(true);
    }
}
