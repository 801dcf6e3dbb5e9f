package io.irready.core;

/**
 * An AWS call a collector made failed for good (after the SDK's retries). Checks let it
 * propagate, or catch it per resource; either way it becomes an {@link Status#ERROR} finding
 * that names the action and the fault — never a PASS.
 */
public final class AwsCallFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed, as far as an operator needs to know to fix it. */
    public enum Kind {
        /** Missing permission: grant the named action. */
        ACCESS_DENIED,
        /** Still throttled after the SDK's retries. */
        THROTTLED,
        /** AWS said the resource does not exist. */
        NOT_FOUND,
        /** A 5xx, a timeout, a connection failure or an unexpected response. */
        FAULT
    }

    private final String action;
    private final String errorCode;
    private final Kind kind;

    /**
     * @param action    the IAM action of the call, e.g. {@code cloudtrail:DescribeTrails}
     * @param errorCode AWS error code ({@code AccessDeniedException}) or a short fault name
     * @param kind      classification of the failure
     * @param detail    AWS's message, for the reason
     */
    public AwsCallFailedException(String action, String errorCode, Kind kind, String detail, Throwable cause) {
        super(describe(action, errorCode, kind, detail), cause);
        this.action = action;
        this.errorCode = errorCode;
        this.kind = kind;
    }

    public String action() {
        return action;
    }

    public String errorCode() {
        return errorCode;
    }

    public Kind kind() {
        return kind;
    }

    private static String describe(String action, String errorCode, Kind kind, String detail) {
        String what = switch (kind) {
            case ACCESS_DENIED -> "access denied to " + action + " (" + errorCode + "): grant " + action
                    + " to irready's role";
            case THROTTLED -> action + " was still throttled after retries (" + errorCode + ")";
            case NOT_FOUND -> action + " found no such resource (" + errorCode + ")";
            case FAULT -> action + " failed (" + errorCode + ")";
        };
        String trimmed = FailureText.clean(detail);
        if (trimmed.length() > 200) {
            trimmed = trimmed.substring(0, 200) + "…";
        }
        return trimmed.isEmpty() ? what : what + ": " + trimmed;
    }
}
