package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** {@code -c securityHub=true}: the functions are told to import, and may import into their own product only. */
class SecurityHubImportTemplateTest {
    static Template on;
    static Template off;

    @BeforeAll
    static void synthesize() {
        on = Synth.of(Map.of("homeRegion", "eu-west-1", "regions", "eu-west-1,us-east-1", "securityHub", "true"))
                .home;
        off = Synth.minimal().home;
    }

    @Test
    void theImportPermissionIsGrantedOnlyWithTheOption() {
        assertThat(actions(off)).doesNotContain("securityhub:BatchImportFindings");
        assertThat(actions(on)).contains("securityhub:BatchImportFindings");
    }

    @Test
    void theImportIsScopedToTheAccountsDefaultProductInEachSweptRegion() {
        List<Map<String, Object>> grants = statements(on).stream()
                .filter(s -> Cfn.oneOrMany(s.get("Action")).contains("securityhub:BatchImportFindings")).toList();
        assertThat(grants).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("Sid")).isEqualTo("ImportFindingsIntoSecurityHub");
            assertThat(Cfn.oneOrMany(s.get("Action"))).containsExactly("securityhub:BatchImportFindings");
            List<Object> resources = Cfn.oneOrMany(s.get("Resource"));
            assertThat(resources).hasSize(2).doesNotContain("*");
            String text = resources.toString();
            assertThat(text).contains(":securityhub:eu-west-1:", ":securityhub:us-east-1:", "/default")
                    .contains("AWS::AccountId").contains("AWS::Partition");
        });
    }

    @Test
    void theFunctionsAreToldToImportOnlyWithTheOption() {
        for (Map<String, Object> fn : Cfn.propsOf(on, "AWS::Lambda::Function")) {
            Map<String, Object> env = Cfn.at(fn, "Environment", "Variables");
            if (env.containsKey("IRREADY_TABLE_NAME")) {
                assertThat(env).containsEntry("IRREADY_SECURITY_HUB", "true");
            }
        }
        for (Map<String, Object> fn : Cfn.propsOf(off, "AWS::Lambda::Function")) {
            Map<String, Object> env = Cfn.at(fn, "Environment", "Variables");
            assertThat(env).doesNotContainKey("IRREADY_SECURITY_HUB");
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

    private static List<Object> actions(Template template) {
        List<Object> all = new ArrayList<>();
        statements(template).forEach(s -> all.addAll(Cfn.oneOrMany(s.get("Action"))));
        return all;
    }
}
