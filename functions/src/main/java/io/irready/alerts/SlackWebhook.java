package io.irready.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Posts an {@link Alert} to a Slack incoming webhook, for teams that do not use AWS Chatbot. The
 * message is built from the same escaped mrkdwn as the Chatbot card: nothing an attacker put in a
 * resource name or a user agent can mention a channel, spoof a link or restyle the message.
 */
public final class SlackWebhook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<URI> webhookUrl;
    private final HttpClient http;

    /** @param webhookUrl where to post (read lazily, e.g. from Secrets Manager, and cached by the caller) */
    public SlackWebhook(Supplier<URI> webhookUrl, HttpClient http) {
        this.webhookUrl = webhookUrl;
        this.http = http;
    }

    public static HttpClient defaultHttpClient() {
        // HTTP/1.1: no h2c upgrade dance on every post
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Posts one alert; throws when Slack does not accept it (the SNS delivery is then retried). */
    public void post(Alert alert) {
        URI url = webhookUrl.get();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload(alert))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Slack webhook answered HTTP " + response.statusCode() + ": "
                        + SlackText.bound(SlackText.strip(response.body()), 200));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the Slack webhook: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to the Slack webhook", e);
        }
    }

    /** The webhook body: a fallback text and one mrkdwn section, links not unfurled. */
    public static String payload(Alert alert) {
        String title = SlackMarkdown.title(alert);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("type", "section");
        // Map.of would order the keys differently from one JVM to the next: the same alert, the same bytes
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "mrkdwn");
        // a section's text is limited to 3000 characters
        text.put("text", SlackText.bound("*" + title + "*\n" + SlackMarkdown.body(alert), 2900));
        section.put("text", text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", title);
        body.put("blocks", List.of(section));
        body.put("unfurl_links", false);
        body.put("unfurl_media", false);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
