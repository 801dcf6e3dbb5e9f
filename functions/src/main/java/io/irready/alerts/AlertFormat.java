package io.irready.alerts;

import io.irready.core.Check;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckRegistry;
import io.irready.core.Severity;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.FindingTable;
import io.irready.store.TamperAttempt;
import io.irready.store.Transition;
import io.irready.store.TransitionKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns transitions and tamper attempts into {@link Alert}s, and alerts into what each kind of
 * subscriber reads: plain text (email, SMS, {@code default}), the AWS Chatbot custom notification
 * (Slack via {@code https}) and Slack mrkdwn (the webhook function). Untrusted strings are escaped
 * with {@link SlackText} in every Slack rendering and stripped of control characters in text.
 */
public final class AlertFormat {
    /** Digest lines shown in Slack; the text part lists more. */
    static final int DIGEST_LINES_SLACK = 20;
    static final int DIGEST_LINES_TEXT = 100;
    /** Items a digest carries (the message must stay far below SNS's 256 KB with every part). */
    static final int DIGEST_MAX_ITEMS = 50;

    private final CheckRegistry registry;

    public AlertFormat(CheckRegistry registry) {
        this.registry = registry;
    }

    // ------------------------------------------------------------------ building alerts

    public Alert of(Transition t) {
        Optional<CheckMetadata> meta = registry.find(t.checkId()).map(Check::metadata);
        String headline = switch (t.kind()) {
            case RAISED -> "Readiness dropped";
            case BLIND -> "Auditor blind";
            case RESOLVED -> t.to() == FindingState.CLOSED ? "Resolved (resource gone)" : "Resolved";
            case SILENT -> "Changed";
        };
        String rationale = meta.map(CheckMetadata::rationale).orElse("");
        if (t.kind() == TransitionKind.BLIND) {
            rationale = "irready could not evaluate this check (after retrying), so nobody can vouch for this "
                    + "evidence until it can again. " + rationale;
        }
        return new Alert("transition", t.transitionId(), t.kind().name(), headline, t.checkId(),
                meta.map(CheckMetadata::title).orElse(t.checkId()), t.severity().name(), t.account(), t.region(),
                t.resourceId(), t.from().map(Enum::name).orElse("none"), t.to().name(), FindingTable.iso(t.at()),
                t.reason(), t.changedBy().orElse(null), rationale,
                meta.map(m -> m.remediation().console()).orElse(""), meta.map(m -> m.remediation().cli()).orElse(""),
                ConsoleLinks.forService(meta.map(CheckMetadata::service).orElse(null), t.region()), List.of());
    }

    public Alert of(TamperAttempt a) {
        String checks = String.join(", ", a.checkIds());
        String resource = a.resourceIds().isEmpty() ? a.account() + "/" + a.region() : String.join(", ", a.resourceIds());
        Optional<CheckMetadata> meta = a.checkIds().stream().map(registry::find).flatMap(Optional::stream)
                .map(Check::metadata).findFirst();
        Severity severity = a.checkIds().stream().map(registry::find).flatMap(Optional::stream)
                .map(c -> c.metadata().severity()).min(Comparator.naturalOrder()).orElse(Severity.HIGH);
        String reason = "A call that would weaken forensic evidence failed: " + a.eventName() + " returned "
                + (a.errorCode() == null ? "an error" : a.errorCode())
                + (a.errorMessage() == null ? "" : " (" + a.errorMessage() + ")")
                + ". Nothing changed, but somebody tried: review what this principal did around that time.";
        return new Alert("tamper", a.messageId(), "TAMPER", "Tamper attempt", checks,
                a.eventName() + " denied", severity.name(), a.account(), a.region(), resource, null, null,
                a.changedBy().eventTime(), reason, a.changedBy(),
                "A denied attempt to stop logging or destroy evidence is an early sign of an intruder covering "
                        + "their tracks; the same principal may retry with other credentials.",
                meta.map(m -> "Review the principal's recent activity in CloudTrail Event history; " + "protects: " + checks)
                        .orElse("Review the principal's recent activity in CloudTrail Event history."),
                "aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventId,AttributeValue=" + a.eventId(),
                ConsoleLinks.forService("cloudtrail", a.region()).replace("#/trails", "#/events"), List.of());
    }

    /** One message for many alerts (a sweep that opens many at once). */
    public Alert digest(String id, List<Alert> alerts) {
        Alert first = alerts.get(0);
        String severity = alerts.stream().map(a -> Severity.parse(a.severity())).min(Comparator.naturalOrder())
                .orElse(Severity.HIGH).name();
        String kind = alerts.stream().anyMatch(a -> a.kind().equals("RAISED")) ? "RAISED"
                : alerts.stream().anyMatch(a -> a.kind().equals("BLIND")) ? "BLIND" : first.kind();
        boolean oneRegion = alerts.stream().allMatch(a -> a.account().equals(first.account())
                && a.region().equals(first.region()));
        // items keep what identifies them (a sweep has no triggering event); explanations are one command away
        List<Alert> items = alerts.stream().limit(DIGEST_MAX_ITEMS).map(a -> new Alert(a.type(), a.id(), a.kind(),
                a.headline(), a.checkId(), a.checkTitle(), a.severity(), a.account(), a.region(), a.resourceId(),
                a.from(), a.to(), a.at(), SlackText.bound(a.reason() == null ? "" : a.reason(), 200), null,
                null, null, null, null, List.of())).toList();
        String listed = items.size() < alerts.size()
                ? "The first " + items.size() + " of " + alerts.size() + " changes are listed." : null;
        return new Alert("digest", id, kind, alerts.size() + " readiness changes found by a sweep", "multiple",
                "Sweep digest", severity, oneRegion ? first.account() : "multiple", oneRegion ? first.region() : "multiple",
                null, null, null, first.at(), listed, null, null, null, null,
                oneRegion ? first.consoleUrl() : null, items);
    }

