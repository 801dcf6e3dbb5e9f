package io.irready.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns input into CloudTrail events. Accepts, in one call: an EventBridge envelope
 * ({@code detail-type: "AWS API Call via CloudTrail"}), a raw CloudTrail record, a CloudTrail log
 * file ({@code {"Records":[…]}}), an SQS batch whose bodies are envelopes (the delayed re-check
 * queue), a JSON array of any of these, and JSON Lines (one of these per line).
 *
 * <p>Returns one {@link ParsedEvent} per item and never throws on bad input: a malformed item
 * becomes a {@link MalformedEvent} with a clear reason and the rest of the batch is kept. Input is
 * limited defensively: nesting depth {@value #MAX_DEPTH}, {@value #MAX_EVENT_BYTES} bytes per event
 * (EventBridge's own limit), {@value #MAX_INPUT_BYTES} bytes per input.
 *
 * <p>Only the structural fields AWS itself writes (event id, source, name, region, account, time)
 * are validated. Attacker-chosen text (user agent, resource names) is kept verbatim: rejecting an
 * event because of it would let an attacker blind the auditor with a strange user agent.
 *
 * <p>Immutable and thread-safe: create one and reuse it (e.g. in a Lambda handler's constructor).
 */
public final class EventParser {
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

    private static final Pattern SERVICE_SOURCE = Pattern.compile("aws\\.[a-z0-9][a-z0-9.-]{0,62}");
    private static final Pattern EVENT_SOURCE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}\\.amazonaws\\.com");
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final int QUOTE_LIMIT = 80;

    private final ObjectMapper mapper;

    public EventParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_EVENT_BYTES)
                        .maxDocumentLength(MAX_INPUT_BYTES)
                        .build())
                .build();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The mapper with this parser's limits, for callers that serialise events back (e.g. the CLI). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads the whole stream (at most {@value #MAX_INPUT_BYTES} bytes) and parses it. */
    public List<ParsedEvent> parse(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event input", e);
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            return List.of(new MalformedEvent("input is larger than " + MAX_INPUT_BYTES
                    + " bytes; split CloudTrail log files before routing them", "input"));
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Parses one input: a single JSON document (envelope, record, log file, SQS batch, array) or
     * JSON Lines. Input that is not one valid JSON document is read line by line when some line is
     * a JSON object of its own (bad lines become malformed items, the others are kept); otherwise
     * it is one malformed item.
     */
    public List<ParsedEvent> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of(new MalformedEvent("input is empty; expected a CloudTrail event as JSON", "input"));
        }
        if (text.length() > MAX_INPUT_BYTES) {
            return List.of(new MalformedEvent("input is larger than " + MAX_INPUT_BYTES + " bytes", "input"));
        }
        JsonNode whole;
        try {
            whole = mapper.readTree(text);
        } catch (JacksonException wholeError) {
            String[] lines = text.split("\r?\n");
            if (countNonBlank(lines) > 1 && anyLineIsAnObject(lines)) {
                return parseLines(lines);
            }
            return List.of(new MalformedEvent(notJson(wholeError), "input"));
        }
        List<ParsedEvent> out = new ArrayList<>();
        items(whole, "input", true, out);
        return out;
    }

    /** Parses one already-read JSON item (envelope, record, log file, SQS batch or array). */
    public List<ParsedEvent> parse(JsonNode node) {
        List<ParsedEvent> out = new ArrayList<>();
        items(node, "input", true, out);
        return out;
    }

    private List<ParsedEvent> parseLines(String[] lines) {
        List<ParsedEvent> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String position = "line " + (i + 1);
            try {
                items(mapper.readTree(lines[i]), position, true, out);
            } catch (JacksonException e) {
                out.add(new MalformedEvent(notJson(e), position));
            }
        }
        return out;
    }

    private void items(JsonNode node, String position, boolean containersAllowed, List<ParsedEvent> out) {
        if (containersAllowed && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items(node.get(i), position.equals("input") ? "[" + i + "]" : position + "[" + i + "]", false, out);
            }
            return;
        }
        if (!node.isObject()) {
            out.add(new MalformedEvent("expected a JSON object (an EventBridge envelope or a CloudTrail record), got "
                    + describe(node), position));
            return;
        }
        if (containersAllowed && node.has("Records")) {
            JsonNode records = node.get("Records");
            if (!records.isArray()) {
                out.add(new MalformedEvent("Records must be an array of CloudTrail records, got " + describe(records),
                        position));
                return;
            }
            for (int i = 0; i < records.size(); i++) {
                JsonNode item = records.get(i);
                String itemPosition = prefix(position) + "Records[" + i + "]";
                if (isSqsMessage(item)) {
                    sqsBody(item.get("body").asText(), itemPosition + ".body", out);
                } else {
                    out.add(one(item, itemPosition));
                }
            }
            return;
        }
        out.add(one(node, position));
    }

    private static String prefix(String position) {
        return position.equals("input") ? "" : position + " ";
    }

    private static boolean isSqsMessage(JsonNode item) {
        return item.isObject() && "aws:sqs".equals(item.path("eventSource").asText(null)) && item.path("body").isTextual();
    }

    private void sqsBody(String body, String position, List<ParsedEvent> out) {
        try {
            JsonNode node = mapper.readTree(body);
            out.add(node.isObject() ? one(node, position)
                    : new MalformedEvent("expected an EventBridge envelope, got " + describe(node), position));
        } catch (JacksonException e) {
            out.add(new MalformedEvent(notJson(e), position));
        }
    }

    /** One envelope or raw record. */
    private ParsedEvent one(JsonNode node, String position) {
        try {
            if (!node.isObject()) {
                return new MalformedEvent("expected a CloudTrail record (a JSON object), got " + describe(node), position);
            }
            int size = mapper.writeValueAsBytes(node).length;
            if (size > MAX_EVENT_BYTES) {
                return new MalformedEvent("event is " + size + " bytes, larger than the " + MAX_EVENT_BYTES
                        + "-byte limit of an EventBridge event", position);
            }
            if (node.has("detail-type") || node.has("detail")) {
                return envelope(node, position);
            }
            if (node.has("eventSource") || node.has("eventName") || node.has("eventID")) {
                return record(node, null, null, position);
            }
            return new MalformedEvent("neither an EventBridge envelope (detail-type, detail), a CloudTrail record "
                    + "(eventSource, eventName) nor a CloudTrail log file (Records)", position);
        } catch (Invalid e) {
            return new MalformedEvent(e.getMessage(), position);
        } catch (IOException | RuntimeException e) {
            // Defensive: a bug here must cost one item, not the batch.
            return new MalformedEvent("could not read event: " + quote(String.valueOf(e.getMessage())), position);
        }
    }

    private ParsedEvent envelope(JsonNode node, String position) {
        JsonNode detailType = node.get("detail-type");
        if (detailType == null || !detailType.isTextual()) {
            throw new Invalid("detail-type is missing or not a string; expected '" + CloudTrailEvent.DETAIL_TYPE + "'");
        }
        if (!CloudTrailEvent.DETAIL_TYPE.equals(detailType.asText())) {
            throw new Invalid("detail-type " + quote(detailType.asText()) + " is not '" + CloudTrailEvent.DETAIL_TYPE
                    + "'; irready routes CloudTrail API calls only");
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
        return record(detail, account, source, position);
    }

    private ParsedEvent record(JsonNode r, String envelopeAccount, String envelopeSource, String position) {
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
                r);
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

    /**
     * JSON Lines, as opposed to a pretty-printed document with a syntax error: some line is a
     * non-empty JSON object on its own (pretty-printed JSON never puts a whole object with fields on one line).
     */
    private boolean anyLineIsAnObject(String[] lines) {
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
                try {
                    JsonNode node = mapper.readTree(trimmed);
                    if (node.isObject() && !node.isEmpty()) {
                        return true;
                    }
                } catch (JacksonException e) {
                    // not this line; try the next
                }
            }
        }
        return false;
    }

    private static long countNonBlank(String[] lines) {
        long n = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static String notJson(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "not valid JSON" + where + ": " + quote(message.lines().findFirst().orElse(message));
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * Quotes input text for a reason: control, format and separator characters become
     * {@code \\uXXXX}, and the text is cut at {@value #QUOTE_LIMIT} characters.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < text.length(); i++) {
            if (shown >= QUOTE_LIMIT) {
                out.append("…(").append(text.length()).append(" chars)");
                break;
            }
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE && !validSurrogate(text, i)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            shown++;
        }
        return out.append('\'').toString();
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** A validation failure inside one item; becomes its MalformedEvent. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
