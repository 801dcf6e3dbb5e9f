package io.irready.store;

/** What a transition means for the people who get alerted. */
public enum TransitionKind {
    /** Readiness dropped: the check fails now. */
    RAISED,
    /** irready could not evaluate (after the SDK's retries): the auditor is blind here. */
    BLIND,
    /** An open finding (FAIL/ERROR) passed, stopped applying, or its resource went away. */
    RESOLVED,
    /** A mute list entry expired (or was removed) while its finding is still FAIL/ERROR: the risk is back. */
    ACCEPTED_RISK_EXPIRED,
    /** Nothing anyone needs to hear about (first seen passing, PASS↔NOT_APPLICABLE, a passing resource gone). */
    SILENT;

    /** The matrix of DESIGN.md §5; {@code from} is {@code null} for a finding seen for the first time. */
    public static TransitionKind of(FindingState from, FindingState to) {
        if (from == to && to.isOpen()) {
            // the store records an unchanged open state only when the accepted risk hiding it expired
            return ACCEPTED_RISK_EXPIRED;
        }
        return switch (to) {
            case FAIL -> RAISED;
            case ERROR -> BLIND;
            case PASS, NOT_APPLICABLE, CLOSED -> from != null && from.isOpen() ? RESOLVED : SILENT;
        };
    }
}
