package io.irready.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.engine.EventPipeline;
import io.irready.events.EventParser;
import io.irready.events.ParsedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One invocation of the event function, decoded by where it came from: an SQS batch from the
 * delayed re-check queue (each message redelivered on its own), or anything else the parser reads
 * (an EventBridge envelope, raw CloudTrail records or log files, JSON Lines). Malformed items are
 * logged and counted by the pipeline, never thrown; one bad item never costs the others.
 */
final class EventInvocation {
    /**
     * Reads a whole invocation (up to Lambda's 6 MB payload): an SQS batch may hold bodies near the
     * SQS limit; each event inside is then held to the parser's per-event limits.
     */
    private static final ObjectMapper INVOCATION = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(EventParser.MAX_DEPTH)
                    .maxStringLength(8 * 1024 * 1024).maxDocumentLength(8L * 1024 * 1024).build())
            .build());

    private EventInvocation() {
    }

    /**
     * What one invocation did with its input.
     *
     * @param batchResponse      for an SQS batch (the re-check queue): the messages to redeliver (retryable
     *                           failures only, never malformed input), in the partial batch response Lambda reads
     * @param retryableFailure   a non-SQS input hit a failure worth retrying (e.g. DynamoDB unavailable)
     */
    record Outcome(Optional<SQSBatchResponse> batchResponse, Optional<RuntimeException> retryableFailure) {
    }

    static Outcome handle(String input, EventParser parser, EventPipeline pipeline) {
        JsonNode root = null;
        try {
            root = INVOCATION.readTree(input);
        } catch (Exception notOneDocument) {
            // JSON Lines or garbage: the parser sorts it out item by item
        }
        if (root != null && isSqsBatch(root)) {
            List<BatchItemFailure> failed = new ArrayList<>();
            for (JsonNode message : root.get("Records")) {
                String messageId = message.path("messageId").asText("");
                for (ParsedEvent item : parser.parse(message.path("body").asText(""))) {
                    try {
                        pipeline.handle(item, true, "SQS message " + messageId);
                    } catch (RuntimeException e) {
                        failed.add(new BatchItemFailure(messageId));
                        break;
                    }
                }
            }
            return new Outcome(Optional.of(new SQSBatchResponse(failed)), Optional.empty());
        }
        List<ParsedEvent> items = root != null ? parser.parse(root) : parser.parse(input == null ? "" : input);
        RuntimeException first = null;
        for (ParsedEvent item : items) {
            try {
                pipeline.handle(item, false, "");
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        return new Outcome(Optional.empty(), Optional.ofNullable(first));
    }

    private static boolean isSqsBatch(JsonNode root) {
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode r : records) {
            if (!"aws:sqs".equals(r.path("eventSource").asText(null))) {
                return false;
            }
        }
        return true;
    }
}
