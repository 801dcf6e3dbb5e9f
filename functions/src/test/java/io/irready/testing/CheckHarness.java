package io.irready.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates checks in a test the way the handlers and the CLI do, through the real {@link Evaluator}: so a
 * check test also proves what the evaluator adds (scope filtering, suppressions, ERROR findings for failed
 * reads). The inventory is built by hand with {@link #inventory()}, or by the collectors for tests on the wire.
 */
public final class CheckHarness {
    public static final String ACCOUNT = AwsWire.ACCOUNT;
    public static final String REGION = AwsWire.REGION;
    /** The resource id of region-level findings in {@link #REGION}. */
    public static final String REGION_ID = ACCOUNT + "/" + REGION;
    /**
     * When hand-built inventories are evaluated; fixtures that date things ("delivered an hour ago") count
     * from here. Collector-built inventories carry their own read time instead.
     */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final CheckRegistry registry;
    private final List<String> checkIds;
    private final Config config;

    private CheckHarness(CheckRegistry registry, List<String> checkIds, Config config) {
        this.registry = registry;
        this.checkIds = List.copyOf(checkIds);
        this.config = config;
    }

    /** Evaluates these checks, and only these, under the default configuration. */
    public static CheckHarness of(Check... checks) {
        return new CheckHarness(new CheckRegistry(List.of(checks)), Arrays.stream(checks).map(Check::id).toList(),
                Config.defaults());
    }

    /** Evaluates the named checks of {@code registry} (e.g. the whole catalog) under the default configuration. */
    public static CheckHarness of(CheckRegistry registry, List<String> checkIds) {
        return new CheckHarness(registry, checkIds, Config.defaults());
    }

    /** The same checks under {@code config}. */
    public CheckHarness with(Config config) {
        return new CheckHarness(registry, checkIds, config);
    }

    /** An inventory of {@link #ACCOUNT} in {@link #REGION}, to fill with the services the checks read. */
    public static Inventory.Builder inventory() {
        return inventory(REGION);
    }

    public static Inventory.Builder inventory(String region) {
        return Inventory.builder(ACCOUNT, region);
    }

    /** The findings over the whole region, as a sweep sees them. */
    public List<Finding> findings(Inventory inventory) {
        return evaluate(inventory).findings();
    }

    /** The whole-region evaluation, as a sweep makes it. */
    public Evaluation evaluate(Inventory inventory) {
        return evaluate(inventory, Scope.REGION);
    }

    /** The evaluation over {@code scope}, as an event naming those resources makes it. */
    public Evaluation evaluate(Inventory inventory, Scope scope) {
        return new Evaluator(registry, config, Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(inventory, checkIds, scope);
    }

    /** The one finding there must be. */
    public static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
