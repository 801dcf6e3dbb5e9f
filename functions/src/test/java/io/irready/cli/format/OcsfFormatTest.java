package io.irready.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks every event against the attributes OCSF 1.1's Compliance Finding class requires. */
class OcsfFormatTest {
    private static final List<String> REQUIRED_PATHS = List.of("/class_uid", "/category_uid", "/activity_id",
            "/type_uid", "/severity_id", "/status_id", "/status", "/time", "/metadata/version",
            "/metadata/product/name", "/metadata/product/vendor_name", "/metadata/product/version",
            "/compliance/control", "/compliance/status", "/compliance/status_id", "/compliance/standards",
            "/finding_info/uid", "/finding_info/title", "/cloud/provider", "/cloud/account/uid", "/cloud/region",
            "/resources/0/uid");

    private final JsonNode events = Json.read(Reports.write(new OcsfFormat(), Reports.mixed()));

    @Test
    void everyEventCarriesTheRequiredAttributes() {
        assertThat(events).hasSize(4);
        for (JsonNode e : events) {
            for (String path : REQUIRED_PATHS) {
                assertThat(e.at(path).isMissingNode() || e.at(path).isNull()).as(path + " in " + e).isFalse();
            }
            assertThat(e.get("class_uid").asInt()).isEqualTo(2003);
            assertThat(e.get("category_uid").asInt()).isEqualTo(2);
            assertThat(e.get("type_uid").asLong())
                    .isEqualTo(e.get("class_uid").asLong() * 100 + e.get("activity_id").asLong());
            assertThat(e.at("/metadata/version").asText()).startsWith("1.");
            assertThat(e.at("/metadata/product/name").asText()).isEqualTo("irready");
            assertThat(e.at("/metadata/product/version").asText()).isEqualTo("1.2.3");
            assertThat(e.at("/cloud/provider").asText()).isEqualTo("AWS");
            assertThat(e.at("/cloud/account/uid").asText()).isEqualTo("123456789012");
            assertThat(e.at("/cloud/region").asText()).isEqualTo("eu-west-1");
            assertThat(e.get("time").asLong()).isEqualTo(Reports.AT.toEpochMilli());
        }
    }

    @Test
    void theCheckIsTheControlAndTheVerdictItsStatus() {
        JsonNode fail = events.get(0);
        assertThat(fail.at("/compliance/control").asText()).isEqualTo("test-log-group-retention");
        assertThat(fail.at("/compliance/status").asText()).isEqualTo("Fail");
        assertThat(fail.at("/compliance/status_id").asInt()).isEqualTo(3);
        assertThat(fail.get("severity_id").asInt()).isEqualTo(3);
        assertThat(fail.get("status").asText()).isEqualTo("New");
        assertThat(fail.at("/finding_info/title").asText()).isEqualTo("Test check test-log-group-retention");
        assertThat(fail.at("/resources/0/uid").asText()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:short");
        assertThat(fail.at("/resources/0/type").asText()).isEqualTo("AWS::Logs::LogGroup");

        assertThat(events.get(1).at("/compliance/status").asText()).isEqualTo("Warning");
        assertThat(events.get(1).at("/resources/0/uid").asText()).isEqualTo("123456789012");
        assertThat(events.get(3).at("/compliance/status").asText()).isEqualTo("Pass");
        assertThat(events.get(3).at("/compliance/status_id").asInt()).isEqualTo(1);
        assertThat(events.get(3).get("status").asText()).isEqualTo("Resolved");
    }

    @Test
    void theFindingUidIsTheAsffId() {
        JsonNode asff = Json.read(Reports.write(new AsffFormat(), Reports.mixed())).get("Findings");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).at("/finding_info/uid")).isEqualTo(asff.get(i).get("Id"));
        }
    }
}
