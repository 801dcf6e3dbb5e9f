package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The pipeline canary in the templates: its schedule, its log group per watched region, its scoped IAM, its graph. */
class CanaryTemplateTest {
    static Template home;
    static Template usEast1;

    @BeforeAll
    static void synthesize() {
        Synth full = Synth.full(); // home eu-west-1, watched eu-west-1 and us-east-1 (a forwarder region)
        home = full.home;
        usEast1 = full.forwarders.get("us-east-1");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Template t, String roleFragment) {
        String role = Cfn.logicalId(t, "AWS::IAM::Role", roleFragment);
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : Cfn.propsOf(t, "AWS::IAM::Policy")) {
            if (Cfn.oneOrMany(policy.get("Roles")).contains(Cfn.ref(role))) {
                statements.addAll(Cfn.<List<Map<String, Object>>>at(policy, "PolicyDocument", "Statement"));
            }
        }
        return statements;
    }

    @Test
    void theCanaryIsSentOnItsOwnScheduleByTheSweepAlias() {
        Map<String, Object> rule = Cfn.propsOf(home, "AWS::Events::Rule").stream()
                .filter(r -> "Irready-canary".equals(r.get("Name"))).findFirst().orElseThrow();
        assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(15 minutes)");
        Map<String, Object> target = Cfn.<List<Map<String, Object>>>at(rule, "Targets").get(0);
        assertThat(target.get("Input")).isEqualTo("{\"mode\":\"canary\"}");
        assertThat(target.get("Arn")).isEqualTo(Cfn.ref(Cfn.logicalId(home, "AWS::Lambda::Alias", "SweepAlias")));
        assertThat(target).containsKey("DeadLetterConfig");
        Map<String, Object> sweep = Cfn.props(Cfn.resources(home, "AWS::Lambda::Function")
                .get(Cfn.logicalId(home, "AWS::Lambda::Function", "EventFunction")));
        assertThat(Cfn.<Map<String, Object>>at(sweep, "Environment", "Variables"))
                .containsEntry("IRREADY_CANARY_MAX_DELAY_MINUTES", "30")
                .hasEntrySatisfying("IRREADY_AUDITOR_RULE_NAMES", names ->
                        assertThat((String) names).contains("Irready-canary"));
    }

    @Test
    void everyWatchedRegionHasTheCanaryLogGroup() {
        for (Template t : List.of(home, usEast1)) {
            assertThat(Cfn.propsOf(t, "AWS::Logs::LogGroup"))
                    .filteredOn(g -> "/irready/canary".equals(g.get("LogGroupName")))
                    .singleElement().satisfies(g -> assertThat(Cfn.num(g.get("RetentionInDays"))).isEqualTo(1));
        }
    }

    @Test
    void theCanaryWriteIsAllowedOnlyOnTheCanaryLogGroupsAndOnlyToTheSweepFunction() {
        List<Map<String, Object>> tagging = statements(home, "SweepFunctionRole").stream()
                .filter(s -> Cfn.oneOrMany(s.get("Action")).contains("logs:TagResource")).toList();
        assertThat(tagging).singleElement().satisfies(s -> {
            assertThat(Cfn.oneOrMany(s.get("Action"))).containsExactly("logs:TagResource");
            assertThat(Cfn.oneOrMany(s.get("Resource")).toString())
                    .contains("logs:eu-west-1:", "logs:us-east-1:", ":log-group:/irready/canary")
                    .doesNotContain("*");
            assertThat(Cfn.oneOrMany(s.get("Resource"))).hasSize(2);
        });
        assertThat(statements(home, "EventFunctionRole"))
                .noneSatisfy(s -> assertThat(Cfn.oneOrMany(s.get("Action"))).contains("logs:TagResource"));
    }

    @Test
    void theCanaryRecordsAreReadOnlyFromTheFindingsTable() {
        String table = Cfn.logicalId(home, "AWS::DynamoDB::Table", "Findings");
        for (String role : List.of("EventFunctionRole", "SweepFunctionRole")) {
            assertThat(statements(home, role))
                    .filteredOn(s -> Cfn.oneOrMany(s.get("Action")).contains("dynamodb:GetItem"))
                    .singleElement().satisfies(s -> assertThat(Cfn.oneOrMany(s.get("Resource")).toString())
                            .contains(table).doesNotContain("\"*\""));
        }
    }

    @Test
    void theDashboardGraphsTheCanaryDelayPerRegion() {
        String body = Cfn.propsOf(home, "AWS::CloudWatch::Dashboard").get(0).get("DashboardBody").toString();
        assertThat(body).contains("Pipeline canary", "CanaryDelaySeconds", "eu-west-1", "us-east-1", "blind after");
    }

    @Test
    void theWaitMustBeLongerThanTheCanaryInterval() {
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().canaryMinutes(30).canaryMaxDelayMinutes(30).build())
                .hasMessageContaining("canaryMaxDelayMinutes must be longer than canaryMinutes (30)");
        assertThat(ReadinessAuditorProps.builder().build().canaryMaxDelayMinutes()).isEqualTo(30);
        assertThat(ReadinessAuditorProps.builder().build().canaryMinutes()).isEqualTo(15);
    }
}
