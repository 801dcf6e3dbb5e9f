package io.irready.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single table's contract (fixed with the infra: same names in the CDK construct) and its
 * key layout. Item kinds, by partition key:
 * <ul>
 *   <li>{@code FINDING#<account>#<region>} / {@code <checkId>#<resourceId>} — the current finding;</li>
 *   <li>{@code HISTORY#<account>#<region>#<checkId>#<resourceId>} / {@code <at>#<transitionId>} — its transitions (TTL);</li>
 *   <li>{@code SCORE#<account>#<region>} / {@code <at>} — readiness score points (TTL);</li>
 *   <li>{@code TAMPER#<eventId>} / {@code TAMPER} — a tamper attempt, once per event (TTL);</li>
 *   <li>{@code EVENT#<deliveryKey>} / {@code EVENT} — an event already processed (TTL);</li>
 *   <li>{@code BACKOFF#<account>#<region>} / {@code BACKOFF} — a region the sweeps back off from ({@link SweepBackoffs}, TTL);</li>
 *   <li>{@code CANARY#<account>#<region>} / {@code CANARY} — the pipeline canary of a region ({@link CanaryRecords}).</li>
 * </ul>
 * Timestamps are ISO-8601 UTC with exactly three fraction digits, so that string order is time
 * order in sort keys, GSIs and condition expressions.
 */
public final class FindingTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TTL = "expiresAt";
    public static final String OPEN_INDEX = "open-findings";
    public static final String OPEN_STATUS = "openStatus";
    /** Sparse like {@link #OPEN_INDEX}, keyed by account: "everything failing in account X" without a scan. */
    public static final String OPEN_BY_ACCOUNT_INDEX = "open-by-account";
    public static final String OPEN_ACCOUNT = "openAccount";
    public static final String STATUS_CHANGED_AT = "statusChangedAt";
    public static final String OUTBOX_INDEX = "outbox";
    public static final String OUTBOX_STATE = "outboxState";
    public static final String OUTBOX_AT = "outboxAt";
    public static final String PENDING = "PENDING";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private FindingTable() {
    }

    /** The table as the contract defines it (tests, the demo and {@code irready} against an emulator create it with this). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        string(PK), string(SK), string(OPEN_STATUS), string(OPEN_ACCOUNT), string(STATUS_CHANGED_AT),
                        string(OUTBOX_STATE), string(OUTBOX_AT))
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName(OPEN_INDEX)
                                .keySchema(hash(OPEN_STATUS), range(STATUS_CHANGED_AT))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        GlobalSecondaryIndex.builder().indexName(OPEN_BY_ACCOUNT_INDEX)
                                .keySchema(hash(OPEN_ACCOUNT), range(STATUS_CHANGED_AT))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build(),
                        GlobalSecondaryIndex.builder().indexName(OUTBOX_INDEX)
                                .keySchema(hash(OUTBOX_STATE), range(OUTBOX_AT))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build();
    }

    public static String findingPk(String account, String region) {
        return "FINDING#" + account + "#" + region;
    }

    public static String findingSk(String checkId, String resourceId) {
        return checkId + "#" + resourceId;
    }

    public static String historyPk(String account, String region, String checkId, String resourceId) {
        return "HISTORY#" + account + "#" + region + "#" + checkId + "#" + resourceId;
    }

    public static String historySk(Instant at, String transitionId) {
        return iso(at) + "#" + transitionId;
    }

    public static String scorePk(String account, String region) {
        return "SCORE#" + account + "#" + region;
    }

    public static String tamperPk(String eventId) {
        return "TAMPER#" + eventId;
    }

    public static String eventPk(String deliveryKey) {
        return "EVENT#" + deliveryKey;
    }

    /** Fixed-width ISO-8601 (milliseconds, UTC): string order is time order. */
    public static String iso(Instant instant) {
        return ISO.format(instant);
    }

    /** The instant as the table stores it (milliseconds). */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
