package io.irready.bench;

import io.irready.lambda.EventHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold-start probe, run as a fresh JVM by {@link Benchmarks} with the event function's
 * environment ({@link LocalAuditor#lambdaEnvironment}): what a new Lambda execution environment does.
 * {@code event <event.json>} constructs the handler as the Lambda runtime does ({@code new EventHandler()})
 * and handles the event — parse, route, evaluate against the simulator, store in dynalite, publish;
 * {@code prime <event.json>} constructs it and runs only the SnapStart priming hook
 * ({@code beforeCheckpoint}). Prints one line {@code jvmToMainMs=… setupMs=… workMs=… result=…} after
 * the handler's own log lines; the parent times the whole process.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        String mode = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));

        EventHandler handler = new EventHandler();
        long setupDone = System.nanoTime();
        String result;
        switch (mode) {
            case "event" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(event), out, null);
                result = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            case "prime" -> {
                handler.beforeCheckpoint(null);
                result = "primed";
            }
            default -> throw new IllegalArgumentException("mode must be event or prime, got " + mode);
        }
        long workDone = System.nanoTime();
        // read after the work, so that the management classes do not count as cold-path time
        double uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        double sinceMain = (System.nanoTime() - mainAt) / 1e6;
        System.out.printf("jvmToMainMs=%.1f setupMs=%.1f workMs=%.1f result=%s%n", uptimeMs - sinceMain,
                (setupDone - mainAt) / 1e6, (workDone - setupDone) / 1e6, result.replace(' ', '_'));
    }
}
