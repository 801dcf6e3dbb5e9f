package io.irready.cli.format;

/**
 * Text for an HTML page. Resource names, tag values and AWS error messages are attacker-controlled: a trail
 * named {@code <script>…} must show as text, never run, wherever the report puts it (element text or a quoted
 * attribute). Control characters, bidi overrides and zero-width characters are removed (see {@link Text#isUnsafe}):
 * a browser would not show them, but they could make one resource name look like another.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /** {@code text} safe as element content and as a double- or single-quoted attribute value. */
    public static String text(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (!Text.isUnsafe(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A value for an {@code id} or a {@code #fragment}: letters, digits and {@code -_.} only. */
    public static String id(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
