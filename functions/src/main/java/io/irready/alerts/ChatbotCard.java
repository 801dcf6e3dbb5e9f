package io.irready.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS Chatbot custom-notification rendering of an {@link Alert}: what the {@code https} part of
 * the SNS message carries, and what Chatbot posts to Slack. Title and description are the
 * {@link SlackMarkdown} of the alert; keywords, thread id and summary are escaped the same way.
 */
public final class ChatbotCard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatbotCard() {
    }

    /** The card as JSON text, ready to be one part of the structured SNS message. */
    public static String json(Alert a) {
        try {
            return JSON.writeValueAsString(document(a));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the Chatbot card of alert " + a.id(), e);
        }
    }

    /** The custom-notification document (schema version 1.0). */
    static Map<String, Object> document(Alert a) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", SlackMarkdown.title(a));
        content.put("description", SlackMarkdown.body(a));
        List<String> nextSteps = new ArrayList<>();
        if (!"RESOLVED".equals(a.kind()) && a.remediationCli() != null && !a.remediationCli().isBlank()) {
            nextSteps.add("CLI: " + SlackText.code(a.remediationCli(), 500));
        }
        if (!nextSteps.isEmpty()) {
            content.put("nextSteps", nextSteps);
        }
        content.put("keywords", List.of(a.severity(), a.kind(), SlackText.text(a.checkId(), 64)));
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("account", a.account());
        if (a.accountName() != null && !a.accountName().isBlank()) {
            additional.put("accountName", SlackText.text(a.accountName(), 64));
        }
        additional.put("region", SlackText.text(a.region(), 40));
        additional.put("messageId", a.id());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("threadId", SlackText.text(a.checkId() + " " + (a.resourceId() == null ? "" : a.resourceId()), 200));
        metadata.put("summary", a.headline() + ": " + SlackText.text(a.checkId(), 100));
        metadata.put("eventType", "irready." + a.type() + "." + a.kind());
        metadata.put("additionalContext", additional);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("version", "1.0");
        card.put("source", "custom");
        card.put("id", a.id());
        card.put("content", content);
        card.put("metadata", metadata);
        return card;
    }
}
