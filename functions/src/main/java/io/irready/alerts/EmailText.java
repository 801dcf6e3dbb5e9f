package io.irready.alerts;

import io.irready.store.ChangedBy;

/**
 * The plain-text rendering of an {@link Alert}: the SNS subject and the body of the {@code email}
 * and {@code default} parts (email, SMS, anything that is not Slack). Untrusted strings are
 * stripped of control and display-altering characters and bounded; there is no markup to escape.
 */
public final class EmailText {
    /** Digest lines listed in the text; Slack shows fewer. */
    static final int DIGEST_LINES = 100;

    private EmailText() {
    }

    /** The SNS subject: printable ASCII, under 100 characters, no line breaks (SNS rejects anything else). */
    public static String subject(Alert a) {
        String what = a.type().equals("digest") ? a.headline()
                : a.headline() + ": " + a.checkId() + " on " + shortName(a.resourceId());
        String raw = "[irready " + a.severity() + "] " + what;
        StringBuilder out = new StringBuilder();
        raw.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f ? (char) cp : '?'));
        return out.length() <= 99 ? out.toString() : out.substring(0, 96) + "...";
    }

    /** Readable text for email and the {@code default} part. */
    public static String body(Alert a) {
        return a.type().equals("digest") ? digest(a) : single(a);
    }

    private static String digest(Alert a) {
        StringBuilder out = new StringBuilder();
        out.append("irready: ").append(a.headline()).append(" in ").append(plain(a.accountLabel(), 120)).append(" / ")
                .append(a.region()).append("\n\n");
        int shown = 0;
        for (Alert item : a.items()) {
            if (shown++ == DIGEST_LINES) {
                out.append("… and ").append(a.items().size() - DIGEST_LINES).append(" more\n");
                break;
            }
            out.append("- ").append(item.headline()).append(": ").append(item.checkId()).append(" (")
                    .append(item.severity()).append(") ").append(item.from()).append(" -> ").append(item.to())
                    .append(" on ").append(plain(item.resourceId(), 300))
                    .append(item.account().equals(a.account()) ? "" : " in " + plain(item.accountLabel(), 120))
                    .append("\n    ")
                    .append(plain(item.reason(), 300)).append("\n");
        }
        if (a.reason() != null) {
            out.append(a.reason()).append('\n');
        }
        out.append("\nList them: irready findings --status FAIL,ERROR");
        appendLink(out, a);
        return out.toString();
    }

    private static String single(Alert a) {
        StringBuilder out = new StringBuilder();
        out.append("irready: ").append(a.headline()).append(" — ").append(plain(a.checkTitle(), 200))
                .append(" (").append(a.checkId()).append(", ").append(a.severity()).append(")\n\n");
        if (a.to() != null) {
            out.append("Status:      ").append(a.from()).append(" -> ").append(a.to()).append(" at ").append(a.at()).append('\n');
        }
        out.append("Resource:    ").append(plain(a.resourceId(), 500)).append('\n');
        out.append("Account:     ").append(plain(a.accountLabel(), 120)).append(", region ").append(plain(a.region(), 40)).append('\n');
        out.append("Reason:      ").append(paragraphs(a.reason(), 8000)).append('\n');
        ChangedBy c = a.changedBy();
        if (c != null) {
            out.append("\nWho and from where (from the triggering CloudTrail event):\n");
            out.append("  Event:      ").append(plain(c.eventName(), 100)).append(" (event id ")
                    .append(plain(c.eventId(), 100)).append(") at ").append(plain(c.eventTime(), 40)).append('\n');
            out.append("  Principal:  ").append(plain(c.principalArn(), 300)).append('\n');
            out.append("  Source IP:  ").append(plain(c.sourceIp(), 100)).append('\n');
            out.append("  User agent: ").append(plain(c.userAgent(), 300)).append('\n');
        } else if (!a.type().equals("tamper")) {
            out.append("\nFound by a scheduled sweep (no triggering event).\n");
        }
        if (a.rationale() != null && !a.rationale().isBlank()) {
            out.append("\nWhy it matters: ").append(a.rationale()).append('\n');
        }
        if (!"RESOLVED".equals(a.kind()) && a.remediationConsole() != null && !a.remediationConsole().isBlank()) {
            out.append("\nHow to fix it:\n  Console: ").append(a.remediationConsole()).append('\n');
            if (a.remediationCli() != null && !a.remediationCli().isBlank()) {
                out.append("  CLI:     ").append(a.remediationCli()).append('\n');
            }
        }
        appendLink(out, a);
        out.append("\nMessage id: ").append(a.id()).append('\n');
        return out.toString();
    }

    private static void appendLink(StringBuilder out, Alert a) {
        if (a.consoleUrl() != null) {
            out.append("\nConsole: ").append(a.consoleUrl()).append('\n');
        }
    }

    /** Like {@link #plain}, but keeps line breaks (a reason may carry a multi-line report). */
    private static String paragraphs(String untrusted, int max) {
        if (untrusted == null) {
            return "(unknown)";
        }
        StringBuilder out = new StringBuilder();
        for (String line : untrusted.split("\r?\n", -1)) {
            out.append(out.isEmpty() ? "" : "\n").append(SlackText.strip(line));
        }
        return SlackText.bound(out.toString(), max);
    }

    private static String plain(String untrusted, int max) {
        return untrusted == null ? "(unknown)" : SlackText.bound(SlackText.strip(untrusted), max);
    }

    private static String shortName(String resourceId) {
        if (resourceId == null) {
            return "";
        }
        int cut = Math.max(resourceId.lastIndexOf('/'), resourceId.lastIndexOf(':'));
        return cut >= 0 && cut < resourceId.length() - 1 ? resourceId.substring(cut + 1) : resourceId;
    }
}
