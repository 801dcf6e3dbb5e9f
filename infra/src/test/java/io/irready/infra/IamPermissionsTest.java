package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Least privilege: every granted action is the registry's (read-only, on *) or a named write on own resources. */
class IamPermissionsTest {
    static Template home;
    static List<Map<String, Object>> statements = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void synthesize() {
        home = Synth.full().home;
        for (Map<String, Object> policy : Cfn.propsOf(home, "AWS::IAM::Policy")) {
            statements.addAll(Cfn.<List<Map<String, Object>>>at(policy, "PolicyDocument", "Statement"));
        }
    }

    @Test
    void everyActionIsDeclaredByTheRegistryOrIsAnAuditorWrite() {
        Set<String> registry = CheckRegistry.permissions(Catalog.registry().all());
        Set<String> allowed = new HashSet<>(registry);
        allowed.addAll(AuditorPermissions.AUDITOR_WRITES);
        allowed.addAll(AuditorPermissions.PLATFORM);
        assertThat(statements).isNotEmpty();
        for (Map<String, Object> statement : statements) {
            assertThat(statement.get("Effect")).isEqualTo("Allow");
            for (Object action : Cfn.oneOrMany(statement.get("Action"))) {
                assertThat(allowed).as("action %s in %s", action, statement.get("Sid")).contains((String) action);
                if (((String) action).contains("*")) {
                    assertThat(registry).as("wildcard action %s", action).contains((String) action);
                }
            }
        }
    }

    @Test
    void rolePoliciesStayWellWithinIamsSizeLimit() {
        // IAM caps a role's inline policies at 10,240 characters; the registry's list grows with every check
        for (Map<String, Object> policy : Cfn.propsOf(home, "AWS::IAM::Policy")) {
            assertThat(policy.get("PolicyDocument").toString().length()).as(String.valueOf(policy.get("PolicyName")))
                    .isLessThan(8_000);
        }
    }

    @Test
    void onlyRegistryReadsGetCallerIdentityAndEventHistoryAreGrantedOnEveryResource() {
        Set<String> allowedOnStar = new HashSet<>(CheckRegistry.permissions(Catalog.registry().all()));
        allowedOnStar.add("sts:GetCallerIdentity");
        allowedOnStar.addAll(AuditorPermissions.BLIND_WINDOW);
        for (Map<String, Object> statement : statements) {
            if (Cfn.oneOrMany(statement.get("Resource")).contains("*")) {
                assertThat(Cfn.oneOrMany(statement.get("Action"))).as(String.valueOf(statement.get("Sid")))
                        .allSatisfy(a -> assertThat(allowedOnStar).contains((String) a));
            }
        }
    }

    @Test
    void theBlindWindowReportMayReadCloudTrailEventHistory() {
        // the engine (not a check) calls LookupEvents when the trail resolves: without it every report is "denied"
        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement.get("Sid")).isEqualTo("BlindWindowReport");
            assertThat(Cfn.oneOrMany(statement.get("Action"))).containsExactly("cloudtrail:LookupEvents");
        });
    }

    @Test
    void writesAreScopedToIrreadysOwnTableTopicsQueueKeysAndSecret() {
        String table = Cfn.logicalId(home, "AWS::DynamoDB::Table", "Findings");
        String topic = Cfn.logicalId(home, "AWS::SNS::Topic", "AlertTopic");
        String recheck = Cfn.logicalId(home, "AWS::SQS::Queue", "RecheckQueue");
        for (Map<String, Object> statement : statements) {
            List<Object> actions = Cfn.oneOrMany(statement.get("Action"));
            String resources = String.valueOf(statement.get("Resource"));
            if (actions.contains("dynamodb:PutItem")) {
                assertThat(resources).contains(table).contains("/index/*");
            }
            if (actions.contains("sns:Publish")) {
                assertThat(resources).contains(topic)
                        .contains("arn:aws:sns:eu-west-1:210987654321:security-integrity");
            }
            if (actions.contains("secretsmanager:GetSecretValue")) {
                assertThat(resources).contains(":secret:irready/slack-webhook-??????");
            }
            if (actions.contains("sqs:SendMessage") && resources.contains(recheck)) {
                assertThat(Cfn.oneOrMany(statement.get("Resource"))).hasSize(1);
            }
        }
        // the webhook function reads its secret and nothing of the audit
        Map<String, Map<String, Object>> policies = Cfn.resources(home, "AWS::IAM::Policy");
        String webhookPolicy = policies.entrySet().stream().filter(e -> e.getKey().contains("SlackWebhook"))
                .findFirst().orElseThrow().getValue().toString();
        assertThat(webhookPolicy).contains("secretsmanager:GetSecretValue").doesNotContain("dynamodb:", "sns:Publish");
    }
}
