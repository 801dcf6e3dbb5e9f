package io.irready.testing;

import io.irready.store.FindingTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A real DynamoDB-compatible server for store tests: starts {@code node_modules/.bin/dynalite}
 * (from the repository's {@code package.json}) on a free loopback port before the test class and
 * kills it after. Register with {@code @RegisterExtension static final Dynalite DYNALITE = new Dynalite();}
 * and call {@link #newTable()} per test for isolation.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private Process process;
    private int port;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path executable = root.resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("dynalite not found at " + executable
                    + ": run `npm ci` in " + root + " (the store tests need the DynamoDB-compatible server)");
        }
        port = freePort();
        process = new ProcessBuilder(executable.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                // tables are ACTIVE at once (the default simulates AWS's creation delay)
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        awaitListening(Duration.ofSeconds(30));
        client = DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30)).build())
                .build();
    }

    public void stop() {
        if (client != null) {
            client.close();
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public DynamoDbClient client() {
        return client;
    }

    /** Creates a table with the contract's schema (keys, both GSIs) under a fresh name and returns the name. */
    public String newTable() {
        String name = "irready-test-" + TABLES.incrementAndGet();
        createTable(client, name);
        return name;
    }

    /** Creates the contract's table and waits (briefly: the SDK waiter polls every 20 s) until it is ACTIVE. */
    public static void createTable(DynamoDbClient client, String name) {
        client.createTable(FindingTable.createTableRequest(name));
        for (int i = 0; i < 200; i++) {
            if (client.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("table " + name + " did not become ACTIVE");
    }

    /** Walks up from the working directory to the directory holding {@code package.json}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("package.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("no package.json above " + dir + ": cannot locate node_modules/.bin/dynalite");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue()
                        + " before listening on port " + port);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new UncheckedIOException(new IOException("dynalite did not listen on port " + port + " within " + timeout));
    }
}
