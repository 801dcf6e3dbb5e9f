package io.irready.testing;

import io.irready.core.AwsCallFailedException;

/** What an inventory supplier throws when its AWS call fails, for hand-built inventories that must fail. */
public final class AwsFailures {
    private AwsFailures() {
    }

    /** irready's role lacks {@code action}. */
    public static AwsCallFailedException denied(String action) {
        return denied(action, "AccessDeniedException", "not authorized");
    }

    /** irready's role lacks {@code action}, in the service's own error code and message. */
    public static AwsCallFailedException denied(String action, String code, String message) {
        return new AwsCallFailedException(action, code, AwsCallFailedException.Kind.ACCESS_DENIED, message, null);
    }

    /** The resource the call names does not exist. */
    public static AwsCallFailedException notFound(String action, String code) {
        return new AwsCallFailedException(action, code, AwsCallFailedException.Kind.NOT_FOUND, "not found", null);
    }
}
