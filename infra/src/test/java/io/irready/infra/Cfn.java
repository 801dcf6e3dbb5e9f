package io.irready.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Plain-map access to a synthesized template: resources by type, and a few intrinsic helpers. */
final class Cfn {
    private Cfn() {
    }

    /** Logical id → resource (Type, Properties, DeletionPolicy…) of every resource of that type. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template, String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Map<String, Object> all = (Map<String, Object>) template.toJSON().get("Resources");
        all.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if (type.equals(resource.get("Type"))) {
                result.put(id, resource);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    static List<Map<String, Object>> propsOf(Template template, String type) {
        return new ArrayList<>(resources(template, type).values().stream().map(Cfn::props).toList());
    }

    /** The single logical id of a resource of this type whose id contains {@code fragment}. */
    static String logicalId(Template template, String type, String fragment) {
        List<String> ids = resources(template, type).keySet().stream().filter(id -> id.contains(fragment)).toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " containing " + fragment + ", got " + ids);
        }
        return ids.get(0);
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> arn(String logicalId) {
        return Map.of("Fn::GetAtt", List.of(logicalId, "Arn"));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer i) {
                current = list.get(i);
            } else {
                throw new AssertionError("cannot follow " + step + " in " + current);
            }
        }
        return (T) current;
    }

    /** JSON numbers may come back as Integer or Double. */
    static int num(Object value) {
        return ((Number) value).intValue();
    }

    /** A value that may be one item or a list, as IAM allows for Action and Resource. */
    static List<Object> oneOrMany(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : value == null ? List.of() : List.of(value);
    }
}
