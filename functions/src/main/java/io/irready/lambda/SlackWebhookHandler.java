package io.irready.lambda;

import static io.irready.core.EnvironmentNames.AWS_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_SLACK_WEBHOOK_SECRET_ARN;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.alerts.Alert;
import io.irready.alerts.SlackWebhook;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.inventory.AwsClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SNS → Slack incoming webhook (optional, for teams without AWS Chatbot). Reads the structured
 * alert of the message's {@code lambda} part and posts it, escaped, to the webhook whose URL is in
 * Secrets Manager ({@code IRREADY_SLACK_WEBHOOK_SECRET_ARN}). A message that is not an irready
 * alert is logged and dropped (retrying cannot fix it); a failed post fails the invocation so that
 * SNS retries it.
 */
public final class SlackWebhookHandler implements RequestStreamHandler, Resource {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SlackWebhook webhook;
    private final JsonLog log;
    private final Metrics metrics;
    private final Clock clock;

    /** The Lambda runtime's constructor: wiring from the environment, registered for SnapStart priming. */
    public SlackWebhookHandler() {
        this(fromEnvironment(System.getenv()), System.out, Clock.systemUTC());
        Core.getGlobalContext().register(this);
    }

    public SlackWebhookHandler(SlackWebhook webhook, PrintStream out, Clock clock) {
        this.webhook = webhook;
        this.clock = clock;
        this.log = new JsonLog("webhook", out, clock);
        this.metrics = new Metrics("webhook", out, clock);
    }

    static SlackWebhook fromEnvironment(Map<String, String> env) {
        String secretArn = env.get(IRREADY_SLACK_WEBHOOK_SECRET_ARN);
        if (secretArn == null || secretArn.isBlank()) {
            throw new IllegalStateException(IRREADY_SLACK_WEBHOOK_SECRET_ARN + " is not set: the webhook function "
                    + "needs the ARN of the secret that holds the Slack incoming-webhook URL");
        }
        String region = env.getOrDefault(AWS_REGION, "us-east-1");
        SecretsManagerClient secrets = AwsClients.standard().build(SecretsManagerClient.builder(), region);
        return new SlackWebhook(new WebhookSecret(secrets, secretArn), SlackWebhook.defaultHttpClient());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = clock.millis();
        int posted = 0;
        RuntimeException failure = null;
        try {
            JsonNode event;
            try {
                event = JSON.readTree(input);
            } catch (IOException e) {
                malformed("input is not JSON", "input");
                return;
            }
            JsonNode records = event == null ? null : event.get("Records");
            if (records == null || !records.isArray()) {
                malformed("not an SNS event (no Records array)", "input");
                return;
            }
            for (int i = 0; i < records.size(); i++) {
                String position = "Records[" + i + "]";
                JsonNode message = records.get(i).path("Sns").path("Message");
                if (!message.isTextual()) {
                    malformed("no Sns.Message text", position);
                    continue;
                }
                Alert alert;
                try {
                    alert = JSON.readValue(message.asText(), Alert.class);
                } catch (IOException e) {
                    malformed("Sns.Message is not an irready alert (the lambda part of its JSON message)", position);
                    continue;
                }
                if (alert.type() == null || alert.id() == null) {
                    malformed("Sns.Message has no alert type or id", position);
                    continue;
                }
                try {
                    webhook.post(alert);
                    posted++;
                    metrics.count(Metrics.ALERTS_PUBLISHED);
                    log.info("posted alert to Slack", "messageId", alert.id(), "kind", alert.kind());
                } catch (RuntimeException e) {
                    metrics.count(Metrics.ERRORS);
                    log.error("could not post alert to Slack", "messageId", alert.id(), "error", e.getMessage());
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            metrics.milliseconds(Metrics.LATENCY, clock.millis() - started);
            metrics.flush();
        }
        if (failure != null) {
            throw failure;
        }
        output.write(("{\"posted\":" + posted + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void malformed(String reason, String position) {
        metrics.count(Metrics.EVENTS_MALFORMED);
        log.warn("dropped a message that is not an irready alert", "reason", reason, "position", position);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // prime Jackson's record deserialiser and the escaping code without calling Slack or AWS
        Priming.alertPayload();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the webhook URL is read on first use after restore
    }
}
