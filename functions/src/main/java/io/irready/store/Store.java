package io.irready.store;

import io.irready.core.Config;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The parts of the one table, opened together over one client, for the code that wires them
 * (the functions, the demo, the benchmarks): each part has its own reason to change, the table
 * layout they share is {@link FindingTable}'s.
 */
public record Store(String tableName, FindingStore findings, FindingQueries queries, Outbox outbox,
                    EventLedger ledger, ScoreHistory scores, SweepBackoffs backoffs, CanaryRecords canary) {

    public static Store open(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        return new Store(tableName, new FindingStore(ddb, tableName, config, clock), new FindingQueries(ddb, tableName),
                new Outbox(ddb, tableName, config, clock), new EventLedger(ddb, tableName, config, clock),
                new ScoreHistory(ddb, tableName, config, clock), new SweepBackoffs(ddb, tableName, clock),
                new CanaryRecords(ddb, tableName));
    }
}
