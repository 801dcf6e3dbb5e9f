package io.irready.store;

import io.irready.core.Status;

/**
 * The state of a stored finding: the four evaluation outcomes plus {@code CLOSED}, which the
 * store gives a finding whose resource no longer exists (or is now suppressed). A closed item
 * stays readable until its TTL removes it, and a resource that comes back reopens it.
 */
public enum FindingState {
    PASS, FAIL, ERROR, NOT_APPLICABLE, CLOSED;

    public static FindingState of(Status status) {
        return valueOf(status.name());
    }

    /** FAIL and ERROR hold an investigation back; only these sit in the sparse {@code open-findings} index. */
    public boolean isOpen() {
        return this == FAIL || this == ERROR;
    }
}
