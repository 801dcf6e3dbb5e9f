package io.irready.inventory;

import io.irready.core.AwsCallFailedException;
import io.irready.core.AwsCallFailedException.Kind;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one SDK call (retries are the SDK's, configured in {@link AwsClients}) and turns what is
 * left of a failure into an {@link AwsCallFailedException} naming the IAM action, so that the
 * finding says which permission is missing or which fault blinded us.
 */
public final class AwsCall {
    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException",
            "Forbidden", "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken",
            "ExpiredTokenException", "AuthFailure", "OptInRequired", "SignatureDoesNotMatch");
    private static final Set<String> NOT_FOUND_SUFFIXES = Set.of("NotFound", "NotFoundException", "NoSuchBucket",
            "NoSuchKey", "NoSuchEntity", "NoSuchLifecycleConfiguration", "NoSuchBucketPolicy",
            "ResourceNotFoundException", "TrailNotFoundException");

    private AwsCall() {
    }

    /** Calls {@code call}; on failure throws {@link AwsCallFailedException} for {@code action}. */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw translate(action, e);
        } catch (SdkException e) {
            throw new AwsCallFailedException(action, e.getClass().getSimpleName(), Kind.FAULT, e.getMessage(), e);
        }
    }

    /** Classifies a service error by its AWS error code (and HTTP status when there is no code). */
    public static AwsCallFailedException translate(String action, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        int status = e.statusCode();
        if (code == null || code.isBlank()) {
            code = "HTTP " + status;
        }
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        Kind kind;
        if (ACCESS_DENIED.contains(code) || status == 403) {
            kind = Kind.ACCESS_DENIED;
        } else if (e.isThrottlingException()) {
            kind = Kind.THROTTLED;
        } else if (NOT_FOUND_SUFFIXES.stream().anyMatch(code::endsWith) || status == 404) {
            kind = Kind.NOT_FOUND;
        } else {
            kind = Kind.FAULT;
        }
        return new AwsCallFailedException(action, code, kind, detail, e);
    }
}
