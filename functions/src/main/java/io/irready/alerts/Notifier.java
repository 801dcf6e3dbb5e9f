package io.irready.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.checks.irready.AuditorIntegrity;
import io.irready.core.CheckRegistry;
import io.irready.store.EventLedger;
import io.irready.store.Outbox;
import io.irready.store.OutboxMessage;
import io.irready.store.TamperAttempt;
import io.irready.store.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Announces transitions and tamper attempts over SNS, at least once, through the {@link Outbox}:
 * the store has already written each one with {@code notified=false} in the {@code outbox} index;
 * the notifier publishes it (its id in the message), then marks it sent. A crash or an SNS failure
 * in between leaves it in the outbox, and the sweep's {@link #republishUnsent()} sends it.
 *
 * <p>One message per transition; a sweep that opens more than {@link #DIGEST_THRESHOLD} at once
 * sends one digest instead of flooding the channel. Messages use {@code MessageStructure=json}
 * (text for {@code default}/{@code email}, the AWS Chatbot card for {@code https}, structured JSON
 * for {@code lambda}) and carry {@code severity}, {@code checkId}, {@code status}, {@code account}
 * and {@code region} attributes for subscription filters. Integrity alerts also go to the optional
 * integrity topic, so that deleting the main topic does not silence the alert about it.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    public static final int DIGEST_THRESHOLD = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnsClient sns;
    private final String topicArn;
    private final Optional<String> integrityTopicArn;
    private final Outbox outbox;
    private final EventLedger ledger;
    private final AlertContent content;
    private final AccountNames accountNames;

    public Notifier(SnsClient sns, String topicArn, Optional<String> integrityTopicArn, Outbox outbox,
                    EventLedger ledger, CheckRegistry registry) {
        this(sns, topicArn, integrityTopicArn, outbox, ledger, registry, AccountNames.NONE);
    }

    /** @param accountNames names the accounts alerts are about (an organization's members), when it can */
    public Notifier(SnsClient sns, String topicArn, Optional<String> integrityTopicArn, Outbox outbox,
                    EventLedger ledger, CheckRegistry registry, AccountNames accountNames) {
        this.accountNames = accountNames;
        this.sns = sns;
        this.topicArn = topicArn;
        this.integrityTopicArn = integrityTopicArn.filter(arn -> !arn.isBlank());
        this.outbox = outbox;
        this.ledger = ledger;
        this.content = new AlertContent(registry);
    }

    /** What a round of publishing did. */
    public record Delivery(int published, int failed) {
        public static final Delivery NONE = new Delivery(0, 0);

        public Delivery plus(Delivery other) {
            return new Delivery(published + other.published, failed + other.failed);
        }
    }

    /**
     * Publishes the transitions that must be announced ({@link Transition#alert}) and marks them
     * sent; failures stay in the outbox.
     *
     * @param sweep true when a scheduled sweep found them: many at once become one digest
     */
    public Delivery publish(List<Transition> transitions, boolean sweep) {
        String token = newClaimToken();
        List<Transition> alerts = transitions.stream().filter(Transition::alert).toList();
        if (sweep && alerts.size() > DIGEST_THRESHOLD) {
            // claimed one by one: what another publisher holds is theirs to send
            List<Transition> claimed = alerts.stream().filter(t -> outbox.claim(t, token)).toList();
            return claimed.isEmpty() ? Delivery.NONE : digest(claimed, token);
        }
        Delivery delivery = Delivery.NONE;
        for (Transition t : alerts) {
            delivery = delivery.plus(send(t, token));
        }
        return delivery;
    }

    /**
     * Records a tamper attempt once per event id and announces it; a redelivered event is
     * recognised and not announced again. Returns true when this call recorded it.
     */
    public boolean tamper(TamperAttempt attempt) {
        if (!ledger.recordTamper(attempt)) {
            LOG.info("tamper attempt {} already recorded; not announced again", attempt.eventId());
            return false;
        }
        send(attempt, newClaimToken());
        return true;
    }

    /** Sends whatever the outbox still holds (crashes, SNS outages), once each. */
    public Delivery republishUnsent() {
        String token = newClaimToken();
        Delivery delivery = Delivery.NONE;
        for (OutboxMessage message : outbox.unsent()) {
            LOG.info("republishing unsent {}", message.messageId());
            delivery = delivery.plus(send(message, token));
        }
        return delivery;
    }

    /** One per publishing round: names this round's claims in the outbox. */
    private static String newClaimToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * Publishes one message if this round can claim it (see {@link Outbox#claim}); a message another
     * publisher holds is neither sent nor counted. A failed publish gives the claim back.
     */
    private Delivery send(OutboxMessage message, String token) {
        if (!outbox.claim(message, token)) {
            LOG.info("{} is being (or was) published by another invocation; not sent again", message.messageId());
            return Delivery.NONE;
        }
        Alert alert = named(switch (message) {
            case Transition t -> content.of(t);
            case TamperAttempt a -> content.of(a);
        });
        Map<String, MessageAttributeValue> attributes = switch (message) {
            case Transition t -> attributes(t.severity().name(), List.of(t.checkId()), List.of(t.to().name()),
                    t.account(), t.region());
            case TamperAttempt a -> attributes(alert.severity(), a.checkIds(), List.of("TAMPER"), a.account(), a.region());
        };
        boolean integrity = switch (message) {
            case Transition t -> AuditorIntegrity.ID.equals(t.checkId());
            case TamperAttempt a -> a.checkIds().contains(AuditorIntegrity.ID);
        };
        try {
            String messageId = publish(topicArn, alert, attributes);
            if (integrity) {
                publishToIntegrityTopic(alert, attributes);
            }
            outbox.markSent(message, messageId);
            return new Delivery(1, 0);
        } catch (SdkException e) {
            LOG.error("could not publish {} (left in the outbox for the next sweep): {}", message.messageId(), e.toString());
            releaseQuietly(message, token);
            return new Delivery(0, 1);
        }
    }

    /** Keeps an account's name for its alerts (the sweep plan's name for an account, handed to its sweep). */
    public void rememberAccountName(String account, String name) {
        accountNames.remember(account, name);
    }

    /** The alert with its account's name, when one is known; never fails the alert. */
    private Alert named(Alert alert) {
        try {
            return accountNames.nameOf(alert.account()).map(alert::withAccountName).orElse(alert);
        } catch (RuntimeException e) {
            LOG.warn("no name for account {} in alert {}: {}", alert.account(), alert.id(), e.toString());
            return alert;
        }
    }

    /** The claim is an optimisation for the next sweep: if giving it back fails, it expires. */
    private void releaseQuietly(OutboxMessage message, String token) {
        try {
            outbox.release(message, token);
        } catch (SdkException e) {
            LOG.warn("could not release the claim on {} (it expires in {}): {}", message.messageId(),
                    Outbox.CLAIM_TTL, e.toString());
        }
    }

    private Delivery digest(List<Transition> alerts, String token) {
        Alert digest = content.digest("digest-" + alerts.get(0).transitionId(),
                alerts.stream().map(content::of).map(this::named).toList());
        Map<String, MessageAttributeValue> attributes = attributes(digest.severity(),
                alerts.stream().map(Transition::checkId).toList(), alerts.stream().map(t -> t.to().name()).toList(),
                digest.account(), digest.region());
        try {
            String messageId = publish(topicArn, digest, attributes);
            if (alerts.stream().anyMatch(t -> AuditorIntegrity.ID.equals(t.checkId()))) {
                publishToIntegrityTopic(digest, attributes);
            }
            alerts.forEach(t -> outbox.markSent(t, messageId));
            return new Delivery(1, 0);
        } catch (SdkException e) {
            LOG.error("could not publish a digest of {} transitions (left in the outbox): {}", alerts.size(), e.toString());
            alerts.forEach(t -> releaseQuietly(t, token));
            return new Delivery(0, 1);
        }
    }

    private void publishToIntegrityTopic(Alert alert, Map<String, MessageAttributeValue> attributes) {
        if (integrityTopicArn.isEmpty()) {
            return;
        }
        try {
            publish(integrityTopicArn.get(), alert, attributes);
        } catch (SdkException e) {
            // the main topic got it; the second channel is best effort
            LOG.error("could not publish {} to the integrity topic: {}", alert.id(), e.toString());
        }
    }

    private String publish(String topic, Alert alert, Map<String, MessageAttributeValue> attributes) {
        PublishRequest request = PublishRequest.builder()
                .topicArn(topic)
                .subject(EmailText.subject(alert))
                .messageStructure("json")
                .message(structuredMessage(alert))
                .messageAttributes(attributes)
                .build();
        String id = sns.publish(request).messageId();
        LOG.info("published {} {} as SNS message {}", alert.type(), alert.id(), id);
        return id;
    }

    /**
     * The {@code MessageStructure=json} document: one rendering per subscriber protocol — text for
     * {@code default} and {@code email}, the Chatbot card for {@code https}, the structured alert
     * for {@code lambda} (the Slack webhook function) and {@code sqs}.
     */
    public static String structuredMessage(Alert alert) {
        try {
            String text = EmailText.body(alert);
            String structured = AlertJson.json(alert);
            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("default", text);
            parts.put("email", text);
            parts.put("https", ChatbotCard.json(alert));
            parts.put("lambda", structured);
            parts.put("sqs", structured);
            return JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise alert " + alert.id(), e);
        }
    }

    private static Map<String, MessageAttributeValue> attributes(String severity, List<String> checkIds,
                                                                 List<String> statuses, String account, String region) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("severity", string(severity));
        attributes.put("checkId", oneOrArray(checkIds));
        attributes.put("status", oneOrArray(statuses));
        attributes.put("account", string(account));
        attributes.put("region", string(region));
        return attributes;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    /** One value as a String; several (a digest, a tamper attempt on many checks) as a String.Array filters match. */
    private static MessageAttributeValue oneOrArray(List<String> values) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(values));
        if (distinct.isEmpty()) {
            return string("none");
        }
        if (distinct.size() == 1) {
            return string(distinct.get(0));
        }
        try {
            return MessageAttributeValue.builder().dataType("String.Array")
                    .stringValue(JSON.writeValueAsString(distinct)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
