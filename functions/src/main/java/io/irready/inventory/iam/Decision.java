package io.irready.inventory.iam;

/** The IAM policy simulator's verdict on one action against one resource. */
public enum Decision {
    /** An identity policy allows it and nothing (boundary, SCP, deny statement) blocks it. */
    ALLOWED,
    /** A statement denies it explicitly: no allow can override that. */
    EXPLICIT_DENY,
    /** Nothing allows it (or a permissions boundary / SCP does not). */
    IMPLICIT_DENY;

    /** Parses the simulator's {@code EvalDecision} ({@code allowed}, {@code explicitDeny}, {@code implicitDeny}). */
    public static Decision parse(String evalDecision) {
        if ("allowed".equalsIgnoreCase(evalDecision)) {
            return ALLOWED;
        }
        if ("explicitDeny".equalsIgnoreCase(evalDecision)) {
            return EXPLICIT_DENY;
        }
        // anything else, including a value a newer API adds, is not an allow
        return IMPLICIT_DENY;
    }
}
