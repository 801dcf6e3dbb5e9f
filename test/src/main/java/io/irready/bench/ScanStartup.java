package io.irready.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.moto.MotoAccountSeed;
import io.irready.moto.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code irready scan} as a user runs it, whole process, against the seeded moto account
 * ({@link MotoAccountSeed}) behind a {@link CountingProxy}: wall and CPU time, time from launching the
 * process to its first AWS request, peak RSS and requests made, for one way of starting the JVM. The
 * verdicts of every run are kept so the caller can prove that no way of starting changes them.
 */
final class ScanStartup implements AutoCloseable {
    /** A way of starting: the command and extra environment. */
    record Variant(String label, List<String> command, Map<String, String> env) {
    }

    /** One run's figures. */
    record Run(double wallMs, double cpuMs, double firstCallMs, double peakRssMiB, int requests,
               Map<String, String> verdicts, int exitCode) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final MotoServer moto;
    private final CountingProxy proxy;
    private final Path cacheDir;

    ScanStartup(Path root) throws IOException {
        this.root = root;
        this.moto = MotoServer.start();
        try {
            // moto builds its EC2 backend on the first EC2 call: seconds, minutes on a loaded machine
            MotoAccountSeed.seed(moto.clients().withTimeouts(Duration.ofMinutes(3), Duration.ofMinutes(5)));
            this.proxy = new CountingProxy(moto.endpoint());
            this.cacheDir = Files.createTempDirectory("irready-bench-jvm-cache");
        } catch (IOException | RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    /** The arguments of every measured scan. */
    static List<String> scanArguments() {
        return List.of("scan", "--region", MotoAccountSeed.REGION, "--format", "json");
    }

    Variant launcher(String label, String cacheMode) {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("irready").toString()));
        cmd.addAll(scanArguments());
        return new Variant(label, cmd, Map.of("IRREADY_JVM_CACHE", cacheMode));
    }

    Variant plainJava(String label, String java, Path jar) {
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        cmd.addAll(scanArguments());
        return new Variant(label, cmd, Map.of());
    }

    /** Removes every start-up cache, so the next launcher run trains a new one. */
    void clearCaches() throws IOException {
        try (var files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Waits until the launcher's start-up cache exists and nothing is still writing one (on JDK 25 the
     * training scan leaves its assembly to a background process).
     */
    void awaitCache() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(cacheDir)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                boolean ready = names.stream().anyMatch(n -> n.endsWith(".aot") || n.endsWith(".jsa"));
                boolean busy = names.stream().anyMatch(n -> n.endsWith(".creating") || n.endsWith(".partial"));
                if (ready && !busy) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the launcher made no start-up cache in " + cacheDir + " within 10 minutes");
    }

    /** Runs {@code variant} once (it must exit 0 or 1: a scan with FAIL findings exits 1). */
    Run run(Variant variant) throws Exception {
        Path timing = Files.createTempFile("irready-bench-time", ".txt");
        Path out = Files.createTempFile("irready-bench-scan", ".json");
        Path err = Files.createTempFile("irready-bench-scan", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-q", "-f", "%e %U %S %M", "-o",
                    timing.toString()));
            cmd.addAll(variant.command());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("IRREADY_"));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            env.put("AWS_ACCESS_KEY_ID", "testing");
            env.put("AWS_SECRET_ACCESS_KEY", "testing");
            env.put("AWS_REGION", MotoAccountSeed.REGION);
            env.put("IRREADY_CACHE_DIR", cacheDir.toString());
            env.putAll(variant.env());
            proxy.reset();
            long started = System.nanoTime();
            Process p = pb.start();
            int rc = p.waitFor();
            double wall = (System.nanoTime() - started) / 1e6;
            long first = proxy.firstRequestNanos();
            String[] t = Files.readString(timing).trim().split("\\s+");
            if (rc > 1 || t.length < 4) {
                throw new IllegalStateException(variant.label() + ": scan exited " + rc + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(wall, (Double.parseDouble(t[1]) + Double.parseDouble(t[2])) * 1000,
                    first == 0 ? Double.NaN : (first - started) / 1e6, Double.parseDouble(t[3]) / 1024.0,
                    proxy.requests(), verdicts(Files.readString(out, StandardCharsets.UTF_8)), rc);
        } finally {
            Files.deleteIfExists(timing);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** {@code checkId resourceId -> status} of a JSON report. */
    static Map<String, String> verdicts(String report) throws IOException {
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode f : JSON.readTree(report)) {
            if (!f.has("status")) {
                continue; // an "inScope": 0 entry: a check that found nothing to judge, not a verdict
            }
            verdicts.put(f.get("checkId").asText() + " " + f.get("resourceId").asText(), f.get("status").asText());
        }
        return verdicts;
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        moto.close();
        clearCaches();
        Files.deleteIfExists(cacheDir);
    }
}
