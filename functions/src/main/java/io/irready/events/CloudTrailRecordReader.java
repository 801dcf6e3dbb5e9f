package io.irready.events;

import static io.irready.events.Reasons.describe;
import static io.irready.events.Reasons.quote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a {@link CloudTrailEvent} from one EventBridge envelope or one raw CloudTrail record,
 * once {@link EventParser} has found it in its container. Only the structural fields AWS itself
 * writes (event id, source, name, region, account, time) are validated; a field that fails says so
 * by throwing {@link Invalid}, which the parser turns into that item's {@link MalformedEvent}.
 * Attacker-chosen text (user agent, error message, request parameters) is kept verbatim.
 */
final class CloudTrailRecordReader {
    private static final Pattern SERVICE_SOURCE = Pattern.compile("aws\\.[a-z0-9][a-z0-9.-]{0,62}");
    private static final Pattern EVENT_SOURCE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}\\.amazonaws\\.com");
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private CloudTrailRecordReader() {
    }

    /**
     * An EventBridge envelope around a record: {@code detail-type} {@value CloudTrailEvent#DETAIL_TYPE}, or
     * {@value CloudTrailEvent#SERVICE_EVENT_DETAIL_TYPE} for what AWS did by itself.
     */
    static CloudTrailEvent fromEnvelope(JsonNode node) {
        JsonNode detailType = node.get("detail-type");
        if (detailType == null || !detailType.isTextual()) {
            throw new Invalid("detail-type is missing or not a string; expected '" + CloudTrailEvent.DETAIL_TYPE + "'");
        }
        if (!CloudTrailEvent.DETAIL_TYPES.contains(detailType.asText())) {
            throw new Invalid("detail-type " + quote(detailType.asText()) + " is not '" + CloudTrailEvent.DETAIL_TYPE
                    + "' or '" + CloudTrailEvent.SERVICE_EVENT_DETAIL_TYPE
                    + "'; irready routes CloudTrail API calls and service events only");
        }
        String source = requiredText(node, "source");
        if (!SERVICE_SOURCE.matcher(source).matches()) {
            throw new Invalid("source " + quote(source) + " is not an AWS service source (aws.<service>)");
        }
        JsonNode detail = node.get("detail");
        if (detail == null || detail.isNull()) {
            throw new Invalid("detail is missing; an EventBridge envelope carries the CloudTrail record in detail");
        }
        if (!detail.isObject()) {
            throw new Invalid("detail must be a JSON object (the CloudTrail record), got " + describe(detail));
        }
        String account = optionalText(node, "account");
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            throw new Invalid("account " + quote(account) + " is not a 12-digit AWS account id");
        }
        return fromRecord(detail, account, source, detailType.asText());
    }

    /**
     * A CloudTrail record.
     *
     * @param envelopeAccount the envelope's account, used when the record has no {@code recipientAccountId}; or null
     * @param envelopeSource  the envelope's {@code source}; null for a raw record (derived from {@code eventSource})
     */
    static CloudTrailEvent fromRecord(JsonNode r, String envelopeAccount, String envelopeSource) {
        return fromRecord(r, envelopeAccount, envelopeSource, CloudTrailEvent.detailTypeOf(r));
    }

    /** @param detailType the envelope's, or for a raw record the one its {@code eventType} implies */
    private static CloudTrailEvent fromRecord(JsonNode r, String envelopeAccount, String envelopeSource,
                                              String detailType) {
        String eventSource = requiredText(r, "eventSource");
        if (!EVENT_SOURCE.matcher(eventSource).matches()) {
            throw new Invalid("eventSource " + quote(eventSource)
                    + " is not an AWS service endpoint (<service>.amazonaws.com)");
        }
        String eventName = requiredText(r, "eventName");
        if (!EVENT_NAME.matcher(eventName).matches()) {
            throw new Invalid("eventName " + quote(eventName) + " is not an AWS API action name");
        }
        String eventId = requiredText(r, "eventID");
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new Invalid("eventID " + quote(eventId) + " is not a CloudTrail event id");
        }
        String timeText = requiredText(r, "eventTime");
        Instant eventTime;
        try {
            eventTime = Instant.parse(timeText);
        } catch (DateTimeException e) {
            throw new Invalid("eventTime " + quote(timeText) + " is not an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z)");
        }
        String region = requiredText(r, "awsRegion");
        if (!REGION.matcher(region).matches()) {
            throw new Invalid("awsRegion " + quote(region) + " is not an AWS region");
        }
        String account = optionalText(r, "recipientAccountId");
        if (account == null) {
            account = envelopeAccount;
        }
        if (account == null) {
            throw new Invalid("recipientAccountId is missing and there is no envelope account");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new Invalid("recipientAccountId " + quote(account) + " is not a 12-digit AWS account id");
        }
        JsonNode readOnlyNode = r.get("readOnly");
        Optional<Boolean> readOnly;
        if (readOnlyNode == null || readOnlyNode.isNull()) {
            readOnly = Optional.empty();
        } else if (readOnlyNode.isBoolean()) {
            readOnly = Optional.of(readOnlyNode.booleanValue());
        } else {
            throw new Invalid("readOnly must be true or false, got " + describe(readOnlyNode));
        }
        String errorCode = optionalText(r, "errorCode");
        String source = envelopeSource != null ? envelopeSource
                : "aws." + eventSource.substring(0, eventSource.length() - ".amazonaws.com".length());
        JsonNode identity = r.path("userIdentity");
        return new CloudTrailEvent(eventId, eventSource, eventName, eventTime, region, account, source, readOnly,
                errorCode == null || errorCode.isEmpty() ? null : errorCode,
                lenientText(r.get("errorMessage")),
                lenientText(identity.get("arn")),
                lenientText(identity.get("type")),
                lenientText(identity.get("invokedBy")),
                lenientText(r.get("sourceIPAddress")),
                lenientText(r.get("userAgent")),
                r.get("requestParameters"),
                r.get("responseElements"),
                r,
                detailType);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Invalid(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new Invalid(field + " must be a string, got " + describe(value));
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Invalid(field + " must be a string, got " + describe(value));
        }
        return value.asText();
    }

    /** Descriptive fields: a string, else nothing (never a reason to drop the event). */
    private static String lenientText(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A validation failure inside one item; becomes its MalformedEvent. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
