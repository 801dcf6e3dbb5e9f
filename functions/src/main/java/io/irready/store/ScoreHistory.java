package io.irready.store;

import static io.irready.store.FindingTable.TTL;
import static io.irready.store.Items.key;
import static io.irready.store.Items.n;
import static io.irready.store.Items.s;
import static io.irready.store.Items.time;

import io.irready.core.Config;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The readiness trend: one score point per account, region and sweep ({@code SCORE#…}, expiring with history). */
public final class ScoreHistory {
    private final DynamoDbClient ddb;
    private final String table;
    private final Duration historyTtl;
    private final Clock clock;
    private final FindingQueries findings;

    public ScoreHistory(DynamoDbClient ddb, String tableName, Config config, Clock clock) {
        this.ddb = ddb;
        this.table = tableName;
        this.historyTtl = Duration.ofDays(config.historyTtlDays());
        this.clock = clock;
        this.findings = new FindingQueries(ddb, tableName);
    }

    /** Computes the score of an account and region from its stored findings and stores a point of the trend. */
    public ScorePoint recordScore(String account, String region) {
        Instant now = FindingTable.truncate(clock.instant());
        ReadinessScore score = ReadinessScore.of(findings.findings(account, region));
        Map<String, AttributeValue> item = new HashMap<>(key(FindingTable.scorePk(account, region), FindingTable.iso(now)));
        item.put("itemType", s("score"));
        item.put("account", s(account));
        item.put("region", s(region));
        item.put("at", time(now));
        item.put("score", n(score.score()));
        item.put("pass", n(score.pass()));
        item.put("fail", n(score.fail()));
        item.put("error", n(score.error()));
        item.put("notApplicable", n(score.notApplicable()));
        item.put(TTL, n(now.plus(historyTtl).getEpochSecond()));
        ddb.putItem(PutItemRequest.builder().tableName(table).item(item).build());
        return new ScorePoint(account, region, now, score);
    }

    /** Access pattern 5: the readiness trend of an account and region, oldest first. */
    public List<ScorePoint> scores(String account, String region) {
        return Items.query(ddb, QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(FindingTable.scorePk(account, region)))).build())
                .stream().map(i -> new ScorePoint(account, region, Items.instant(i, "at"),
                        new ReadinessScore(Items.decimal(i, "score"), (int) Items.num(i, "pass"),
                                (int) Items.num(i, "fail"), (int) Items.num(i, "error"),
                                (int) Items.num(i, "notApplicable")))).toList();
    }
}
