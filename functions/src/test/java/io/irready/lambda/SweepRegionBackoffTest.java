package io.irready.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.irready.testing.CloudTrailAccounts.ACCOUNT;
import static io.irready.testing.CloudTrailAccounts.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import io.irready.testing.AwsWire;
import io.irready.testing.CloudTrailAccounts;
import io.irready.testing.Dynalite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;

/**
 * A region an SCP denies, end to end through the sweep handler: every call of the region answers AccessDenied
 * (as an explicit deny in a service control policy does), while STS, SNS and the table work.
 */
class SweepRegionBackoffTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    static final ObjectMapper JSON = new ObjectMapper();

    Pipeline p;

    @BeforeEach
    void start() {
        p = new Pipeline(DYNALITE);
        CloudTrailAccounts.callerIdentity(p.aws);
        // lowest priority: any stub a test adds later (a healed region) answers instead
        p.aws.stub(any(anyUrl()).atPriority(100).willReturn(AwsWire.jsonError(400, "AccessDeniedException",
                "User is not authorized to perform this action with an explicit deny in a service control policy")));
    }

    @AfterEach
    void stop() {
        p.close();
    }

    JsonNode sweep() throws Exception {
        return JSON.readTree(p.sweep("{\"mode\":\"full\"}"));
    }

    static List<String> regions(JsonNode outcome, String field) {
        List<String> regions = new ArrayList<>();
        outcome.get(field).forEach(r -> regions.add(r.asText()));
        return regions;
    }

    @Test
    void aRegionDeniedByAnScpIsAnErrorFindingAndDoesNotFailTheInvocation() throws Exception {
        JsonNode outcome = sweep();

        assertThat(regions(outcome, "faultedRegions")).containsExactly(REGION);
        assertThat(regions(outcome, "failedRegions")).as("no invocation failure, so no Lambda retry").isEmpty();
        assertThat(p.store.queries().findings(ACCOUNT, REGION)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FindingState.ERROR))
                .anySatisfy(f -> assertThat(f.reason()).contains("AccessDenied"));
        assertThat(p.store.backoffs().get(ACCOUNT, REGION).orElseThrow().failures()).isEqualTo(1);
        assertThat(p.logs()).contains("\"RegionFaults\":1", "region-level AWS fault: backing off");
    }

    @Test
    void aFailingRegionIsSkippedForExponentiallyMoreSweepsAndItsErrorStaysOpenMeanwhile() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JsonNode outcome = sweep();
            seen.add(regions(outcome, "skippedRegions").contains(REGION) ? "skipped"
                    : regions(outcome, "faultedRegions").contains(REGION) ? "faulted" : "swept");
            if (i == 1) {
                StoredFinding logging = p.store.queries().get(ACCOUNT, REGION, "cloudtrail-logging-all-regions",
                        ACCOUNT + "/" + REGION).orElseThrow();
                assertThat(logging.status()).as("a skipped sweep leaves the ERROR open").isEqualTo(FindingState.ERROR);
            }
        }

        // 1 failure: skip 1; 2 in a row: skip 2; 3: skip 4
        assertThat(seen).containsExactly("faulted", "skipped", "faulted", "skipped", "skipped", "faulted", "skipped");
        assertThat(p.logs()).contains("region skipped: backing off after region-level faults", "\"RegionsSkipped\":1");
        // the ERROR is announced once, when it opened, not on every sweep
        assertThat(p.sns.published()).extracting(m -> m.attributes().get("status")).containsOnly("ERROR");
        int alerts = p.sns.published().size();
        sweep();
        assertThat(p.sns.published()).hasSize(alerts);
    }

    @Test
    void aRegionThatSweepsAgainResetsItsBackoffAndResolvesItsErrors() throws Exception {
        sweep();
        sweep(); // skipped
        CloudTrailAccounts.healthy(p.aws);

        JsonNode healed = sweep();

        assertThat(regions(healed, "faultedRegions")).isEmpty();
        assertThat(regions(healed, "skippedRegions")).isEmpty();
        assertThat(p.store.backoffs().get(ACCOUNT, REGION).orElseThrow().failures()).isZero();
        assertThat(p.store.queries().get(ACCOUNT, REGION, "cloudtrail-logging-all-regions", ACCOUNT + "/" + REGION)
                .orElseThrow().status()).isEqualTo(FindingState.PASS);
        assertThat(regions(sweep(), "skippedRegions")).as("nothing left to skip").isEmpty();
    }

    @Test
    void anUnexpectedFailureStillFailsTheInvocation() {
        DYNALITE.client().deleteTable(DeleteTableRequest.builder().tableName(p.store.tableName()).build());

        assertThatThrownBy(this::sweep).isNotNull();
    }
}
