package io.irready.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared CloudTrail event fixtures. They live in the cross-module {@code test} module
 * ({@code test/src/test/resources/events/<service>/<EventName>[-variant].<envelope|record>.json});
 * {@code functions/pom.xml} adds them to this module's test classpath, so both modules read the
 * same files as classpath resources {@code /events/…}.
 */
public final class EventFixtures {
    private EventFixtures() {
    }

    /** The fixture's text, e.g. {@code read("cloudtrail/StopLogging.envelope.json")}. */
    public static String read(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's path on disk (for CLI tests that take a FILE). */
    public static Path path(String name) {
        URL url = EventFixtures.class.getResource("/events/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no event fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every single-event fixture ({@code <service>/…json}), relative to {@code events/}, sorted. */
    public static List<String> allSingleEvents() {
        Path root = path("cloudtrail").getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".envelope.json") || n.endsWith(".record.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
