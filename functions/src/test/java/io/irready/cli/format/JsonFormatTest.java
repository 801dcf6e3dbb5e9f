package io.irready.cli.format;

import static io.irready.cli.format.Reports.PRESENT;
import static io.irready.cli.format.Reports.finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.core.Status;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
    @Test
    void anArrayOfFindingsWithStableFieldNamesMostUrgentFirst() {
        JsonNode array = Json.read(Reports.write(new JsonFormat(), Reports.mixed()));

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(4);
        JsonNode first = array.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("checkId", "severity", "status", "account",
                "region", "resourceId", "reason", "observedAt");
        assertThat(first.get("checkId").asText()).isEqualTo("test-log-group-retention");
        assertThat(first.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(first.get("status").asText()).isEqualTo("FAIL");
        assertThat(first.get("account").asText()).isEqualTo("123456789012");
        assertThat(first.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(first.get("resourceId").asText()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(first.get("reason").asText()).isEqualTo(
                "Log group short keeps events for only 7 days, \"too short\"; set its retention.");
        assertThat(first.get("observedAt").asText()).isEqualTo("2026-11-27T05:00:00Z");
        assertThat(array.findValuesAsText("status")).containsExactly("FAIL", "ERROR", "NOT_APPLICABLE", "PASS");
    }

    @Test
    void theOutputIsAsciiButTheDataIsExact() {
        String reason = "Name \u001b[2J \u202eexe.txt — café";
        String out = Reports.write(new JsonFormat(), Reports.report(finding(PRESENT, "id", Status.FAIL, reason)));

        assertThat(out.chars()).allSatisfy(c -> assertThat(c).isLessThan(0x7f));
        assertThat(Json.read(out).get(0).get("reason").asText()).isEqualTo(reason);
    }

    @Test
    void aCheckThatFoundNoResourceInScopeIsMarkedInScopeZeroAfterTheFindings() {
        JsonNode array = Json.read(Reports.write(new JsonFormat(), Reports.withNothingInScope(
                finding(PRESENT, "123456789012/eu-west-1", Status.FAIL, "No log group."))));

        assertThat(array).hasSize(3);
        assertThat(array.get(0).get("status").asText()).isEqualTo("FAIL");
        JsonNode nothing = array.get(1);
        assertThat(nothing.fieldNames()).toIterable().containsExactly("checkId", "severity", "account", "region",
                "inScope", "reason");
        assertThat(nothing.get("checkId").asText()).isEqualTo("test-log-group-retention");
        assertThat(nothing.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(nothing.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(nothing.get("inScope").asInt()).isZero();
        assertThat(nothing.get("reason").asText()).isEqualTo("no CloudWatch Logs log groups in scope in eu-west-1");
        assertThat(array.get(2).get("region").asText()).isEqualTo("us-east-1");
        assertThat(array.findValuesAsText("status")).as("not findings: no status").containsExactly("FAIL");
    }

    @Test
    void noFindingsIsAnEmptyArray() {
        assertThat(Json.read(Reports.write(new JsonFormat(), Reports.report())).size()).isZero();
    }
}
