package io.irready.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void printsOneEmbeddedMetricFormatDocumentPerFlush() throws Exception {
        Metrics metrics = new Metrics("event", new PrintStream(out, true, StandardCharsets.UTF_8), clock);
        metrics.count(Metrics.EVENTS_RECEIVED);
        metrics.count(Metrics.EVENTS_RECEIVED);
        metrics.count(Metrics.EVENTS_MALFORMED);
        metrics.milliseconds(Metrics.LATENCY, 42);

        metrics.flush();
        metrics.flush();

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).as("nothing counted since the first flush: no second document").hasSize(1);
        JsonNode doc = new ObjectMapper().readTree(lines[0]);
        assertThat(doc.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("irready");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Function");
        Map<String, String> units = new HashMap<>();
        directive.get("Metrics").forEach(m -> units.put(m.get("Name").asText(), m.get("Unit").asText()));
        assertThat(units).containsEntry("EventsReceived", "Count").containsEntry("EventsMalformed", "Count")
                .containsEntry("HandlerLatency", "Milliseconds");
        // every declared metric has its value at the root, as EMF requires
        units.keySet().forEach(name -> assertThat(doc.has(name)).as(name).isTrue());
        assertThat(doc.get("EventsReceived").asInt()).isEqualTo(2);
        assertThat(doc.get("Function").asText()).isEqualTo("event");
    }

    @Test
    void logLinesAreJsonKeyedByTheirFieldsAndBounded() throws Exception {
        JsonLog log = new JsonLog("event", new PrintStream(out, true, StandardCharsets.UTF_8), clock);

        log.warn("malformed event", "eventId", "ev-1", "reason", "x\n\"}{" + "y".repeat(5000));

        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("eventId").asText()).isEqualTo("ev-1");
        assertThat(line.get("reason").asText()).startsWith("x\n\"}{").hasSize(1001);
        assertThat(out.toString(StandardCharsets.UTF_8).trim().lines()).hasSize(1);
    }
}
