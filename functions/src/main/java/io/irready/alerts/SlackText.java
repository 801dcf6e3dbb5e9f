package io.irready.alerts;

/**
 * Makes untrusted strings (resource names, principals, user agents, reasons that quote AWS) safe
 * to put into Slack mrkdwn — the AWS Chatbot card and the incoming-webhook message.
 *
 * <p>What an attacker who names a resource or sets a user agent could otherwise do:
 * <ul>
 *   <li>ping everyone: {@code <!channel>}, {@code <!here>}, {@code <@U123>} — Slack parses these
 *       only between angle brackets, so escaping {@code & < >} (Slack's three entities) defuses them,
 *       and {@code @} is replaced by a look-alike for clients that link bare {@code @here};</li>
 *   <li>spoof a link: {@code <http://evil|Open the AWS console>} — defused by the same escaping;</li>
 *   <li>restyle or hide text: {@code *bold*}, {@code _italic_}, {@code ~strike~}, backticks —
 *       {@link #code} wraps the value in inline code (after removing backticks, which could close
 *       it); {@link #text} replaces the markup characters by look-alikes;</li>
 *   <li>reorder or hide what is displayed: control characters, bidi overrides (U+202E),
 *       zero-width characters — removed (line breaks become spaces);</li>
 *   <li>flood the message: each value is cut to a bound, with an ellipsis.</li>
 * </ul>
 */
public final class SlackText {
    /** Default bound per field, in code points. */
    public static final int MAX_FIELD = 256;
    private static final String ELLIPSIS = "…";

    private SlackText() {
    }

    /** An identifier (resource, principal, IP, user agent) as inline code: nothing inside is formatted. */
    public static String code(String untrusted) {
        return code(untrusted, MAX_FIELD);
    }

    public static String code(String untrusted, int max) {
        if (untrusted == null || untrusted.isBlank()) {
            return "_unknown_";
        }
        String clean = bound(strip(untrusted).replace('`', 'ʹ'), max);
        return "`" + entities(clean).replace("@", "＠") + "`";
    }

    /** A sentence that may quote untrusted parts: escaped, markup characters neutralised. */
    public static String text(String untrusted) {
        return text(untrusted, MAX_FIELD);
    }

    public static String text(String untrusted, int max) {
        if (untrusted == null) {
            return "";
        }
        String clean = bound(strip(untrusted), max);
        StringBuilder out = new StringBuilder(clean.length());
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '*' -> out.append('∗');
                case '_' -> out.append('ˍ');
                case '~' -> out.append('∼');
                case '`' -> out.append('ʹ');
                case '@' -> out.append('＠');
                default -> out.append(c);
            }
        }
        return entities(out.toString());
    }

    /** Slack's three entities; everything else is literal text for Slack. */
    static String entities(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Removes control characters (C0, C1, DEL), format characters (bidi overrides and isolates,
     * zero-width space/joiners, BOM …) and line/paragraph separators; whitespace runs become one space.
     */
    static String strip(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t' || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(' ');
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                // dropped: invisible or display-altering
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Cuts to {@code max} code points, ending with an ellipsis when cut. */
    static String bound(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        int end = s.offsetByCodePoints(0, Math.max(0, max - 1));
        return s.substring(0, end) + ELLIPSIS;
    }
}
