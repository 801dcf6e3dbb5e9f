package io.irready.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One CloudTrail management event, whether it came in an EventBridge envelope, as a raw record
 * from a log file, or from Event History. Structural fields (id, source, name, region, account,
 * time) are validated by {@link EventParser}; everything else is attacker-influenced text
 * (user agent, resource names) and kept verbatim — escape it before display.
 *
 * @param eventId           {@code eventID}: the idempotency key of the event
 * @param eventSource       e.g. {@code cloudtrail.amazonaws.com}
 * @param eventName         e.g. {@code StopLogging}, {@code UpdateDistribution2020_05_31}
 * @param eventTime         when the call was made
 * @param awsRegion         the region the call was made in
 * @param account           {@code recipientAccountId}, else the envelope's {@code account}
 * @param source            the EventBridge source, e.g. {@code aws.cloudtrail} (derived from the
 *                          event source for raw records)
 * @param readOnly          {@code readOnly} when the record carries it
 * @param errorCode         e.g. {@code AccessDenied}; null when the call succeeded
 * @param errorMessage      null when absent
 * @param principalArn      {@code userIdentity.arn}; null when absent (e.g. some AWS service calls)
 * @param principalType     {@code userIdentity.type} ({@code IAMUser}, {@code AssumedRole}, {@code Root}, …); null when absent
 * @param invokedBy         {@code userIdentity.invokedBy} (an AWS service acting for the principal); null when absent
 * @param sourceIpAddress   {@code sourceIPAddress}; null when absent
 * @param userAgent         null when absent
 * @param requestParameters never null ({@code NullNode} when absent)
 * @param responseElements  never null ({@code NullNode} when absent or null, e.g. on a failed call)
 * @param record            the whole CloudTrail record as received (the envelope's {@code detail})
 */
public record CloudTrailEvent(
        String eventId,
        String eventSource,
        String eventName,
        Instant eventTime,
        String awsRegion,
        String account,
        String source,
        Optional<Boolean> readOnly,
        String errorCode,
        String errorMessage,
        String principalArn,
        String principalType,
        String invokedBy,
        String sourceIpAddress,
        String userAgent,
        JsonNode requestParameters,
        JsonNode responseElements,
        JsonNode record) implements ParsedEvent {

    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    public CloudTrailEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventSource, "eventSource");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(awsRegion, "awsRegion");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(readOnly, "readOnly");
        requestParameters = requestParameters == null ? JsonNodeFactory.instance.nullNode() : requestParameters;
        responseElements = responseElements == null ? JsonNodeFactory.instance.nullNode() : responseElements;
        record = record == null ? JsonNodeFactory.instance.objectNode() : record;
    }

    /** True when the call failed ({@code errorCode} present): it changed nothing, but may be a tamper attempt. */
    public boolean failed() {
        return errorCode != null;
    }

    /**
     * The event as an EventBridge envelope, e.g. as the body of the delayed re-check message
     * (the event handler accepts envelopes from SQS). Built from the record, so raw records work too.
     */
    public ObjectNode toEnvelope() {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("version", "0");
        envelope.put("id", eventId);
        envelope.put("detail-type", DETAIL_TYPE);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", eventTime.toString());
        envelope.put("region", awsRegion);
        envelope.putArray("resources");
        envelope.set("detail", record.deepCopy());
        return envelope;
    }
}
