package io.irready.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.irready.engine.Engine;
import io.irready.engine.EngineWiring;
import io.irready.engine.Metrics;
import io.irready.engine.SweepMode;
import io.irready.engine.Sweeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;

/**
 * Scheduled sweeps ({@code {"mode":"critical"}} every few minutes, {@code {"mode":"full"}} hourly):
 * event delivery is best effort, and after {@code StopLogging} EventBridge may see nothing at all,
 * so state is re-read on a schedule. Also republishes whatever the alert outbox still holds and
 * stores the readiness score point of each region. A thin adapter over {@link Sweeper#sweep}.
 *
 * <p>In an organization deployment the Step Functions Distributed Map calls it once per account and
 * region of the {@link SweepPlanHandler}'s plan, with {@code {"mode":…,"account":…,"region":…}}: then it
 * sweeps exactly that account-region ({@link SweepItem}).
 */
public final class SweepHandler implements RequestStreamHandler, Resource {
    private final Engine engine;

    public SweepHandler() {
        this(EngineWiring.fromEnvironment(System.getenv(), "sweep", System.out));
        Core.getGlobalContext().register(this);
    }

    public SweepHandler(Engine engine) {
        this.engine = engine;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = engine.clock().millis();
        byte[] request = input.readAllBytes();
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
            // fail the invocation so the errors alarm fires; the stored part of the sweep stays
            throw new IllegalStateException("sweep failed in " + outcome.failedRegions() + "; see the log lines");
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
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
    }
}
