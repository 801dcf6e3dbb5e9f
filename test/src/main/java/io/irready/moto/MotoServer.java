package io.irready.moto;

import io.irready.inventory.AwsClients;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * One {@code moto_server} process on a free loopback port: an AWS emulator written by other people
 * than irready's collectors, its simulator and its WireMock stubs, so that a shared misreading of
 * the AWS documentation shows up as a failing read instead of agreeing with itself.
 *
 * <p>Plain Java (no JUnit) so that tests, benchmarks and multi-account drivers can all use it:
 * {@link #start()} returns once the server answers, {@link #reset()} empties every service
 * ({@code POST /moto-api/reset}), {@link #close()} stops the process, and a shutdown hook stops it
 * too if the JVM exits first. Moto answers for account {@link #ACCOUNT}; {@link #clientsAs} reaches
 * any other account through an assumed role, as irready does in a multi-account deployment.
 */
public final class MotoServer implements AutoCloseable {
    /** The executable looked up on {@code PATH}. */
    public static final String EXECUTABLE = "moto_server";
    /** How to get it when it is missing (the CI machine image ships it). */
    public static final String INSTALL_HINT = "pip install 'moto[server]'";
    /** The account moto answers for with ordinary test credentials. */
    public static final String ACCOUNT = "123456789012";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int PORT_ATTEMPTS = 3;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.shutdownHook = new Thread(this::stopProcess, "moto_server shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** {@code moto_server} as found on {@code PATH}, or empty when it is not installed. */
    public static Optional<Path> executable() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, EXECUTABLE))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Starts moto on a free loopback port and waits until it answers. A port taken between choosing
     * it and moto binding it is retried on another port.
     *
     * @throws IllegalStateException when moto is not installed, exits, or does not answer in time
     */
    public static MotoServer start() {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                EXECUTABLE + " is not on PATH; install it with: " + INSTALL_HINT));
        IllegalStateException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try {
                return startOn(executable, freePort());
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static MotoServer startOn(Path executable, int port) {
        try {
            Path log = Files.createTempFile("moto_server-" + port + "-", ".log");
            Process process = new ProcessBuilder(List.of(executable.toString(), "-H", "127.0.0.1", "-p",
                    String.valueOf(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
            try {
                server.awaitReady();
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("moto_server did not answer within " + STARTUP_TIMEOUT.toSeconds()
                + " s:\n" + logTail());
    }

    /** Where every service's requests go ({@code http://127.0.0.1:PORT}). */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Clients for this server with fixed test credentials and one attempt per call: moto answers an
     * operation it lacks with HTTP 500, which the SDK would otherwise retry with backoff.
     */
    public AwsClients clients() {
        return AwsClients.forEndpoint(endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")), 1);
    }

    /**
     * Clients acting in {@code account}: moto keeps resources per account and answers a role session's
     * credentials as the account of the role assumed ({@code arn:aws:iam::ACCOUNT:role/moto-tests}).
     */
    public AwsClients clientsAs(String account) {
        try (StsClient sts = clients().build(StsClient.builder(), "us-east-1")) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/moto-tests")
                    .roleSessionName("moto-tests")).credentials();
            return AwsClients.forEndpoint(endpoint, StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken())), 1);
        }
    }

    /** Forgets every resource of every service and account. */
    public void reset() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + r.statusCode() + ": " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e.getMessage() + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during moto reset", e);
        }
    }

    /** The last lines moto printed (its tracebacks name operations it has not implemented). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no moto log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    private void stopProcess() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
