package io.irready.store;

import io.irready.core.Muted;
import io.irready.core.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Small helpers to build and read DynamoDB attribute maps without ceremony, and the mapping of the
 * item kinds several store classes read (findings, transitions, tamper attempts) to their records.
 */
final class Items {
    /** Bound of an attacker-controlled field (event names, error messages, resource ids). */
    static final int MAX_FIELD = 1024;

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue time(Instant instant) {
        return s(FindingTable.iso(instant));
    }

    static AttributeValue list(List<String> values) {
        List<AttributeValue> items = new ArrayList<>();
        values.forEach(v -> items.add(s(v)));
        return AttributeValue.fromL(items);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(FindingTable.PK, s(pk));
        key.put(FindingTable.SK, s(sk));
        return key;
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(str(item, name));
    }

    static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    static double decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Double.parseDouble(v.n());
    }

    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = str(item, name);
        return text == null ? null : Instant.parse(text);
    }

    static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        return v.l().stream().map(AttributeValue::s).toList();
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? null : v.m();
    }

    /** {@link ChangedBy} as a map with the fields that are present (console-readable). */
    static AttributeValue changedBy(ChangedBy c) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        putIfPresent(m, "eventName", c.eventName());
        putIfPresent(m, "eventId", c.eventId());
        putIfPresent(m, "principalArn", c.principalArn());
        putIfPresent(m, "sourceIp", c.sourceIp());
        putIfPresent(m, "userAgent", c.userAgent());
        putIfPresent(m, "eventTime", c.eventTime());
        return AttributeValue.fromM(m);
    }

    static Optional<ChangedBy> changedBy(Map<String, AttributeValue> item, String name) {
        Map<String, AttributeValue> m = map(item, name);
        if (m == null || str(m, "eventId") == null) {
            return Optional.empty();
        }
        return Optional.of(new ChangedBy(str(m, "eventName"), str(m, "eventId"), str(m, "principalArn"),
                str(m, "sourceIp"), str(m, "userAgent"), str(m, "eventTime")));
    }

    static void putIfPresent(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(bounded(value, MAX_FIELD)));
        }
    }

    /** Bounds what we store: attacker-controlled strings must not blow the 400 KB item limit. */
    static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** A consistent read of one item; null when there is none. */
    static Map<String, AttributeValue> get(DynamoDbClient ddb, String table, String pk, String sk) {
        var response = ddb.getItem(GetItemRequest.builder().tableName(table).key(key(pk, sk)).consistentRead(true).build());
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    /** Every item of a query, all pages. */
    static List<Map<String, AttributeValue>> query(DynamoDbClient ddb, QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        ddb.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    static StoredFinding finding(Map<String, AttributeValue> i) {
        return new StoredFinding(str(i, "account"), str(i, "region"), str(i, "checkId"), str(i, "resourceId"),
                FindingState.valueOf(str(i, "status")), Severity.valueOf(str(i, "severity")), str(i, "reason"),
                instant(i, "firstSeenAt"), instant(i, "statusChangedAt"),
                instant(i, "lastEvaluatedAt"), instant(i, "observedAt"), num(i, "version"),
                changedBy(i, "changedBy"), optStr(i, "lastEventId"), muted(i, "muted"));
    }

    /** The accepted risk as a map ({@code reason}, {@code entry}, {@code expires} when it expires). */
    static AttributeValue muted(Muted m) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put("reason", s(bounded(m.reason(), MAX_FIELD)));
        map.put("entry", s(bounded(m.entry(), MAX_FIELD)));
        m.expires().ifPresent(d -> map.put("expires", s(d.toString())));
        return AttributeValue.fromM(map);
    }

    static Optional<Muted> muted(Map<String, AttributeValue> item, String name) {
        Map<String, AttributeValue> m = map(item, name);
        if (m == null || str(m, "reason") == null) {
            return Optional.empty();
        }
        return Optional.of(new Muted(str(m, "reason"), optStr(m, "expires").map(LocalDate::parse),
                optStr(m, "entry").orElse("")));
    }

    static Transition transition(Map<String, AttributeValue> i) {
        return new Transition(str(i, "transitionId"), str(i, "account"), str(i, "region"), str(i, "checkId"),
                str(i, "resourceId"), Severity.valueOf(str(i, "severity")),
                optStr(i, "fromStatus").map(FindingState::valueOf), FindingState.valueOf(str(i, "toStatus")),
                instant(i, "at"), num(i, "version"), str(i, "reason"), changedBy(i, "changedBy"),
                flag(i, "alert"));
    }

    static TamperAttempt tamper(Map<String, AttributeValue> i) {
        return new TamperAttempt(str(i, "eventId"), str(i, "eventSource"), str(i, "eventName"), str(i, "errorCode"),
                str(i, "errorMessage"), str(i, "account"), str(i, "region"),
                changedBy(i, "changedBy").orElseThrow(), strings(i, "checkIds"),
                strings(i, "resourceIds"));
    }
}
