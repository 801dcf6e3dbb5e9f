package io.irready.store;

import static io.irready.store.FindingTable.OPEN_ACCOUNT;
import static io.irready.store.FindingTable.OPEN_BY_ACCOUNT_INDEX;
import static io.irready.store.FindingTable.OPEN_INDEX;
import static io.irready.store.FindingTable.OPEN_STATUS;
import static io.irready.store.Items.s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The read side of findings and their history: the access patterns 1 to 4 of the design,
 * for the engine, the CLI and the readiness score. Findings are written by {@link FindingStore}.
 */
public final class FindingQueries {
    private final DynamoDbClient ddb;
    private final String table;

    public FindingQueries(DynamoDbClient ddb, String tableName) {
        this.ddb = ddb;
        this.table = tableName;
    }

    /** Access pattern 1: the current finding of one check on one resource (closed ones included). */
    public Optional<StoredFinding> get(String account, String region, String checkId, String resourceId) {
        return Optional.ofNullable(Items.get(ddb, table, FindingTable.findingPk(account, region),
                FindingTable.findingSk(checkId, resourceId))).map(Items::finding);
    }

    /** Access pattern 3: the findings of an account and region, closed ones left out. */
    public List<StoredFinding> findings(String account, String region) {
        return findings(account, region, null);
    }

    /** Access pattern 3: the findings of one check (or all when {@code checkId} is null) in an account and region. */
    public List<StoredFinding> findings(String account, String region, String checkId) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true);
        if (checkId == null) {
            q.keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(FindingTable.findingPk(account, region))));
        } else {
            q.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(FindingTable.findingPk(account, region)),
                            ":prefix", s(checkId + "#")));
        }
        return Items.query(ddb, q.build()).stream().map(Items::finding)
                .filter(f -> f.status() != FindingState.CLOSED).toList();
    }

    /** Access pattern 2: every FAIL and ERROR finding, newest change first (the sparse index). */
    public List<StoredFinding> openFindings() {
        List<StoredFinding> open = new ArrayList<>(openFindings(FindingState.FAIL));
        open.addAll(openFindings(FindingState.ERROR));
        open.sort(Comparator.comparing(StoredFinding::statusChangedAt).reversed());
        return open;
    }

    /** Access pattern 2 for one open state ({@code FAIL} or {@code ERROR}), newest change first. */
    public List<StoredFinding> openFindings(FindingState state) {
        if (!state.isOpen()) {
            throw new IllegalArgumentException("only FAIL and ERROR findings are indexed as open, not " + state);
        }
        return Items.query(ddb, QueryRequest.builder().tableName(table).indexName(OPEN_INDEX)
                .keyConditionExpression("#s = :s").scanIndexForward(false)
                .expressionAttributeNames(Map.of("#s", OPEN_STATUS))
                .expressionAttributeValues(Map.of(":s", s(state.name()))).build())
                .stream().map(Items::finding).toList();
    }

    /** Access pattern 2 for one account: its FAIL and ERROR findings (every region), newest change first. */
    public List<StoredFinding> openFindingsOf(String account) {
        return Items.query(ddb, QueryRequest.builder().tableName(table).indexName(OPEN_BY_ACCOUNT_INDEX)
                .keyConditionExpression("#a = :a").scanIndexForward(false)
                .expressionAttributeNames(Map.of("#a", OPEN_ACCOUNT))
                .expressionAttributeValues(Map.of(":a", s(account))).build())
                .stream().map(Items::finding).toList();
    }

    /** Every current finding in the table (all accounts and regions), closed ones included: the CLI's listing. */
    public List<StoredFinding> allFindings() {
        List<StoredFinding> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table)
                    .filterExpression("begins_with(pk, :prefix)")
                    .expressionAttributeValues(Map.of(":prefix", s("FINDING#")));
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            var page = ddb.scan(scan.build());
            page.items().forEach(i -> all.add(Items.finding(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return all;
    }

    /** Access pattern 4: the transitions of one finding, oldest first (until their TTL removes them). */
    public List<Transition> history(String account, String region, String checkId, String resourceId) {
        return Items.query(ddb, QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(FindingTable.historyPk(account, region, checkId, resourceId))))
                .build()).stream().map(Items::transition).toList();
    }

    /** Whether the history item of a transition was marked sent. */
    public boolean notified(Transition t) {
        Map<String, AttributeValue> item = Items.get(ddb, table, FindingTable.historyPk(t.account(), t.region(),
                t.checkId(), t.resourceId()), FindingTable.historySk(t.at(), t.transitionId()));
        return item != null && Items.flag(item, "notified");
    }
}
