package io.irready.alerts;

import io.irready.store.ChangedBy;

/**
 * The Slack mrkdwn rendering of an {@link Alert}, shared by the AWS Chatbot card ({@link ChatbotCard})
 * and the incoming-webhook message ({@link SlackWebhook}): a title line and a body. Every untrusted
 * string goes through {@link SlackText}; only our own headlines, states and URLs are written raw.
 */
public final class SlackMarkdown {
    /** Digest lines shown in Slack; the text part lists more. */
    static final int DIGEST_LINES = 20;

    private SlackMarkdown() {
    }

    /** The title line: trusted headline, escaped check title. */
    public static String title(Alert a) {
        return emoji(a.kind()) + " " + a.headline() + ": " + SlackText.text(a.checkTitle(), 150);
    }

    /** The body: what, where, who, why and how to fix, every untrusted string escaped. */
    public static String body(Alert a) {
        return a.type().equals("digest") ? digest(a) : single(a);
    }

    private static String digest(Alert a) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Alert item : a.items()) {
            if (shown++ == DIGEST_LINES) {
                out.append("… and ").append(a.items().size() - DIGEST_LINES).append(" more\n");
                break;
            }
            out.append("• ").append(emoji(item.kind())).append(' ').append(SlackText.code(item.checkId(), 80))
                    .append(" (").append(item.severity()).append(") ").append(item.from()).append(" → ")
                    .append(item.to()).append(" on ").append(SlackText.code(item.resourceId()))
                    .append(item.account().equals(a.account()) ? "" : " in " + account(item)).append('\n');
        }
        if (a.reason() != null) {
            out.append(SlackText.text(a.reason())).append('\n');
        }
        out.append("List them: `irready findings --status FAIL,ERROR`");
        appendLink(out, a);
        return out.toString();
    }

    private static String single(Alert a) {
        StringBuilder out = new StringBuilder();
        out.append("*Resource:* ").append(SlackText.code(a.resourceId())).append('\n');
        out.append("*Account / region:* ").append(account(a)).append(" / ")
                .append(SlackText.code(a.region(), 40)).append('\n');
        if (a.to() != null) {
            out.append("*Status:* ").append(a.from()).append(" → ").append(a.to()).append(" (")
                    .append(a.severity()).append(") at ").append(SlackText.code(a.at(), 40)).append('\n');
        } else {
            out.append("*Severity:* ").append(a.severity()).append('\n');
        }
        out.append("*Reason:* ").append(SlackText.text(a.reason(), 600)).append('\n');
        ChangedBy c = a.changedBy();
        if (c != null) {
            out.append("*Who:* ").append(SlackText.code(c.principalArn())).append(" from ")
                    .append(SlackText.code(c.sourceIp(), 64)).append(" using ").append(SlackText.code(c.userAgent()))
                    .append('\n');
            out.append("*Event:* ").append(SlackText.code(c.eventName(), 100)).append(" at ")
                    .append(SlackText.code(c.eventTime(), 40)).append(" (event id ")
                    .append(SlackText.code(c.eventId(), 100)).append(")\n");
        } else if (!a.type().equals("tamper")) {
            out.append("*Found by:* a scheduled sweep\n");
        }
        if (a.rationale() != null && !a.rationale().isBlank()) {
            out.append("*Why it matters:* ").append(SlackText.text(a.rationale(), 800)).append('\n');
        }
        if (!"RESOLVED".equals(a.kind()) && a.remediationConsole() != null && !a.remediationConsole().isBlank()) {
            out.append("*Fix (console):* ").append(SlackText.text(a.remediationConsole(), 800)).append('\n');
            if (a.remediationCli() != null && !a.remediationCli().isBlank()) {
                out.append("*Fix (CLI):* ").append(SlackText.code(a.remediationCli(), 800)).append('\n');
            }
        }
        appendLink(out, a);
        return out.toString();
    }

    /** {@code prod (`111122223333`)}: the name is whatever the account's owner called it, so escaped as text. */
    static String account(Alert a) {
        String id = SlackText.code(a.account(), 20);
        return a.accountName() == null || a.accountName().isBlank() ? id
                : SlackText.text(a.accountName(), 64) + " (" + id + ")";
    }

    private static void appendLink(StringBuilder out, Alert a) {
        if (a.consoleUrl() != null) {
            // the URL is built by us from a validated region: safe inside Slack's link syntax
            out.append("\n<").append(a.consoleUrl()).append("|Open in the AWS console>");
        }
    }

    static String emoji(String kind) {
        return switch (kind) {
            case "RAISED", "ACCEPTED_RISK_EXPIRED" -> ":red_circle:";
            case "BLIND" -> ":warning:";
            case "RESOLVED" -> ":large_green_circle:";
            case "TAMPER" -> ":rotating_light:";
            default -> ":information_source:";
        };
    }
}
