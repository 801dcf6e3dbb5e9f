package io.irready.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold-start probe, run as a fresh JVM by {@link Benchmarks}: what a new Lambda execution
 * environment does before its first event is handled. {@code event <endpoint> <event.json>}
 * builds the event path and handles the event against the simulator at {@code endpoint};
 * {@code prime <endpoint> <event.json>} runs only the SnapStart priming path. Prints one line
 * {@code jvmToMainMs=… setupMs=… workMs=… findings=…} and exits; the parent times the whole process.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        String mode = args[0];
        URI endpoint = URI.create(args[1]);
        String event = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);

        AuditorPath path = new AuditorPath(endpoint);
        long setupDone = System.nanoTime();
        int result = switch (mode) {
            case "event" -> path.handle(event).findings();
            case "prime" -> path.prime(event);
            default -> throw new IllegalArgumentException("mode must be event or prime, got " + mode);
        };
        long workDone = System.nanoTime();
        // measured after the work, so that the management classes do not count as cold-path classes
        double uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        double sinceMain = (System.nanoTime() - mainAt) / 1e6;
        System.out.printf("jvmToMainMs=%.1f setupMs=%.1f workMs=%.1f result=%d%n", uptimeMs - sinceMain,
                (setupDone - mainAt) / 1e6, (workDone - setupDone) / 1e6, result);
    }
}
