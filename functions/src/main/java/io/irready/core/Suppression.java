package io.irready.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An accepted risk: findings of {@code checkId} (or {@code *}) whose resource id matches the glob
 * {@code resourcePattern} ({@code *} matches any run of characters) are not reported.
 * Written {@code checkId:resourcePattern}, e.g. {@code vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*}.
 */
public record Suppression(String checkId, String resourcePattern) {
    public Suppression {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resourcePattern, "resourcePattern");
    }

    public static Suppression parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(
                    "suppression must be checkId:resourcePattern (use * for any), got '" + text + "'");
        }
        return new Suppression(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }

    public boolean matches(Finding finding) {
        return ("*".equals(checkId) || checkId.equals(finding.checkId()))
                && glob(resourcePattern).matcher(finding.resourceId()).matches();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return checkId + ":" + resourcePattern;
    }
}
