package io.irready.demo;

import io.irready.store.FindingTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A local DynamoDB-compatible store for the demo and the benchmarks: the repository's pinned
 * dynalite (npm) on a free loopback port, with irready's table created, stopped on {@link #close()}.
 */
public final class LocalDynamo implements AutoCloseable {
    private final Process process;
    private final DynamoDbClient client;
    private final String tableName;

    private LocalDynamo(Process process, DynamoDbClient client, String tableName) {
        this.process = process;
        this.client = client;
        this.tableName = tableName;
    }

    /** Starts dynalite from {@code <root>/node_modules} and creates {@code tableName}. */
    public static LocalDynamo start(Path repositoryRoot, String tableName) throws IOException, InterruptedException {
        Path executable = repositoryRoot.resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("dynalite is not installed at " + executable
                    + " — run `npm ci` in " + repositoryRoot + " (Node.js 20+ with npm is required)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(executable.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!listening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not start on 127.0.0.1:" + port);
            }
            Thread.sleep(50);
        }
        DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        client.createTable(FindingTable.createTableRequest(tableName));
        return new LocalDynamo(process, client, tableName);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    public String tableName() {
        return tableName;
    }

    @Override
    public void close() {
        client.close();
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
