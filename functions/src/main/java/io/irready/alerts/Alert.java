package io.irready.alerts;

import io.irready.store.ChangedBy;
import java.util.List;

/**
 * One notification, structured: what the {@code lambda} part of an SNS message carries (the
 * Slack webhook function renders it) and what the text and Chatbot renderings are made from.
 * Fields that came from events or resource names are raw here; every renderer escapes them.
 *
 * @param type        {@code transition}, {@code tamper} or {@code digest}
 * @param id          transition id, {@code tamper-<eventId>}, or the digest's id
 * @param kind        RAISED, BLIND, RESOLVED or TAMPER (digest: the most serious of its items)
 * @param headline    one trusted line ("Readiness dropped", "Auditor blind", …)
 * @param accountName the account's name in the organization when known (from Organizations, so as untrusted
 *                    as a resource name), else null
 * @param changedBy   the triggering event, or null (sweeps)
 * @param items       the alerts of a digest (empty otherwise)
 */
public record Alert(
        String type,
        String id,
        String kind,
        String headline,
        String checkId,
        String checkTitle,
        String severity,
        String account,
        String accountName,
        String region,
        String resourceId,
        String from,
        String to,
        String at,
        String reason,
        ChangedBy changedBy,
        String rationale,
        String remediationConsole,
        String remediationCli,
        String consoleUrl,
        List<Alert> items) {

    public Alert {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** {@code prod (111122223333)} when the name is known, else the account id; raw: renderers escape it. */
    public String accountLabel() {
        return accountName == null || accountName.isBlank() ? account : accountName + " (" + account + ")";
    }

    /** The same alert naming its account (an alert is built before anybody asked Organizations). */
    public Alert withAccountName(String name) {
        return new Alert(type, id, kind, headline, checkId, checkTitle, severity, account, name, region, resourceId,
                from, to, at, reason, changedBy, rationale, remediationConsole, remediationCli, consoleUrl, items);
    }
}
