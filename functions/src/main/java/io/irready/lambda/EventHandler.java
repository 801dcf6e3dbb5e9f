package io.irready.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.irready.engine.Engine;
import io.irready.engine.EngineWiring;
import io.irready.inventory.AwsClients;
import io.irready.engine.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * EventBridge → irready: a CloudTrail event (or, from the delayed re-check queue, an SQS batch of
 * them) becomes re-evaluated findings and alerts. A thin adapter over the engine's
 * {@link io.irready.engine.EventPipeline}, fed by {@link EventInvocation}:
 * malformed input is acknowledged (logged, counted); for SQS, only messages that hit a retryable
 * failure are reported in {@code batchItemFailures}; for EventBridge, a retryable failure fails the
 * invocation so that Lambda's asynchronous retries (then the on-failure destination) take over.
 */
public final class EventHandler implements RequestStreamHandler, Resource {
    private final Engine engine;
    /** Builds the SDK clients the function will use (before a snapshot: SnapStart restores them built). */
    private final IntSupplier primeClients;

    /** The Lambda runtime's constructor: wiring from the environment, registered for SnapStart priming. */
    public EventHandler() {
        this(AwsClients.standard(), System.getenv());
        Core.getGlobalContext().register(this);
    }

    private EventHandler(AwsClients clients, Map<String, String> env) {
        this(EngineWiring.fromEnvironment(env, "event", System.out,
                        Priming.warmingUp(clients, EngineWiring.homeRegion(env))),
                () -> Priming.clients(clients, EngineWiring.homeRegion(env)));
    }

    public EventHandler(Engine engine) {
        this(engine, () -> 0);
    }

    private EventHandler(Engine engine, IntSupplier primeClients) {
        this.engine = engine;
        this.primeClients = primeClients;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = engine.clock().millis();
        EventInvocation.Outcome outcome;
        try {
            outcome = EventInvocation.handle(new String(input.readAllBytes(), StandardCharsets.UTF_8), engine.parser(),
                    engine.events());
        } finally {
            engine.metrics().milliseconds(Metrics.LATENCY, engine.clock().millis() - started);
            engine.metrics().flush();
        }
        if (outcome.batchResponse().isEmpty() && outcome.retryableFailure().isPresent()) {
            throw outcome.retryableFailure().get();
        }
        // {"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}, the shape the SQS event source mapping reads
        Object response = outcome.batchResponse().<Object>map(r -> r).orElse(Map.of("status", "ok"));
        output.write(engine.parser().mapper().writeValueAsBytes(response));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.eventPath(engine);
        Priming.alertPayload();
        primeClients.getAsInt();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // clients re-resolve credentials on use; nothing cached here depends on the snapshot's time
    }
}
