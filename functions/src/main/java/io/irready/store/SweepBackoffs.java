package io.irready.store;

import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * How long the sweeps leave a region alone after it failed as a whole ({@code BACKOFF#<account>#<region>} /
 * {@code BACKOFF}): the consecutive failures and the sweeps still to skip. Kept in the table because every sweep
 * is a fresh invocation. The item expires a week after its last change, so a region that was removed from the
 * configuration leaves nothing behind.
 */
public final class SweepBackoffs {
    private static final String SK = "BACKOFF";
    private static final Duration MEMORY = Duration.ofDays(7);

    /** A region's backoff: {@code failures} in a row, {@code skipsLeft} sweeps to skip before the next attempt. */
    public record Backoff(String account, String region, int failures, int skipsLeft, Instant failedAt,
                          String fault) {
        public boolean active() {
            return failures > 0;
        }
    }

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;

    public SweepBackoffs(DynamoDbClient ddb, String tableName, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.clock = clock;
    }

    static String pk(String account, String region) {
        return "BACKOFF#" + account + "#" + region;
    }

    public Optional<Backoff> get(String account, String region) {
        Map<String, AttributeValue> item = Items.get(ddb, table, pk(account, region), SK);
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new Backoff(account, region, (int) Items.num(item, "failures"),
                (int) Items.num(item, "skipsLeft"), Items.instant(item, "failedAt"), Items.str(item, "fault")));
    }

    /**
     * Takes one skip, if any is left: true when this sweep must leave the region alone. Conditional, so two
     * sweeps that overlap never take the same skip twice.
     */
    public boolean takeSkip(String account, String region) {
        try {
            ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(Items.key(pk(account, region), SK))
                    .updateExpression("SET skipsLeft = skipsLeft - :one")
                    .conditionExpression("skipsLeft > :zero")
                    .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))).build());
            return true;
        } catch (ConditionalCheckFailedException none) {
            return false;
        }
    }

    /** Counts one more failure in a row and returns how many there are now. */
    public int recordFailure(String account, String region, String fault) {
        Instant now = FindingTable.truncate(clock.instant());
        Map<String, AttributeValue> updated = ddb.updateItem(UpdateItemRequest.builder().tableName(table)
                .key(Items.key(pk(account, region), SK))
                .updateExpression("ADD failures :one SET itemType = :type, account = :account, #region = :region, "
                        + "failedAt = :at, fault = :fault, " + TTL + " = :ttl")
                .expressionAttributeNames(Map.of("#region", "region"))
                .expressionAttributeValues(Map.of(":one", n(1), ":type", s("sweepBackoff"), ":account", s(account),
                        ":region", s(region), ":at", time(now),
                        ":fault", s(Items.bounded(fault, Items.MAX_FIELD)),
                        ":ttl", n(now.plus(MEMORY).getEpochSecond())))
                .returnValues(ReturnValue.UPDATED_NEW).build()).attributes();
        return (int) Items.num(updated, "failures");
    }

    /** Sets how many sweeps to skip before the next attempt. */
    public void skipNext(String account, String region, int sweeps) {
        ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(Items.key(pk(account, region), SK))
                .updateExpression("SET skipsLeft = :skips")
                .expressionAttributeValues(Map.of(":skips", n(sweeps))).build());
    }

    /** The region was swept again: no failures, nothing to skip. */
    public void reset(String account, String region) {
        ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(Items.key(pk(account, region), SK))
                .updateExpression("SET failures = :zero, skipsLeft = :zero REMOVE fault")
                .expressionAttributeValues(Map.of(":zero", n(0))).build());
    }
}
