package io.irready.inventory;

import io.irready.core.AwsCallFailedException;
import io.irready.core.AwsCallFailedException.Kind;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
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

    /** The error code of an answer that lacks a field AWS always sends. */
    public static final String INCOMPLETE_ANSWER = "IncompleteAnswer";

    private AwsCall() {
    }

    /**
     * Calls {@code call} within its service's bound on calls in flight ({@link ServiceCallLimits}); on
     * failure throws {@link AwsCallFailedException} for {@code action}.
     */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return ServiceCallLimits.within(action, call);
        } catch (AwsServiceException e) {
            throw translate(action, e);
        } catch (SdkException e) {
            throw new AwsCallFailedException(action, faultCode(e), Kind.FAULT, e.getMessage(), e);
        }
    }

    /**
     * {@code value} read from {@code action}'s answer, or — when AWS always sends it but this answer
     * lacks it (an emulator, a proxy, an API change) — an ERROR naming the call and the field.
     */
    public static <T> T required(String action, String field, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new AwsCallFailedException(action, INCOMPLETE_ANSWER, Kind.FAULT, "the answer has no " + field
                    + ", which AWS always sends: check that AWS calls reach AWS (no proxy or emulator answering)",
                    null);
        }
        return value;
    }

    /** A short name for a client-side fault, for operators rather than for Java programmers. */
    static String faultCode(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "Timeout";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return "MissingCredentials";
        }
        if (message.contains(AnswerFormatGuard.MARK) || message.contains("unmarshall")
                || causedBy(e, "Json") || causedBy(e, "Xml") || causedBy(e, "Parse")) {
            return AnswerFormatGuard.FAULT_CODE;
        }
        return message.startsWith("Unable to execute HTTP request") || causedBy(e, "IOException") || causedBy(e, "Socket") || causedBy(e, "Connect") ? "NetworkError"
                : "ClientError";
    }

    private static boolean causedBy(Throwable e, String classNamePart) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getClass().getName().contains(classNamePart)) {
                return true;
            }
        }
        return false;
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
