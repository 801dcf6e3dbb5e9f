package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The finding events are on by default, and the functions may put events on the default bus only. */
class FindingEventsTemplateTest {

    @Test
    void putEventsIsGrantedOnTheHomeRegionsDefaultBusOnly() {
        for (Template template : List.of(Synth.minimal().home, Synth.full().home)) {
            List<Map<String, Object>> grants = statements(template).stream()
                    .filter(s -> Cfn.oneOrMany(s.get("Action")).contains("events:PutEvents")).toList();
            // one per audit role: the event and the sweep functions
            assertThat(grants).hasSize(2).allSatisfy(s -> {
                assertThat(s.get("Sid")).isEqualTo("PutFindingEventsOnTheDefaultBus");
                assertThat(Cfn.oneOrMany(s.get("Action"))).containsExactly("events:PutEvents");
                List<Object> resources = Cfn.oneOrMany(s.get("Resource"));
                assertThat(resources).hasSize(1);
                assertThat(resources.toString()).contains(":events:", ":event-bus/default")
                        .doesNotContain("event-bus/*");
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Template template) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> policy : Cfn.propsOf(template, "AWS::IAM::Policy")) {
            all.addAll(Cfn.<List<Map<String, Object>>>at(policy, "PolicyDocument", "Statement"));
        }
        return all;
    }
}
