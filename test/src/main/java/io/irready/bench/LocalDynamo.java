package io.irready.bench;

import io.irready.store.FindingTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A DynamoDB-compatible store on loopback for the benchmarks: {@code node_modules/.bin/dynalite}
 * (from the repository's {@code package.json}) on a free port, killed on close. Same server the
 * store tests use; no AWS account needed.
 */
public final class LocalDynamo implements AutoCloseable {
    private final Process process;
    private final int port;

    private LocalDynamo(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts dynalite from {@code root}/node_modules; says how to install it when it is missing. */
    public static LocalDynamo start(Path root) throws IOException, InterruptedException {
        Path executable = root.resolve("node_modules/.bin/dynalite");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("dynalite not found at " + executable + ": run `npm ci` in " + root
                    + " (Node.js 18 or newer); the benchmarks store findings in it");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(executable.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        LocalDynamo dynamo = new LocalDynamo(process, port);
        dynamo.awaitListening(Duration.ofSeconds(30));
        return dynamo;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Creates the contract's table (keys, both indexes) and waits until it is ACTIVE. */
    public static void createTable(DynamoDbClient client, String name) throws InterruptedException {
        client.createTable(FindingTable.createTableRequest(name));
        for (int i = 0; i < 400; i++) {
            if (client.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("table " + name + " did not become ACTIVE");
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + " before listening");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new UncheckedIOException(new IOException("dynalite did not listen on port " + port + " within " + timeout));
    }

    @Override
    public void close() {
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
