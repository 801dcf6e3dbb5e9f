package io.irready.core;

import java.time.Instant;

/**
 * What a check sees while it runs: where, what to cover, the configuration, the inventory,
 * and helpers that stamp findings with the check's id, severity, account, region and time.
 */
public record CheckContext(
        CheckMetadata check,
        String account,
        String region,
        Inventory inventory,
        Config config,
        Scope scope,
        Instant observedAt) {

    /** Shortcut for {@code inventory().service(type)}. */
    public <T> T service(Class<T> type) {
        return inventory.service(type);
    }

    /** The canonical id of this account+region, for region-level findings. */
    public String regionResourceId() {
        return ResourceIds.accountRegion(account, region);
    }

    public Finding finding(String resourceId, Status status, String reason) {
        return new Finding(check.id(), check.severity(), account, region, resourceId, status, reason, observedAt);
    }

    public Finding pass(String resourceId, String reason) {
        return finding(resourceId, Status.PASS, reason);
    }

    public Finding fail(String resourceId, String reason) {
        return finding(resourceId, Status.FAIL, reason);
    }

    public Finding notApplicable(String resourceId, String reason) {
        return finding(resourceId, Status.NOT_APPLICABLE, reason);
    }

    /** An ERROR finding whose reason names the failed action and the fault. */
    public Finding error(String resourceId, AwsCallFailedException failure) {
        return finding(resourceId, Status.ERROR, FailureText.clean("Could not evaluate: " + failure.getMessage()));
    }
}
