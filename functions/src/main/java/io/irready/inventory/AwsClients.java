package io.irready.inventory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import io.irready.core.Memo;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds SDK clients the same way everywhere: the URL-connection HTTP client (small, fast to
 * start), the SDK's standard retry mode (throttling and 5xx retried with backoff; access denied
 * never), bounded timeouts, and — for tests, the demo and emulators — an endpoint override.
 * Without an explicit override the SDK's own {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>}
 * handling stays in force; S3 then uses path-style addressing, which emulators need.
 *
 * <p>Start-up cost is paid per service on first use only: {@link #shared} builds a service's client
 * the first time a collector asks for it in a region and hands the same (thread-safe) client to every
 * later read, so a run that selects two checks builds two services' clients, and a warm Lambda
 * container builds none again. The HTTP client itself (its TLS context) is built on the first client,
 * not with this object, so commands that never call AWS never pay for it.
 */
public final class AwsClients {
    /**
     * One scheduler for every client's call timeouts. Without it each SDK client starts a scheduler
     * thread of its own, and collectors build clients per evaluation without closing them: a warm
     * Lambda container, or a flood of events, would leak a thread per client until the JVM could
     * create no more. The SDK never shuts down a scheduler it was given.
     */
    private static final ScheduledExecutorService TIMEOUTS = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "irready-sdk-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpointOverride;
    private final Supplier<SdkHttpClient> httpClient;
    private final int maxAttempts;
    private final Map<String, String> environment;
    private final List<ExecutionInterceptor> interceptors;
    private final Duration attemptTimeout;
    private final Duration callTimeout;
    /** Clients built by {@link #shared}, per builder type and region. */
    private final Map<SharedKey, Object> shared = new ConcurrentHashMap<>();
    private final Map<AwsCredentialsProvider, AwsClients> withCredentials = new ConcurrentHashMap<>();

    /**
     * @param credentials      where credentials come from (the default chain honours AWS_PROFILE)
     * @param endpointOverride one endpoint for every service (WireMock, the demo simulator), or empty
     * @param maxAttempts      SDK attempts per call, first included (3 is the SDK's standard)
     */
    public AwsClients(AwsCredentialsProvider credentials, Optional<URI> endpointOverride, int maxAttempts) {
        this(credentials, endpointOverride, maxAttempts, System.getenv());
    }

    AwsClients(AwsCredentialsProvider credentials, Optional<URI> endpointOverride, int maxAttempts,
               Map<String, String> environment) {
        this(credentials, endpointOverride, maxAttempts, environment, Memo.of(() -> UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(20))
                .build()), List.of(), Duration.ofSeconds(20), Duration.ofSeconds(60));
    }

    private AwsClients(AwsCredentialsProvider credentials, Optional<URI> endpointOverride, int maxAttempts,
                       Map<String, String> environment, Supplier<SdkHttpClient> httpClient,
                       List<ExecutionInterceptor> interceptors, Duration attemptTimeout, Duration callTimeout) {
        this.credentials = credentials;
        this.endpointOverride = endpointOverride;
        this.maxAttempts = maxAttempts;
        this.environment = environment;
        this.httpClient = httpClient;
        this.interceptors = List.copyOf(interceptors);
        this.attemptTimeout = attemptTimeout;
        this.callTimeout = callTimeout;
    }

    /**
     * These clients, with {@code interceptor} seeing every call (tests record which operations a check
     * makes, to prove its declared permissions cover them).
     */
    public AwsClients withInterceptor(ExecutionInterceptor interceptor) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(interceptor);
        return new AwsClients(credentials, endpointOverride, maxAttempts, environment, httpClient, all,
                attemptTimeout, callTimeout);
    }

    /**
     * These clients with other SDK timeouts: per attempt and per call, retries included (tests of a
     * stalled service use short ones to stay fast).
     */
    public AwsClients withTimeouts(Duration perAttempt, Duration perCall) {
        return new AwsClients(credentials, endpointOverride, maxAttempts, environment, httpClient, interceptors,
                perAttempt, perCall);
    }

    /**
     * These clients acting with other credentials (a role assumed in another account): same
     * endpoint, retries, HTTP client and interceptors.
     */
    public AwsClients withCredentials(AwsCredentialsProvider other) {
        // one instance per provider (an assumed role's session), so its shared clients outlive one evaluation
        return withCredentials.computeIfAbsent(other, o -> new AwsClients(o, endpointOverride, maxAttempts,
                environment, httpClient, interceptors, attemptTimeout, callTimeout));
    }

    /** Where these clients' credentials come from (assuming a role in another account starts from them). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** Clients for a real account: default credential chain, SDK endpoint resolution. */
    public static AwsClients standard() {
        return new AwsClients(DefaultCredentialsProvider.builder().build(), Optional.empty(), 3);
    }

    /** Clients that talk to one local endpoint (tests, demo), with the given attempts per call. */
    public static AwsClients forEndpoint(URI endpoint, AwsCredentialsProvider credentials, int maxAttempts) {
        return new AwsClients(credentials, Optional.of(endpoint), maxAttempts);
    }

    public Optional<URI> endpointOverride() {
        return endpointOverride;
    }

    /**
     * Configures any SDK client builder for {@code region}, e.g.
     * {@code clients.build(CloudTrailClient.builder(), "eu-west-1")}.
     */
    public <B extends AwsClientBuilder<B, C>, C> C build(AwsClientBuilder<B, C> builder, String region) {
        B b = builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout)
                        .executionInterceptors(withGuard())
                        .scheduledExecutorService(TIMEOUTS)
                        .build());
        endpointOverride.ifPresent(b::endpointOverride);
        if (b instanceof SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient.get());
        }
        return b.build();
    }

    /**
     * The one client of this service in {@code region}, built on first use and then shared (SDK
     * clients are thread-safe), e.g. {@code clients.shared(CloudTrailClient::builder, "eu-west-1")}.
     * Never close it; {@link #build} is for a client the caller owns and closes.
     */
    public <B extends AwsClientBuilder<B, C>, C> C shared(Supplier<? extends AwsClientBuilder<B, C>> builder,
                                                            String region) {
        AwsClientBuilder<B, C> b = builder.get(); // a builder is a plain object: its type names the service
        return sharedOf(b.getClass(), region, () -> build(b, region));
    }

    /** The shared S3 client of {@code region} (see {@link #shared} and {@link #s3}). */
    public S3Client sharedS3(String region) {
        return sharedOf(S3Client.class, region, () -> s3(region));
    }

    @SuppressWarnings("unchecked")
    private <C> C sharedOf(Class<?> type, String region, Supplier<C> build) {
        // computeIfAbsent: two threads asking for the same client wait for one build, not two
        return (C) shared.computeIfAbsent(new SharedKey(type, region), k -> build.get());
    }

    private record SharedKey(Class<?> type, String region) {
    }

    /** Every client refuses a 2xx answer that is not its service's format (see {@link AnswerFormatGuard}). */
    private List<ExecutionInterceptor> withGuard() {
        List<ExecutionInterceptor> all = new ArrayList<>();
        all.add(new AnswerFormatGuard());
        all.addAll(interceptors);
        return all;
    }

    /** An S3 client; path-style whenever an endpoint is overridden (emulators cannot do virtual hosts). */
    public S3Client s3(String region) {
        var builder = S3Client.builder();
        boolean overridden = endpointOverride.isPresent() || environment.containsKey("AWS_ENDPOINT_URL")
                || environment.containsKey("AWS_ENDPOINT_URL_S3");
        builder.forcePathStyle(overridden);
        return build(builder, region);
    }
}
