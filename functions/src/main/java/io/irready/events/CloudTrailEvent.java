package io.irready.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
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
 * @param detailType        {@value #DETAIL_TYPE} for a call someone made, {@value #SERVICE_EVENT_DETAIL_TYPE}
 *                          for what AWS did on its own (a scheduled key deletion completing, expired key
 *                          material deleted): the envelope's {@code detail-type}, or for a raw record its
 *                          {@code eventType} ({@code AwsServiceEvent})
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
        JsonNode record,
        String detailType) implements ParsedEvent {

    public static final String DETAIL_TYPE = "AWS API Call via CloudTrail";
    /**
     * What AWS does by itself reaches EventBridge under this detail-type, e.g. KMS {@code DeleteKey} at the
     * end of a scheduled deletion: its {@code requestParameters} is null, the key is in {@code resources[]}.
     */
    public static final String SERVICE_EVENT_DETAIL_TYPE = "AWS Service Event via CloudTrail";
    /** The detail-types irready reads, in the order the EventBridge rules list them. */
    public static final List<String> DETAIL_TYPES = List.of(DETAIL_TYPE, SERVICE_EVENT_DETAIL_TYPE);

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
        if (detailType == null) {
            detailType = detailTypeOf(record);
        }
        if (!DETAIL_TYPES.contains(detailType)) {
            throw new IllegalArgumentException("detail-type " + detailType + " is not one of " + DETAIL_TYPES);
        }
    }

    /** An event whose detail-type follows from its record's {@code eventType}. */
    public CloudTrailEvent(String eventId, String eventSource, String eventName, Instant eventTime, String awsRegion,
                           String account, String source, Optional<Boolean> readOnly, String errorCode,
                           String errorMessage, String principalArn, String principalType, String invokedBy,
                           String sourceIpAddress, String userAgent, JsonNode requestParameters,
                           JsonNode responseElements, JsonNode record) {
        this(eventId, eventSource, eventName, eventTime, awsRegion, account, source, readOnly, errorCode, errorMessage,
                principalArn, principalType, invokedBy, sourceIpAddress, userAgent, requestParameters,
                responseElements, record, null);
    }

    /** {@value #SERVICE_EVENT_DETAIL_TYPE} for a record whose {@code eventType} is {@code AwsServiceEvent}. */
    static String detailTypeOf(JsonNode record) {
        JsonNode eventType = record == null ? null : record.get("eventType");
        return eventType != null && "AwsServiceEvent".equals(eventType.asText(null))
                ? SERVICE_EVENT_DETAIL_TYPE : DETAIL_TYPE;
    }

    /** True for what AWS did by itself ({@value #SERVICE_EVENT_DETAIL_TYPE}), not a call someone made. */
    public boolean serviceEvent() {
        return SERVICE_EVENT_DETAIL_TYPE.equals(detailType);
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
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", eventTime.toString());
        envelope.put("region", awsRegion);
        envelope.putArray("resources");
        envelope.set("detail", record.deepCopy());
        return envelope;
    }
}
