package io.irready.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real browser for the tests of what a person sees: headless Chromium renders a page, runs its scripts, then
 * prints the resulting DOM or saves a screenshot. Offline and without a profile: no sync, updates or background
 * requests, a throw-away user data directory per run. Tests that need it are skipped where it is not installed.
 */
public final class HeadlessChromium {
    private static final Path DEFAULT = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** The installed Chromium ({@code $CHROMIUM} or /usr/bin/chromium); skips the test when there is none. */
    public static HeadlessChromium require() {
        String configured = System.getenv("CHROMIUM");
        Path binary = configured != null && !configured.isBlank() ? Path.of(configured) : DEFAULT;
        Assumptions.assumeTrue(Files.isExecutable(binary), "no Chromium at " + binary + ": install it to run the "
                + "browser tests (Debian/Ubuntu: apt-get install chromium), or point $CHROMIUM at one");
        return new HeadlessChromium(binary);
    }

    /** The DOM of {@code page} after its scripts ran on load. */
    public String dumpDom(URI page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toString()));
    }

    /** A PNG of {@code page} as a window of {@code width}×{@code height} CSS pixels shows it. */
    public void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toString()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("irready-chromium");
        Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
        try {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": " + command);
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
