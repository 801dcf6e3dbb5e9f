package io.irready.sim;

/**
 * A way AWS (or what stands between irready and AWS) can answer badly, injected per service into
 * {@link AwsSimulator#inject}: each must make the checks that read that service ERROR, never PASS.
 */
public enum Fault {
    /** 403 with the protocol's access-denied code. */
    ACCESS_DENIED,
    /** 429 with the protocol's throttling code, on every call. */
    THROTTLED,
    /** 500 InternalFailure. */
    SERVER_ERROR,
    /** The right answer, after {@link AwsSimulator#slowAnswersTake}: past the client's timeout. */
    SLOW,
    /** The right status and the first half of the right body. */
    TRUNCATED,
    /** 200 with a proxy's login page. */
    HTML_200,
    /** 200 with no body at all. */
    EMPTY_200
}
