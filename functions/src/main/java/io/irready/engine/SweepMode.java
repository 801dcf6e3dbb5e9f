package io.irready.engine;

import java.util.Locale;

/** What to sweep: the critical checks (every few minutes) or all of them (hourly). */
public enum SweepMode {
    CRITICAL, FULL;

    public static SweepMode parse(String text) {
        if (text == null) {
            return FULL;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "full", "" -> FULL;
            default -> throw new IllegalArgumentException("unknown sweep mode '" + text
                    + "'; expected \"critical\" or \"full\"");
        };
    }
}
