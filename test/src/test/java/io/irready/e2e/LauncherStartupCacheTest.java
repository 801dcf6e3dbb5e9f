package io.irready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./irready} launcher's start-up cache must never stand in the way: a damaged file where
 * the AOT cache (JDK 25) or class-data-sharing archive (JDK 21-24) should be, or none at all, and the
 * command starts as it would without one — same output, nothing extra on standard error, same exit
 * code. Runs the real launcher on the built jar with {@code IRREADY_CACHE_DIR} in a temporary folder.
 */
class LauncherStartupCacheTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LAUNCHER = ROOT.resolve("irready");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path cacheDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Path javaHome, String cacheMode, String... args) throws IOException, InterruptedException {
        Path out = cacheDir.resolveSibling(cacheDir.getFileName() + ".out");
        Path err = cacheDir.resolveSibling(cacheDir.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("IRREADY_CACHE_DIR", cacheDir.toString());
        env.put("IRREADY_JVM_CACHE", cacheMode);
        int code = pb.start().waitFor();
        try {
            return new Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Where the launcher would look for its cache with this JDK (it says so when asked). */
    private Path cacheFile(Path javaHome, String mode) throws IOException, InterruptedException {
        Result where = run(javaHome, mode.equals("cds") ? "where-cds" : "where", "checks");
        assertThat(where.exitCode()).as(where.err()).isZero();
        return Path.of(where.out().strip());
    }

    private void aDamagedCacheIsIgnoredSilently(Path javaHome, String mode, byte[] damaged) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("functions/target/irready.jar")),
                "the launcher test needs the built jar (run with -am)");
        Result withoutCache = run(javaHome, "off", "checks", "--format", "md");
        assertThat(withoutCache.exitCode()).as(withoutCache.err()).isZero();

        Path cache = cacheFile(javaHome, mode);
        assertThat(cache.getParent()).isEqualTo(cacheDir);
        Files.write(cache, damaged);
        Result withDamagedCache = run(javaHome, mode, "checks", "--format", "md");

        assertThat(withDamagedCache.exitCode()).isZero();
        assertThat(withDamagedCache.err()).isEmpty();
        assertThat(withDamagedCache.out()).isEqualTo(withoutCache.out());
    }

    private static byte[] garbage(int size, byte... prefix) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        return bytes;
    }

    @Test
    void garbageWhereTheAotCacheShouldBeStartsNormallyOnJdk25() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        aDamagedCacheIsIgnoredSilently(JDK25, "on", garbage(1 << 20));
    }

    @Test
    void anArchiveWithTheRightMagicButDamagedStartsNormally() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        // a dynamic CDS archive's magic number (0xf00baba8, little-endian), then noise
        aDamagedCacheIsIgnoredSilently(JDK25, "cds", garbage(1 << 20, (byte) 0xa8, (byte) 0xba, (byte) 0x0b, (byte) 0xf0));
    }

    @Test
    void anEmptyCacheFileIsNoCache() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        aDamagedCacheIsIgnoredSilently(JDK25, "on", new byte[0]);
    }

    @Test
    void onJdk21TheClassDataSharingArchiveFallsBackToo() throws Exception {
        Optional<Path> jdk21 = jdk(21);
        Assumptions.assumeTrue(jdk21.isPresent(), "no JDK 21 under /usr/lib/jvm");
        aDamagedCacheIsIgnoredSilently(jdk21.get(), "on", garbage(1 << 20, (byte) 0xa8, (byte) 0xba, (byte) 0x0b, (byte) 0xf0));
    }

    @Test
    void switchedOffTheLauncherNamesNoCache() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Result off = run(JDK25, "off", "--version");

        assertThat(off.exitCode()).as(off.err()).isZero();
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertThat(files).isEmpty();
        }
    }

    private static Optional<Path> jdk(int major) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        Map<Path, String> versions = new HashMap<>();
        try (Stream<Path> all = Files.list(jvms)) {
            for (Path home : all.toList()) {
                Path release = home.resolve("release");
                if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                    versions.put(home, Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                            .findFirst().orElse(""));
                }
            }
        }
        return versions.entrySet().stream().filter(e -> e.getValue().startsWith("JAVA_VERSION=\"" + major + "."))
                .map(Map.Entry::getKey).sorted().findFirst().map(p -> p);
    }
}
