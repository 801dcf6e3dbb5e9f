package io.irready.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Console-safe text. Resource names, tag values and AWS error messages are attacker-controlled:
 * a trail named with an ANSI escape sequence could rewrite the terminal, a bidi override could
 * make a FAIL line read like something else. Everything the CLI prints as text goes through
 * {@link #clean}; JSON output escapes instead (see {@link Json}).
 */
public final class Text {
    private Text() {
    }

    /**
     * Replaces control characters (C0, DEL, C1 — newlines and ESC included), invisible format
     * characters (bidi overrides, zero-width characters) and line/paragraph separators by a visible
     * {@code \u001b}-style escape, so nothing in a string can move the cursor or reorder text.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isUnsafe(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Wraps {@code text} into lines of at most {@code width} characters: at spaces where it can,
     * else (ARNs, paths) just after a {@code :} or {@code /}, else hard.
     */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut > 0) {
                lines.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut + 1).stripLeading();
                continue;
            }
            cut = width;
            for (int i = width - 1; i > 0; i--) {
                char c = rest.charAt(i);
                if (c == ':' || c == '/') {
                    cut = i + 1;
                    break;
                }
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty() || lines.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }

    /** {@code text} padded with spaces to {@code width}. */
    public static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
