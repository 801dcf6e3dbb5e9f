package io.irready.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.inventory.AwsCall;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Slack incoming-webhook URL, read from Secrets Manager on first use and cached for the life
 * of the execution environment (the URL is a credential: it is never in the environment or logs).
 * The secret holds the URL itself, or JSON with {@code url} / {@code webhookUrl}.
 */
public final class WebhookSecret implements Supplier<URI> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient secrets;
    private final String secretId;
    private volatile URI cached;

    public WebhookSecret(SecretsManagerClient secrets, String secretId) {
        this.secrets = secrets;
        this.secretId = secretId;
    }

    @Override
    public URI get() {
        URI url = cached;
        if (url == null) {
            String value = AwsCall.call("secretsmanager:GetSecretValue",
                    () -> secrets.getSecretValue(b -> b.secretId(secretId))).secretString();
            url = parse(value);
            cached = url;
        }
        return url;
    }

    /** The URL from the secret's value; https only (plain http to loopback is allowed for tests). */
    static URI parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the Slack webhook secret is empty; store the incoming-webhook URL in it");
        }
        String text = value.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                JsonNode url = node.hasNonNull("url") ? node.get("url") : node.get("webhookUrl");
                if (url == null || !url.isTextual()) {
                    throw new IllegalStateException("the Slack webhook secret is JSON without a \"url\" field");
                }
                text = url.asText().strip();
            } catch (IOException e) {
                throw new IllegalStateException("the Slack webhook secret is neither a URL nor valid JSON", e);
            }
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the Slack webhook secret does not hold a valid URL", e);
        }
        boolean https = "https".equals(uri.getScheme());
        if (!https && !("http".equals(uri.getScheme()) && isLoopback(uri.getHost()))) {
            throw new IllegalStateException("the Slack webhook URL must use https");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
