package io.irready.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.engine.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class JsonLoggerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void slf4jIsBoundToTheJsonBackend() {
        assertThat(LoggerFactory.getLogger("io.irready.any")).isInstanceOf(JsonLogger.class);
    }

    @Test
    void aLibraryLineIsJsonWithTheEventIdAndTheError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        JsonLogger log = new JsonLogger("io.irready.alerts.Notifier", Level.INFO.toInt(), () -> stream, CLOCK);

        try (MDC.MDCCloseable id = MDC.putCloseable(JsonLines.EVENT_ID, "ev-1")) {
            log.error("could not publish {} (left in the outbox): {}", "msg-9", "\"quoted\"\n<b>",
                    new IllegalStateException("SNS down"));
            log.debug("not written at info");
        }
        log.warn("after the event");

        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("timestamp").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(first.get("level").asText()).isEqualTo("ERROR");
        assertThat(first.get("logger").asText()).isEqualTo("io.irready.alerts.Notifier");
        assertThat(first.get("message").asText()).isEqualTo("could not publish msg-9 (left in the outbox): \"quoted\"\n<b>");
        assertThat(first.get("eventId").asText()).isEqualTo("ev-1");
        assertThat(first.get("error").asText()).isEqualTo("java.lang.IllegalStateException: SNS down");
        assertThat(first.get("stackTrace").asText()).contains("JsonLoggerTest");
        JsonNode second = JSON.readTree(lines[1]);
        assertThat(second.get("level").asText()).isEqualTo("WARN");
        assertThat(second.has("eventId")).isFalse();
    }

    @Test
    void theEnginesLinesCarryTheEventIdToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLog log = new JsonLog("event", new PrintStream(out, true, StandardCharsets.UTF_8), CLOCK);

        try (MDC.MDCCloseable id = MDC.putCloseable(JsonLines.EVENT_ID, "ev-2")) {
            log.info("evaluated", "checks", 3, "long", "x".repeat(2000));
            log.info("named", "eventId", "explicit");
        }

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("function").asText()).isEqualTo("event");
        assertThat(first.get("eventId").asText()).isEqualTo("ev-2");
        assertThat(first.get("checks").asInt()).isEqualTo(3);
        assertThat(first.get("long").asText()).hasSize(1001);
        assertThat(JSON.readTree(lines[1]).get("eventId").asText()).isEqualTo("explicit");
    }

    @Test
    void levelsReadAsSlf4jSimpleReadThem() {
        assertThat(JsonLoggerProvider.threshold("warn")).isEqualTo(Level.WARN.toInt());
        assertThat(JsonLoggerProvider.threshold(" ERROR ")).isEqualTo(Level.ERROR.toInt());
        assertThat(JsonLoggerProvider.threshold("off")).isEqualTo(Integer.MAX_VALUE);
        assertThat(JsonLoggerProvider.threshold("chatty")).isEqualTo(Level.INFO.toInt());
    }
}
