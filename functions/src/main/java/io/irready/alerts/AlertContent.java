package io.irready.alerts;

import io.irready.core.Check;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckRegistry;
import io.irready.core.Severity;
import io.irready.store.FindingState;
import io.irready.store.FindingTable;
import io.irready.store.TamperAttempt;
import io.irready.store.Transition;
import io.irready.store.TransitionKind;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What an alert says, worked out once from the transition (or tamper attempt), the check's
 * metadata and the triggering event: headline, why it matters, how to fix it, where to look.
 * The renderings ({@link EmailText}, {@link SlackMarkdown}, {@link ChatbotCard}, {@link AlertJson})
 * only lay this {@link Alert} out for their channel; none of them decides what to say.
 */
public final class AlertContent {
    /** Items a digest carries (the message must stay far below SNS's 256 KB with every part). */
    static final int DIGEST_MAX_ITEMS = 50;

    private final CheckRegistry registry;

    public AlertContent(CheckRegistry registry) {
        this.registry = registry;
    }

    public Alert of(Transition t) {
        Optional<CheckMetadata> meta = registry.find(t.checkId()).map(Check::metadata);
        String headline = switch (t.kind()) {
            case RAISED -> "Readiness dropped";
            case BLIND -> "Auditor blind";
            case RESOLVED -> t.to() == FindingState.CLOSED ? "Resolved (resource gone)" : "Resolved";
            case ACCEPTED_RISK_EXPIRED -> "Accepted risk expired";
            case SILENT -> "Changed";
        };
        String rationale = meta.map(CheckMetadata::rationale).orElse("");
        if (t.kind() == TransitionKind.BLIND) {
            rationale = "irready could not evaluate this check (after retrying), so nobody can vouch for this "
                    + "evidence until it can again. " + rationale;
        }
        return new Alert("transition", t.transitionId(), t.kind().name(), headline, t.checkId(),
                meta.map(CheckMetadata::title).orElse(t.checkId()), t.severity().name(), t.account(), null, t.region(),
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
                a.eventName() + " denied", severity.name(), a.account(), null, a.region(), resource, null, null,
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
                a.headline(), a.checkId(), a.checkTitle(), a.severity(), a.account(), a.accountName(), a.region(),
                a.resourceId(),
                a.from(), a.to(), a.at(), SlackText.bound(a.reason() == null ? "" : a.reason(), 200), null,
                null, null, null, null, List.of())).toList();
        String listed = items.size() < alerts.size()
                ? "The first " + items.size() + " of " + alerts.size() + " changes are listed." : null;
        return new Alert("digest", id, kind, alerts.size() + " readiness changes found by a sweep", "multiple",
                "Sweep digest", severity, oneRegion ? first.account() : "multiple", oneRegion ? first.accountName() : null,
                oneRegion ? first.region() : "multiple",
                null, null, null, first.at(), listed, null, null, null, null,
                oneRegion ? first.consoleUrl() : null, items);
    }
}
