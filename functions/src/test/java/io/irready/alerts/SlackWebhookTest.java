package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import org.junit.jupiter.api.Test;

class SlackWebhookTest {
    @Test
    void theSameAlertIsAlwaysTheSamePayload() {
        Alert alert = new AlertContent(Catalog.registry()).of(AlertContentTest.transition(1, null));

        String payload = SlackWebhook.payload(alert);

        // key order fixed, not left to an unordered map: a payload can be compared and deduplicated byte for byte
        assertThat(payload).startsWith("{\"text\":\":red_circle: Readiness dropped: ")
                .contains("\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*:red_circle: ")
                .endsWith("\"}}],\"unfurl_links\":false,\"unfurl_media\":false}");
    }
}
