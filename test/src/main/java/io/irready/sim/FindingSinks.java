package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where irready sends findings besides SNS: Security Hub's {@code BatchImportFindings} (REST-JSON,
 * {@code POST /findings/import}) and EventBridge's {@code PutEvents} (JSON 1.1). Both accept
 * everything and record the requests, so the demo and tests can show what was imported and put.
 */
final class FindingSinks {
    final List<JsonNode> imports = new CopyOnWriteArrayList<>();
    final List<JsonNode> putEvents = new CopyOnWriteArrayList<>();

    /** Security Hub, or null when the request is for another service. */
    Reply securityHub(AwsRequest r) {
        if (!"securityhub".equals(r.service())) {
            return null;
        }
        if (!"POST".equals(r.method()) || !"/findings/import".equals(r.path())) {
            return null;
        }
        JsonNode body = r.json();
        imports.add(body);
        int count = body.path("Findings").size();
        return new Reply(200, "application/json", Reply.object().put("SuccessCount", count).put("FailedCount", 0)
                .set("FailedFindings", Reply.object().arrayNode()).toString());
    }

    /** EventBridge PutEvents (the JSON services dispatch it here). */
    Reply putEvents(AwsRequest r) {
        JsonNode body = r.json();
        putEvents.add(body);
        ArrayNode entries = Reply.object().arrayNode();
        for (int i = 0; i < body.path("Entries").size(); i++) {
            entries.addObject().put("EventId", "sim-event-" + putEvents.size() + "-" + i);
        }
        ObjectNode out = Reply.object().put("FailedEntryCount", 0);
        out.set("Entries", entries);
        return new Reply(200, "application/x-amz-json-1.1", out.toString());
    }
}
