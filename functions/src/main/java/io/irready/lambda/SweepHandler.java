package io.irready.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.irready.core.EnvironmentNames;
import io.irready.engine.Canary;
import io.irready.engine.Engine;
import io.irready.engine.EngineWiring;
import io.irready.inventory.AwsClients;
import io.irready.engine.Metrics;
import io.irready.engine.SweepMode;
import io.irready.engine.Sweeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * Scheduled sweeps ({@code {"mode":"critical"}} every few minutes, {@code {"mode":"full"}} hourly):
 * event delivery is best effort, and after {@code StopLogging} EventBridge may see nothing at all,
 * so state is re-read on a schedule. Also republishes whatever the alert outbox still holds and
 * stores the readiness score point of each region. A thin adapter over {@link Sweeper#sweep}; the canary
 * schedule ({@code {"mode":"canary"}}) sends the pipeline canary instead.
 *
 * <p>In an organization deployment the Step Functions Distributed Map calls it once per account and
 * region of the {@link SweepPlanHandler}'s plan, with {@code {"mode":…,"account":…,"region":…}}: then it
 * sweeps exactly that account-region ({@link SweepItem}).
 */
public final class SweepHandler implements RequestStreamHandler, Resource {
    private final Engine engine;
    /** Builds the SDK clients the function will use (before a snapshot: SnapStart restores them built). */
    private final IntSupplier primeClients;

    public SweepHandler() {
        this(AwsClients.standard(), System.getenv());
        Core.getGlobalContext().register(this);
    }

    private SweepHandler(AwsClients clients, Map<String, String> env) {
        this(EngineWiring.fromEnvironment(env, "sweep", System.out,
                        Priming.warmingUp(clients, EngineWiring.homeRegion(env))),
                () -> Priming.clients(clients, EngineWiring.homeRegion(env)));
    }

    public SweepHandler(Engine engine) {
        this(engine, () -> 0);
    }

    private SweepHandler(Engine engine, IntSupplier primeClients) {
        this.engine = engine;
        this.primeClients = primeClients;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = engine.clock().millis();
        byte[] request = input.readAllBytes();
        if (isCanary(request)) {
            sendCanary(output, started);
            return;
        }
        Optional<SweepItem> item = SweepItem.parse(engine.parser().mapper(), request);
        if (item.isPresent()) {
            Sweeper.ItemSweep swept;
            try {
                swept = item.get().sweep(engine.sweeper());
            } finally {
                engine.metrics().milliseconds(Metrics.LATENCY, engine.clock().millis() - started);
                engine.metrics().flush();
            }
            output.write(engine.parser().mapper().writeValueAsBytes(swept));
            return;
        }
        Sweeper.SweepOutcome outcome;
        try {
            outcome = engine.sweeper().sweep(mode(request));
        } finally {
            engine.metrics().milliseconds(Metrics.LATENCY, engine.clock().millis() - started);
            engine.metrics().flush();
        }
        output.write(engine.parser().mapper().writeValueAsBytes(outcome));
        if (!outcome.failedRegions().isEmpty()) {
            // a bug or irready's own table failing, never a region's AWS fault (that is an ERROR finding and a
            // backoff): fail the invocation so the errors alarm fires; the stored part of the sweep stays
            throw new IllegalStateException("sweep failed in " + outcome.failedRegions() + "; see the log lines");
        }
    }

    /**
     * The canary schedule's input, {@code {"mode":"canary"}}: tag the canary log group in every watched region
     * (see {@link Canary}). Not a sweep: nothing is evaluated. A region whose write fails is recorded (and judged
     * by {@code auditor-integrity} after the wait), so the invocation itself does not fail for it.
     */
    private void sendCanary(OutputStream output, long started) throws IOException {
        List<Canary.Sent> sent;
        try {
            sent = engine.canary().orElseThrow(() -> new IllegalStateException("the canary schedule fired but "
                    + EnvironmentNames.IRREADY_CANARY_MAX_DELAY_MINUTES + " is not set on this function")).send();
        } finally {
            engine.metrics().milliseconds(Metrics.LATENCY, engine.clock().millis() - started);
            engine.metrics().flush();
        }
        output.write(engine.parser().mapper().writeValueAsBytes(Map.of("canary", sent)));
    }

    boolean isCanary(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return false;
        }
        try {
            JsonNode node = engine.parser().mapper().readTree(text);
            return node != null && "canary".equalsIgnoreCase(node.path("mode").asText(""));
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code {"mode":"critical"|"full"}}; an empty or mode-less input (a bare schedule) is a full sweep. */
    SweepMode mode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return SweepMode.FULL;
        }
        try {
            JsonNode node = engine.parser().mapper().readTree(text);
            JsonNode mode = node == null ? null : node.get("mode");
            return SweepMode.parse(mode == null || mode.isNull() ? null : mode.asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("sweep input must be {\"mode\":\"critical\"} or {\"mode\":\"full\"}", e);
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.eventPath(engine);
        Priming.alertPayload();
        primeClients.getAsInt();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }
}
