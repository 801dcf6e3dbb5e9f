package io.irready.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as the SDK sent it, with what the simulator dispatches on: the signing service and
 * region from the SigV4 credential scope, the JSON target, the query-protocol action, the path.
 */
public record AwsRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String body, String service, String region) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    static AwsRequest of(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {
        Matcher m = SCOPE.matcher(headers.getOrDefault("authorization", ""));
        String region = "us-east-1";
        String service = "";
        if (m.find()) {
            region = m.group(1);
            service = m.group(2);
        }
        return new AwsRequest(method, URLDecoder.decode(rawPath, StandardCharsets.UTF_8), form(rawQuery), headers,
                body, service, region);
    }

    /** The JSON-protocol operation ({@code X-Amz-Target: Prefix.Operation}), or "". */
    public String target() {
        String t = headers.getOrDefault("x-amz-target", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    /** The parsed JSON body (missing node when there is none). */
    public JsonNode json() {
        try {
            return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /** Form parameters of a query-protocol request ({@code Action=…&…}). */
    public Map<String, String> form() {
        return form(body);
    }

    public String action() {
        return form().getOrDefault("Action", "");
    }

    /** Values of a query-protocol list, e.g. {@code list("InstanceId")} reads InstanceId.1, InstanceId.2 … */
    public List<String> list(String prefix) {
        Map<String, String> form = form();
        List<String> values = new ArrayList<>();
        for (int i = 1; form.containsKey(prefix + "." + i); i++) {
            values.add(form.get(prefix + "." + i));
        }
        return values;
    }

    static Map<String, String> form(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return map;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(key, value);
        }
        return map;
    }
}