    // ------------------------------------------------------------------ renderings

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
    public static String text(Alert a) {
        StringBuilder out = new StringBuilder();
        if (a.type().equals("digest")) {
            out.append("irready: ").append(a.headline()).append(" in ").append(a.account()).append(" / ")
                    .append(a.region()).append("\n\n");
            int shown = 0;
            for (Alert item : a.items()) {
                if (shown++ == DIGEST_LINES_TEXT) {
                    out.append("… and ").append(a.items().size() - DIGEST_LINES_TEXT).append(" more\n");
                    break;
                }
                out.append("- ").append(item.headline()).append(": ").append(item.checkId()).append(" (")
                        .append(item.severity()).append(") ").append(item.from()).append(" -> ").append(item.to())
                        .append(" on ").append(plain(item.resourceId(), 300)).append("\n    ")
                        .append(plain(item.reason(), 300)).append("\n");
            }
            if (a.reason() != null) {
                out.append(a.reason()).append('\n');
            }
            out.append("\nList them: irready findings --status FAIL,ERROR");
            appendLink(out, a);
            return out.toString();
        }
        out.append("irready: ").append(a.headline()).append(" — ").append(plain(a.checkTitle(), 200))
                .append(" (").append(a.checkId()).append(", ").append(a.severity()).append(")\n\n");
        if (a.to() != null) {
            out.append("Status:      ").append(a.from()).append(" -> ").append(a.to()).append(" at ").append(a.at()).append('\n');
        }
        out.append("Resource:    ").append(plain(a.resourceId(), 500)).append('\n');
        out.append("Account:     ").append(a.account()).append(", region ").append(plain(a.region(), 40)).append('\n');
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

    /** Slack mrkdwn for the Chatbot card's description and the webhook message: every untrusted string escaped. */
    public static String slackMarkdown(Alert a) {
        StringBuilder out = new StringBuilder();
        if (a.type().equals("digest")) {
            int shown = 0;
            for (Alert item : a.items()) {
                if (shown++ == DIGEST_LINES_SLACK) {
                    out.append("… and ").append(a.items().size() - DIGEST_LINES_SLACK).append(" more\n");
                    break;
                }
                out.append("• ").append(emoji(item.kind())).append(' ').append(SlackText.code(item.checkId(), 80))
                        .append(" (").append(item.severity()).append(") ").append(item.from()).append(" → ")
                        .append(item.to()).append(" on ").append(SlackText.code(item.resourceId())).append('\n');
            }
            if (a.reason() != null) {
                out.append(SlackText.text(a.reason())).append('\n');
            }
            out.append("List them: `irready findings --status FAIL,ERROR`");
            appendSlackLink(out, a);
            return out.toString();
        }
        out.append("*Resource:* ").append(SlackText.code(a.resourceId())).append('\n');
        out.append("*Account / region:* ").append(SlackText.code(a.account(), 20)).append(" / ")
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
        appendSlackLink(out, a);
        return out.toString();
    }

    /** The title line in Slack: trusted headline, escaped check title. */
    public static String slackTitle(Alert a) {
        return emoji(a.kind()) + " " + a.headline() + ": " + SlackText.text(a.checkTitle(), 150);
    }

    private static void appendSlackLink(StringBuilder out, Alert a) {
        if (a.consoleUrl() != null) {
            // the URL is built by us from a validated region: safe inside Slack's link syntax
            out.append("\n<").append(a.consoleUrl()).append("|Open in the AWS console>");
        }
    }

    /** The AWS Chatbot custom-notification document (delivered to Slack through the {@code https} part). */
    public static Map<String, Object> chatbot(Alert a) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", slackTitle(a));
        content.put("description", slackMarkdown(a));
        List<String> nextSteps = new ArrayList<>();
        if (!"RESOLVED".equals(a.kind()) && a.remediationCli() != null && !a.remediationCli().isBlank()) {
            nextSteps.add("CLI: " + SlackText.code(a.remediationCli(), 500));
        }
        if (!nextSteps.isEmpty()) {
            content.put("nextSteps", nextSteps);
        }
        content.put("keywords", List.of(a.severity(), a.kind(), SlackText.text(a.checkId(), 64)));
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("account", a.account());
        additional.put("region", SlackText.text(a.region(), 40));
        additional.put("messageId", a.id());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("threadId", SlackText.text(a.checkId() + " " + (a.resourceId() == null ? "" : a.resourceId()), 200));
        metadata.put("summary", a.headline() + ": " + SlackText.text(a.checkId(), 100));
        metadata.put("eventType", "irready." + a.type() + "." + a.kind());
        metadata.put("additionalContext", additional);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("version", "1.0");
        card.put("source", "custom");
        card.put("id", a.id());
        card.put("content", content);
        card.put("metadata", metadata);
        return card;
    }

    static String emoji(String kind) {
        return switch (kind) {
            case "RAISED" -> ":red_circle:";
            case "BLIND" -> ":warning:";
            case "RESOLVED" -> ":large_green_circle:";
            case "TAMPER" -> ":rotating_light:";
            default -> ":information_source:";
        };
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
