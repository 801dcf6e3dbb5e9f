package io.irready.core;

import java.util.Locale;

/** How much an investigation loses when a check fails. Ordered from most to least severe. */
public enum Severity {
    CRITICAL(10), HIGH(5), MEDIUM(3), LOW(1), INFORMATIONAL(0);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    /** Weight of a finding of this severity in the readiness score. */
    public int weight() {
        return weight;
    }

    /** True when this severity is the same as or more severe than {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a severity name case-insensitively, with a message listing the valid names. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + text
                    + "' (expected one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)");
        }
    }
}
