package io.irready.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The structured rendering of an {@link Alert}: the record as JSON, what the {@code lambda} and
 * {@code sqs} parts of the SNS message carry. The Slack webhook function reads it back into an
 * {@link Alert} and renders it itself, so its fields stay raw here: escaping is the renderer's job.
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {
    }

    public static String json(Alert a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise alert " + a.id(), e);
        }
    }
}
