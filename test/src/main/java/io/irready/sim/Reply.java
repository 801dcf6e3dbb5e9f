package io.irready.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One HTTP response of the simulator. */
public record Reply(int status, String contentType, String body) {
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Reply json(Object node) {
        try {
            return new Reply(200, "application/x-amz-json-1.1", JSON.writeValueAsString(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply xml(String body) {
        return new Reply(200, "text/xml", body);
    }

    static Reply jsonError(int status, String type, String message) {
        ObjectNode n = object().put("__type", type).put("message", message);
        return new Reply(status, "application/x-amz-json-1.1", n.toString());
    }

    static Reply queryError(int status, String code, String message) {
        return new Reply(status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + esc(message) + "</Message></Error><RequestId>sim</RequestId></ErrorResponse>");
    }

    static Reply ec2Error(int status, String code, String message) {
        return new Reply(status, "text/xml", "<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + esc(message) + "</Message></Error></Errors><RequestID>sim</RequestID></Response>");
    }

    static Reply restXmlError(int status, String code, String message) {
        return new Reply(status, "application/xml", "<Error><Code>" + code + "</Code><Message>" + esc(message)
                + "</Message><RequestId>sim</RequestId></Error>");
    }

    /** XML text escaping for values taken from state. */
    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
