package io.irready.store;

import static io.irready.store.StoreFixture.ACCOUNT;
import static io.irready.store.StoreFixture.CHECK;
import static io.irready.store.StoreFixture.NOW;
import static io.irready.store.StoreFixture.REGION;
import static io.irready.store.StoreFixture.T0;
import static io.irready.store.StoreFixture.VPC_A;
import static io.irready.store.StoreFixture.VPC_B;
import static io.irready.store.StoreFixture.evaluation;
import static io.irready.store.StoreFixture.finding;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.Dynalite;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The access patterns over stored findings: the sparse open index and the per-check queries. */
class FindingQueriesTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    String table;
    FindingStore store;
    FindingQueries queries;

    @BeforeEach
    void newTable() {
        table = DYNALITE.newTable();
        store = new FindingStore(DYNALITE.client(), table, Config.builder().historyTtlDays(30).build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new FindingQueries(DYNALITE.client(), table);
    }

    RecordResult record(Status status, Instant at) {
        return store.record(evaluation(at, finding(VPC_A, status, at)), Optional.empty());
    }

    @Test
    void sparseIndexHoldsOnlyFailAndErrorNewestChangeFirst() {
        store.record(evaluation(T0,
                finding(VPC_A, Status.FAIL, T0),
                finding(VPC_B, Status.PASS, T0),
                finding("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ccc", Status.NOT_APPLICABLE, T0)), Optional.empty());
        store.record(evaluation(T0.plusSeconds(10),
                finding("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", Status.ERROR, T0.plusSeconds(10))),
                Optional.empty());

        assertThat(queries.openFindings()).extracting(StoredFinding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", VPC_A);
        assertThat(queries.openFindings(FindingState.FAIL)).extracting(StoredFinding::resourceId).containsExactly(VPC_A);
        assertThat(rawFinding(table, VPC_B)).doesNotContainKey("openStatus");

        record(Status.PASS, T0.plusSeconds(60));

        assertThat(queries.openFindings(FindingState.FAIL)).isEmpty();
        assertThat(rawFinding(table, VPC_A)).doesNotContainKey("openStatus");
    }

    @Test
    void accountIndexHoldsOnlyThatAccountsFailAndErrorNewestChangeFirst() {
        String other = "210987654321";
        store.record(evaluation(T0,
                finding(VPC_A, Status.FAIL, T0),
                finding(VPC_B, Status.PASS, T0)), Optional.empty());
        store.record(evaluation(T0.plusSeconds(10),
                finding("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", Status.ERROR, T0.plusSeconds(10))),
                Optional.empty());
        store.record(new Evaluation(other, REGION, T0.plusSeconds(20), Scope.REGION, List.of(), List.of(
                new Finding(CHECK, Severity.HIGH, other, REGION, "arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-0eee",
                        Status.FAIL, "no flow log", T0.plusSeconds(20)),
                new Finding(CHECK, Severity.HIGH, other, REGION, "arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-0fff",
                        Status.PASS, "flow log", T0.plusSeconds(20)))), Optional.empty());

        assertThat(queries.openFindingsOf(ACCOUNT)).extracting(StoredFinding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd", VPC_A);
        assertThat(queries.openFindingsOf(other)).extracting(StoredFinding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-0eee");
        assertThat(queries.openFindingsOf("999999999999")).isEmpty();
        assertThat(rawFinding(table, VPC_A).get("openAccount").s()).isEqualTo(ACCOUNT);
        assertThat(rawFinding(table, VPC_B)).doesNotContainKey("openAccount");

        record(Status.PASS, T0.plusSeconds(60));

        assertThat(queries.openFindingsOf(ACCOUNT)).extracting(StoredFinding::resourceId)
                .containsExactly("arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0ddd");
        assertThat(rawFinding(table, VPC_A)).doesNotContainKey("openAccount");
    }

    @Test
    void anOpenFindingStoredBeforeTheAccountIndexJoinsItWhenConfirmed() {
        record(Status.FAIL, T0);
        DYNALITE.client().updateItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(FindingTable.findingPk(ACCOUNT, REGION)),
                "sk", AttributeValue.fromS(FindingTable.findingSk(CHECK, VPC_A)))).updateExpression("REMOVE openAccount"));
        assertThat(queries.openFindingsOf(ACCOUNT)).isEmpty();

        assertThat(record(Status.FAIL, T0.plusSeconds(60)).transitions()).isEmpty();

        assertThat(queries.openFindingsOf(ACCOUNT)).extracting(StoredFinding::resourceId).containsExactly(VPC_A);
    }

    @Test
    void queriesByCheckDoNotMatchLongerCheckIds() {
        store.record(evaluation(T0, finding(VPC_A, Status.FAIL, T0)), Optional.empty());
        store.record(new Evaluation(ACCOUNT, REGION, T0, Scope.REGION, List.of(), List.of(new Finding(
                CHECK + "-extra", Severity.LOW, ACCOUNT, REGION, VPC_A, Status.PASS, "ok", T0))), Optional.empty());

        assertThat(queries.findings(ACCOUNT, REGION, CHECK)).extracting(StoredFinding::checkId).containsExactly(CHECK);
        assertThat(queries.findings(ACCOUNT, REGION)).hasSize(2);
        assertThat(queries.allFindings()).hasSize(2);
    }

    private static Map<String, AttributeValue> rawFinding(String table, String resource) {
        return StoreFixture.rawFinding(DYNALITE, table, resource);
    }
}
