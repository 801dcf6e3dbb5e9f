package io.irready.events;

import static io.irready.events.Reasons.describe;
import static io.irready.events.Reasons.notJson;
import static io.irready.events.Reasons.quote;

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
import java.util.ArrayList;
import java.util.List;

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
 * <p>This class finds the items in their containers and tells envelopes from records;
 * {@link CloudTrailRecordReader} reads each one. Only the structural fields AWS itself writes
 * (event id, source, name, region, account, time) are validated. Attacker-chosen text (user agent,
 * resource names) is kept verbatim: rejecting an event because of it would let an attacker blind
 * the auditor with a strange user agent.
 *
 * <p>Immutable and thread-safe: create one and reuse it (e.g. in a Lambda handler's constructor).
 */
public final class EventParser {
    public static final int MAX_EVENT_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

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
            if (AlarmStateChange.isAlarmStateChange(node)) {
                return AlarmStateChange.fromEnvelope(node); // irready's own alarms: see AlarmStateChange
            }
            if (node.has("detail-type") || node.has("detail")) {
                return CloudTrailRecordReader.fromEnvelope(node);
            }
            if (node.has("eventSource") || node.has("eventName") || node.has("eventID")) {
                return CloudTrailRecordReader.fromRecord(node, null, null);
            }
            return new MalformedEvent("neither an EventBridge envelope (detail-type, detail), a CloudTrail record "
                    + "(eventSource, eventName) nor a CloudTrail log file (Records)", position);
        } catch (CloudTrailRecordReader.Invalid e) {
            return new MalformedEvent(e.getMessage(), position);
        } catch (IOException | RuntimeException e) {
            // Defensive: a bug here must cost one item, not the batch.
            return new MalformedEvent("could not read event: " + quote(String.valueOf(e.getMessage())), position);
        }
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
}
