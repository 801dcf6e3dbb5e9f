package io.irready.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Where in an event a resource of some kind is named: a JSON pointer into the CloudTrail record
 * ({@code /requestParameters/…}, {@code /responseElements/…}, or — where AWS itself acted and there was no
 * request, e.g. a scheduled key deletion completing — {@code /resources/ARN} and
 * {@code /serviceEventDetails/…}), read tolerantly because EC2's
 * XML-derived shapes make any step "one object or a list":
 * <ul>
 *   <li>an array met at any step is flattened (each element continues the walk), so
 *       {@code /responseElements/instancesSet/items/instanceId} reads every RunInstances id, and
 *       {@code /requestParameters/DeleteFlowLogsRequest/FlowLogId/content} reads one id or a list;</li>
 *   <li>{@code *} steps into every field of an object (e.g. {@code /responseElements/ * /iamInstanceProfileAssociation/instanceId}
 *       for the three instance-profile association responses);</li>
 *   <li>only string leaves are values; a missing step yields nothing.</li>
 * </ul>
 */
public record Extractor(ResourceKind kind, String pointer) {
    private static final int MAX_VALUES = 1000;

    /** The parts of a record an extractor may read: the rest (user agent, identity …) never names a resource. */
    public static final List<String> ROOTS = List.of("requestParameters", "responseElements", "resources",
            "serviceEventDetails");

    public Extractor {
        String first = pointer.startsWith("/") ? pointer.substring(1).split("/", 2)[0] : "";
        if (!ROOTS.contains(first) || !pointer.substring(1).contains("/")) {
            throw new IllegalArgumentException("extractor pointer must start at one of " + ROOTS + ": " + pointer);
        }
    }

    /** The raw string values at the pointer in {@code root} (an object with the {@link #ROOTS} of a record) (bounded, so a hostile list cannot blow up a decision). */
    public List<String> values(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String step : pointer.substring(1).split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                step(node, step, next);
            }
            current = next;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode node : current) {
            collectStrings(node, out);
        }
        return out.size() > MAX_VALUES ? out.subList(0, MAX_VALUES) : out;
    }

    private static void step(JsonNode node, String step, List<JsonNode> next) {
        if (node.isArray()) {
            node.forEach(element -> step(element, step, next));
        } else if (node.isObject()) {
            if (step.equals("*")) {
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    next.add(it.next());
                }
            } else if (node.has(step)) {
                next.add(node.get(step));
            }
        }
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    out.add(element.asText());
                }
            });
        }
    }
}
