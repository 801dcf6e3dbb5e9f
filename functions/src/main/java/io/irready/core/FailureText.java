package io.irready.core;

import java.util.regex.Pattern;

/**
 * Makes the text of a failure fit a finding's reason: one line an operator reads, with no Java
 * class names or stack fragments (parser and SDK messages carry both), bounded in length. The
 * stack trace belongs in the log, which the operator can still be pointed to.
 */
public final class FailureText {
    private static final int MAX_LENGTH = 400;
    private static final Pattern STACK_FRAME = Pattern.compile("\\s*\\bat [\\w$.]+\\([^)]*\\)");
    private static final Pattern QUALIFIED_CLASS = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*(?::(?=\\s))?");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b(?:Sdk\\w*|Unchecked\\w*|Null\\w*|Illegal\\w*|Json\\w*|Xml\\w*|IO|Runtime|ApiCall\\w*|Index\\w*|"
                    + "Class\\w*|Number\\w*|Unsupported\\w*|Concurrent\\w*|Timeout|Socket\\w*|Connect\\w*|"
                    + "Interrupted\\w*|Completion|Execution)(?:Exception|Error)\\b(?::(?=\\s))?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private FailureText() {
    }

    /** {@code text} on one line, without class names or stack frames, at most 400 characters. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = STACK_FRAME.matcher(text).replaceAll(" ");
        s = QUALIFIED_CLASS.matcher(s).replaceAll("");
        s = JAVA_EXCEPTION.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = s.replace("()", "").replace("( ", "(").replace(" )", ")").replace(" :", ":");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH) + "…";
        }
        return s;
    }
}
