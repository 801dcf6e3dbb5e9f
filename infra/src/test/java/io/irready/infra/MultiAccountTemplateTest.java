package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irready.core.AccountScope;
import io.irready.core.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * {@code -c auditRoleName=…} and {@code -c accountScope=…}: the functions may assume the audit role of the
 * organization's other accounts (by its name only, and only the listed accounts' when a scope lists them),
 * are told its name and the scope, and may list the organization's accounts; without them, no AssumeRole.
 */
class MultiAccountTemplateTest {
    static Synth anyAccount;
    static Synth listed;

    @BeforeAll
    static void synthesize() {
        anyAccount = Synth.of(Map.of("homeRegion", "eu-west-1", "auditRoleName", "OrgReadinessAudit"));
        listed = Synth.of(Map.of("homeRegion", "eu-west-1", "accountScope", "222222222222, 333333333333"));
    }

    @Test
    void withoutTheOptionNoRoleIsAssumable() {
        assertThat(actions(Synth.minimal().home)).doesNotContain("sts:AssumeRole");
        assertThat(actions(Synth.full().home)).doesNotContain("sts:AssumeRole");
    }

    @Test
    void withARoleNameOnlyThatRoleIsAssumableInAnyAccount() {
        List<Map<String, Object>> grants = assumeRole(anyAccount.home);
        assertThat(grants).hasSize(2).allSatisfy(s -> {
            assertThat(s.get("Sid")).isEqualTo("AssumeTheAuditRoleInOtherAccounts");
            assertThat(Cfn.oneOrMany(s.get("Action"))).containsExactly("sts:AssumeRole");
            List<Object> resources = Cfn.oneOrMany(s.get("Resource"));
            assertThat(resources).hasSize(1).doesNotContain("*");
            assertThat(resources.toString()).contains("AWS::Partition").contains(":iam::*:role/OrgReadinessAudit]")
                    .doesNotContain("role/*");
        });
    }

    @Test
    void aListedScopeNarrowsTheRoleToTheListedAccountsWithTheDefaultName() {
        List<Map<String, Object>> grants = assumeRole(listed.home);
        assertThat(grants).hasSize(2).allSatisfy(s -> {
            String resources = Cfn.oneOrMany(s.get("Resource")).toString();
            assertThat(Cfn.oneOrMany(s.get("Resource"))).hasSize(2);
            assertThat(resources).contains(":iam::222222222222:role/IrreadyAuditRole",
                    ":iam::333333333333:role/IrreadyAuditRole").doesNotContain("::*:");
        });
    }

    @Test
    void theOrganizationsReadsOfTheCoverageCheckAreGranted() {
        assertThat(actions(Synth.minimal().home)).contains("organizations:ListAccounts",
                "organizations:DescribeOrganization", "organizations:ListChildren", "organizations:ListAccountsForParent");
    }

    @Test
    void theFunctionsAreToldTheRoleNameAndScopeOnlyWithTheOption() {
        for (Map<String, Object> fn : auditFunctions(anyAccount.home)) {
            Map<String, Object> env = Cfn.at(fn, "Environment", "Variables");
            assertThat(env).containsEntry("IRREADY_AUDIT_ROLE_NAME", "OrgReadinessAudit")
                    .doesNotContainKey("IRREADY_ACCOUNT_SCOPE");
        }
        for (Map<String, Object> fn : auditFunctions(listed.home)) {
            Map<String, Object> env = Cfn.at(fn, "Environment", "Variables");
            assertThat(env).containsEntry("IRREADY_AUDIT_ROLE_NAME", "IrreadyAuditRole")
                    .containsEntry("IRREADY_ACCOUNT_SCOPE", "222222222222,333333333333");
        }
        assertThat(auditFunctions(Synth.minimal().home)).isNotEmpty().allSatisfy(fn -> assertThat(
                Cfn.<Map<String, Object>>at(fn, "Environment", "Variables"))
                .doesNotContainKeys("IRREADY_AUDIT_ROLE_NAME", "IRREADY_ACCOUNT_SCOPE"));
    }

    @Test
    void theScopeRoundTripsThroughTheEnvironment() {
        ReadinessAuditorProps props = ReadinessAuditorProps.builder()
                .accountScope(AccountScope.parse("333333333333,222222222222")).build();
        Config config = Config.fromEnvironment(AuditorEnvironment.config(props, "eu-west-1"));
        assertThat(config.accountScope()).isEqualTo(props.accountScope());
    }

    @Test
    void aRoleNameIamWouldRejectFailsSynth() {
        assertThatThrownBy(() -> ReadinessAuditorProps.builder().auditRoleName("Audit Role").build())
                .hasMessageContaining("auditRoleName must be an IAM role name");
    }

    @Test
    void cdkNagStaysCleanWithTheAnyAccountWildcardSuppressedOnItsOwnResource() {
        List<String> findings = new ArrayList<>();
        List<Stack> stacks = new ArrayList<>(anyAccount.stacks());
        stacks.addAll(listed.stacks());
        for (Stack stack : stacks) {
            Annotations annotations = Annotations.fromStack(stack);
            for (SynthesisMessage m : annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))) {
                findings.add("ERROR " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
            for (SynthesisMessage m : annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))) {
                findings.add("WARN " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
        String metadata = anyAccount.home.toJSON().toString();
        assertThat(metadata).contains("Resource::arn:<AWS::Partition>:iam::*:role/OrgReadinessAudit");
        assertThat(listed.home.toJSON().toString()).doesNotContain(":iam::*:role/");
    }

    private static List<Map<String, Object>> auditFunctions(Template template) {
        return Cfn.propsOf(template, "AWS::Lambda::Function").stream()
                .filter(fn -> Cfn.<Map<String, Object>>at(fn, "Environment", "Variables").containsKey("IRREADY_TABLE_NAME"))
                .toList();
    }

    private static List<Map<String, Object>> assumeRole(Template template) {
        return statements(template).stream()
                .filter(s -> Cfn.oneOrMany(s.get("Action")).contains("sts:AssumeRole")).toList();
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
