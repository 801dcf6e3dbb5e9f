package io.irready.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The wording of a {@link MalformedEvent}'s reason: how input text is quoted in it, how a JSON
 * value's type is named, what a JSON syntax error says. Reasons end up in logs and alerts, so
 * quoted input is made printable and bounded here, once.
 */
public final class Reasons {
    private static final int QUOTE_LIMIT = 80;

    private Reasons() {
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

    /** "an array", "a string", …: a JSON value's type, as a reason names it. */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** A JSON syntax (or limit) error: where it is and the parser's first line, quoted. */
    static String notJson(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return "not valid JSON" + where + ": " + quote(message.lines().findFirst().orElse(message));
    }

    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
