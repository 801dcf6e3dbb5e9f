package io.irready.bench;

import io.irready.sim.AccountGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared CloudTrail event fixtures ({@code test/src/test/resources/events}), read from disk and
 * retargeted at the simulated demo account: the fixtures name resources of account 123456789012
 * ({@code management-events}, {@code orders-api} …); the benchmarks need events about resources that
 * exist in the simulator, or a scoped evaluation would skip the per-resource calls a real event costs.
 */
public final class Fixtures {
    /** The repository-relative directory the fixtures live in. */
    public static final Path DEFAULT_ROOT = Path.of("test", "src", "test", "resources", "events");

    /**
     * Fixture names → demo account names, applied in order (longer names first where one contains
     * another). Every resource a routed fixture names is mapped to a demo resource of the same kind.
     */
    private static final Map<String, String> DEMO_NAMES = demoNames();

    private final Path root;

    public Fixtures(Path root) {
        if (!Files.isDirectory(root.resolve("cloudtrail"))) {
            throw new IllegalArgumentException("no CloudTrail event fixtures under " + root.toAbsolutePath()
                    + "; run from the repository root or pass the fixture directory");
        }
        this.root = root;
    }

    private static Map<String, String> demoNames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("123456789012", AccountGenerator.DEMO_ACCOUNT);
        m.put("acme-cloudtrail-logs-", "demo-cloudtrail-logs-");
        m.put("management-events", AccountGenerator.TRAIL);
        m.put("i-0a1b2c3d4e5f60718", "i-0a1b2c3d4e5f60001");
        m.put("i-0f9e8d7c6b5a40312", "i-0a1b2c3d4e5f60002");
        m.put("vpc-0a1b2c3d4e5f60718", AccountGenerator.PROD_VPC);
        m.put("vpc-0f9e8d7c6b5a40312", "vpc-0a1b2c3d4e5f60003");
        m.put("vpc-0c1d2e3f4a5b60718", "vpc-0a1b2c3d4e5f60002");
        m.put("0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01", "1234abcd-12ab-34cd-56ef-1234567890ab");
        m.put("orders-api", "ingest");
        m.put("E2QWRUHAPOMQZL", "E2DEMO0000001");
        m.put("E1A2B3C4D5E6F7", "E2DEMO0000001");
        m.put("aurora-prod-instance-1", "analytics-1");
        m.put("aurora-prod", "analytics");
        m.put("\"/vpc/flow-logs\"", "\"/aws/vpc/flow-logs\"");
        return m;
    }

    /** Every single-event fixture ({@code <service>/<EventName>[-variant].<envelope|record>.json}), sorted. */
    public List<String> singleEvents() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".envelope.json") || n.endsWith(".record.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's text as written. */
    public String read(String name) {
        try {
            return Files.readString(root.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event fixture " + name, e);
        }
    }

    public Path path(String name) {
        return root.resolve(name);
    }

    /** The fixture about the demo account's resources. */
    public String forDemoAccount(String name) {
        return retarget(read(name));
    }

    public static String retarget(String fixtureText) {
        String text = fixtureText;
        for (Map.Entry<String, String> e : DEMO_NAMES.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }

    /**
     * The same event with another CloudTrail event id (the idempotency key), so that repeated runs
     * are processed as new deliveries. {@code eventId} must match CloudTrail's id syntax.
     */
    public static String withEventId(String eventText, String originalId, String eventId) {
        return eventText.replace("\"" + originalId + "\"", "\"" + eventId + "\"");
    }

    /** The service directory of a fixture name, e.g. {@code cloudtrail}. */
    public static String service(String name) {
        return name.substring(0, name.indexOf('/'));
    }

    /** The event name part of a fixture name, e.g. {@code StopLogging-AccessDenied}. */
    public static String label(String name) {
        String file = name.substring(name.indexOf('/') + 1);
        return file.replace(".envelope.json", "").replace(".record.json", "");
    }
}
