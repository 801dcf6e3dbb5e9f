package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.irready.engine.Metrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler names and metric namespace infra deploys are the ones the functions jar provides. */
class HandlerContractTest {

    @Test
    void everyDeployedHandlerIsARequestStreamHandlerInTheFunctionsJar() throws Exception {
        for (String handler : List.of(ReadinessAuditor.EVENT_HANDLER, ReadinessAuditor.SWEEP_HANDLER,
                ReadinessAuditor.SLACK_WEBHOOK_HANDLER, OrganizationSweeps.SWEEP_PLAN_HANDLER)) {
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0], false, getClass().getClassLoader()); // no priming here
            assertThat(RequestStreamHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getMethod(parts[1], InputStream.class, OutputStream.class, Context.class)).isNotNull();
            assertThat(type.getConstructor()).as(handler + " needs a public no-arg constructor for Lambda").isNotNull();
        }
    }

    @Test
    void dashboardReadsTheNamespaceTheHandlersWrite() {
        assertThat(ReadinessAuditor.METRIC_NAMESPACE).isEqualTo(Metrics.NAMESPACE);
    }
}
