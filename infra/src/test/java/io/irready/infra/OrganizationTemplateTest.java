package io.irready.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * {@code -c organization=true}: member StackSets (service-managed, auto-deployed, template from an asset of the
 * same app), the central bus admitting only the organization, sweeps fanned out by a Distributed Map, and none of
 * it without the option.
 */
class OrganizationTemplateTest {
    static final String ORG_ID = "o-abcdefghij";
    static final List<String> OUS = List.of("ou-ab12-cdef3456", "ou-ab12-ghij7890");
    static final String STACK_SET = "AWS::CloudFormation::StackSet";
    static Synth org;

    @BeforeAll
    static void synthesize() {
        org = Synth.organization();
    }

    @Test
    void bothStackSetsAreServiceManagedAutoDeployedFromTemplateAssetsOfThisApp() {
        List<Map<String, Object>> stackSets = Cfn.propsOf(org.home, STACK_SET);
        assertThat(stackSets).hasSize(2).allSatisfy(set -> {
            assertThat(set.get("PermissionModel")).isEqualTo("SERVICE_MANAGED");
            assertThat(set.get("AutoDeployment")).isEqualTo(Map.of("Enabled", true,
                    "RetainStacksOnAccountRemoval", false));
            assertThat(set.get("CallAs")).isEqualTo("DELEGATED_ADMIN");
            assertThat(set.get("ManagedExecution")).isEqualTo(Map.of("Active", true));
            assertThat(Cfn.<Map<String, Object>>at(set, "OperationPreferences")).containsEntry("RegionConcurrencyType",
                    "PARALLEL").containsKeys("FailureTolerancePercentage", "MaxConcurrentPercentage");
            assertThat(set.get("Capabilities")).isEqualTo(List.of("CAPABILITY_NAMED_IAM"));
            assertThat(set).doesNotContainKey("TemplateBody");
            assertThat(set.get("TemplateURL").toString()).contains("https://s3.eu-west-1.", "cdk-hnb659fds-assets-")
                    .endsWith(".json}");
            assertThat(Cfn.<Object>at(set, "StackInstancesGroup", 0, "DeploymentTargets", "OrganizationalUnitIds"))
                    .isEqualTo(OUS);
        });
        assertThat(org.members).containsOnlyKeys(MemberStacks.GLOBAL, MemberStacks.REGIONAL);
    }

    @Test
    void theGlobalStackSetDeploysToTheHomeRegionOnlyTheRegionalOneToEveryWatchedRegion() {
        assertThat(Cfn.<Object>at(stackSet("GlobalStackSet"), "StackInstancesGroup", 0, "Regions"))
                .isEqualTo(List.of("eu-west-1"));
        assertThat(Cfn.<Object>at(stackSet("RegionalStackSet"), "StackInstancesGroup", 0, "Regions"))
                .isEqualTo(List.of("eu-west-1", "eu-central-1", "us-east-1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachStackSetPassesExactlyItsTemplatesParametersAsTokensOfTheCentralStack() {
        Map<String, Object> global = parameters(stackSet("GlobalStackSet"));
        assertThat(global.keySet()).isEqualTo(templateParameters(org.members.get(MemberStacks.GLOBAL)));
        assertThat(global).containsEntry("CentralAccountId", Cfn.ref("AWS::AccountId"))
                .containsEntry("OrganizationId", ORG_ID)
                .containsEntry("EventFunctionRoleArn",
                        Cfn.arn(Cfn.logicalId(org.home, "AWS::IAM::Role", "EventFunctionRole")))
                .containsEntry("SweepFunctionRoleArn",
                        Cfn.arn(Cfn.logicalId(org.home, "AWS::IAM::Role", "SweepFunctionRole")));
        Map<String, Object> regional = parameters(stackSet("RegionalStackSet"));
        assertThat(regional.keySet()).isEqualTo(templateParameters(org.members.get(MemberStacks.REGIONAL)));
        assertThat(regional).containsEntry("CentralAccountId", Cfn.ref("AWS::AccountId"))
                .containsEntry("HomeRegion", "eu-west-1");
        for (Template member : org.members.values()) {
            Map<String, Object> json = member.toJSON();
            assertThat(json.toString()).doesNotContain("BootstrapVersion", "cdk-hnb659fds");
        }
    }

    @Test
    void theCentralBusAdmitsPutEventsFromTheOrganizationOnly() {
        List<Map<String, Object>> policies = Cfn.propsOf(org.home, "AWS::Events::EventBusPolicy");
        assertThat(policies).hasSize(1);
        Map<String, Object> policy = policies.get(0);
        assertThat(policy.get("EventBusName")).isEqualTo("default");
        Map<String, Object> statement = Cfn.at(policy, "Statement");
        assertThat(statement).containsEntry("Effect", "Allow").containsEntry("Action", "events:PutEvents")
                .containsEntry("Principal", "*")
                .containsEntry("Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", ORG_ID)));
        assertThat(statement.get("Resource").toString()).contains(":events:eu-west-1:", ":event-bus/default");
    }

    @Test
    void aDistributedMapSweepsTheAccountsWithTheConfiguredConcurrencyAndToleranceEachRegionRetriedAndCaught() {
        JsonNode states = definition().get("States");
        JsonNode plan = states.get("PlanAccountsAndRegions");
        assertThat(plan.get("Type").asText()).isEqualTo("Task");
        assertThat(plan.get("Next").asText()).isEqualTo("SweepEveryAccount");
        assertThat(plan.get("Retry").get(0).get("BackoffRate").asDouble()).isEqualTo(2.0);
        JsonNode accounts = states.get("SweepEveryAccount");
        assertThat(accounts.get("Type").asText()).isEqualTo("Map");
        assertThat(accounts.at("/ItemProcessor/ProcessorConfig/Mode").asText()).isEqualTo("DISTRIBUTED");
        assertThat(accounts.at("/ItemProcessor/ProcessorConfig/ExecutionType").asText()).isEqualTo("STANDARD");
        assertThat(accounts.get("ItemsPath").asText()).isEqualTo("$.accounts");
        assertThat(accounts.get("MaxConcurrency").asInt()).isEqualTo(25);
        assertThat(accounts.get("ToleratedFailurePercentage").asInt()).isEqualTo(5);
        JsonNode selector = accounts.get("ItemSelector");
        assertThat(selector.get("mode.$").asText()).isEqualTo("$.mode");
        assertThat(selector.get("regions.$").asText()).isEqualTo("$.regions");
        assertThat(selector.get("account.$").asText()).isEqualTo("$$.Map.Item.Value.account");

        JsonNode child = accounts.at("/ItemProcessor/States");
        JsonNode regions = child.get("SweepEveryRegion");
        assertThat(regions.get("ItemsPath").asText()).isEqualTo("$.regions");
        assertThat(regions.at("/ItemSelector/region.$").asText()).isEqualTo("$$.Map.Item.Value");
        JsonNode sweep = regions.at("/ItemProcessor/States/SweepAccountRegion");
        assertThat(sweep.at("/Parameters").toString())
                .contains("\"mode.$\":\"$.mode\"", "\"account.$\":\"$.account\"", "\"region.$\":\"$.region\"");
        assertThat(sweep.at("/Retry/0/ErrorEquals").toString()).contains("States.TaskFailed",
                "Lambda.TooManyRequestsException");
        assertThat(sweep.at("/Retry/0/BackoffRate").asDouble()).isEqualTo(2.0);
        assertThat(sweep.at("/Retry/0/MaxAttempts").asInt()).isEqualTo(OrganizationSweeps.SWEEP_ATTEMPTS - 1);
        assertThat(sweep.at("/Catch/0/ErrorEquals/0").asText()).isEqualTo("States.ALL");
        assertThat(sweep.at("/Catch/0/Next").asText()).isEqualTo("RegionFailed");
        // a region that still failed fails its account's child execution, which the tolerance counts
        assertThat(child.at("/AnyRegionFailed/Choices/0/Next").asText()).isEqualTo("AccountFailed");
        assertThat(child.at("/AccountFailed/Type").asText()).isEqualTo("Fail");
    }

    @Test
    void theStateMachineLogsEncryptedAndTraces() {
        Map<String, Object> machine = Cfn.propsOf(org.home, "AWS::StepFunctions::StateMachine").get(0);
        assertThat(Cfn.<Object>at(machine, "TracingConfiguration", "Enabled")).isEqualTo(true);
        assertThat(Cfn.<Object>at(machine, "LoggingConfiguration", "Level")).isEqualTo("ALL");
        String logs = Cfn.logicalId(org.home, "AWS::Logs::LogGroup", "ExecutionLogs");
        assertThat(Cfn.<Map<String, Object>>at(Cfn.resources(org.home, "AWS::Logs::LogGroup").get(logs), "Properties"))
                .containsKey("KmsKeyId");
    }

    @Test
    void bothSchedulesStartTheStateMachineInsteadOfTheSweepFunction() {
        String machine = Cfn.logicalId(org.home, "AWS::StepFunctions::StateMachine", "OrganizationSweeps");
        Map<String, Map<String, Object>> rules = Cfn.resources(org.home, "AWS::Events::Rule");
        for (String id : List.of("CriticalSweep", "FullSweep")) {
            Map<String, Object> rule = Cfn.props(rules.get(Cfn.logicalId(org.home, "AWS::Events::Rule", id)));
            Map<String, Object> target = Cfn.at(rule, "Targets", 0);
            assertThat(target.get("Arn")).isEqualTo(Cfn.ref(machine));
            assertThat(target.get("Input")).isEqualTo(id.startsWith("Critical") ? "{\"mode\":\"critical\"}"
                    : "{\"mode\":\"full\"}");
            assertThat(target).containsKeys("RoleArn", "DeadLetterConfig", "RetryPolicy");
        }
        // the sweep schedules no longer invoke the function (the canary schedule still does: it probes this account)
        assertThat(Cfn.propsOf(org.home, "AWS::Lambda::Permission").toString()).doesNotContain("CriticalSweep",
                "FullSweep");
    }

    @Test
    void theStateMachineMayInvokeOnlyThePlanFunctionAndTheSweepAliasAndRunOnlyItself() {
        Map<String, Object> role = Cfn.resources(org.home, "AWS::IAM::Role").get(
                Cfn.logicalId(org.home, "AWS::IAM::Role", "StateMachineRole"));
        assertThat(role).isNotNull();
        List<Map<String, Object>> statements = statementsOfPoliciesMatching("StateMachine");
        String plan = Cfn.logicalId(org.home, "AWS::Lambda::Function", "PlanFunction");
        String sweepAlias = Cfn.logicalId(org.home, "AWS::Lambda::Alias", "SweepAlias");
        for (Map<String, Object> s : statements) {
            List<Object> actions = Cfn.oneOrMany(s.get("Action"));
            if (actions.contains("lambda:InvokeFunction")) {
                assertThat(actions).containsExactly("lambda:InvokeFunction");
                assertThat(Cfn.oneOrMany(s.get("Resource"))).isNotEmpty().doesNotContain("*").allSatisfy(r ->
                        assertThat(r.toString()).containsAnyOf(plan, sweepAlias));
            }
            if (actions.contains("states:StartExecution")) {
                assertThat(Cfn.oneOrMany(s.get("Resource"))).containsExactly(
                        Cfn.ref(Cfn.logicalId(org.home, "AWS::StepFunctions::StateMachine", "OrganizationSweeps")));
            }
            assertThat(actions).noneMatch(a -> a.toString().startsWith("organizations:")
                    || a.toString().startsWith("sts:"));
        }
        assertThat(statements).flatExtracting(s -> Cfn.oneOrMany(s.get("Action")))
                .contains("lambda:InvokeFunction", "states:StartExecution");
    }

    @Test
    void thePlanFunctionMayOnlyReadTheOrganization() {
        List<Map<String, Object>> statements = statementsOfPoliciesMatching("PlanFunctionRole");
        List<Object> actions = new ArrayList<>();
        statements.forEach(s -> actions.addAll(Cfn.oneOrMany(s.get("Action"))));
        assertThat(actions).containsExactlyInAnyOrder("organizations:ListAccounts", "organizations:ListAccountsForParent",
                "organizations:ListChildren", "organizations:DescribeOrganization", "sts:GetCallerIdentity",
                "logs:CreateLogStream", "logs:PutLogEvents");
        Map<String, Object> plan = Cfn.propsOf(org.home, "AWS::Lambda::Function").stream()
                .filter(f -> OrganizationSweeps.SWEEP_PLAN_HANDLER.equals(f.get("Handler"))).findFirst().orElseThrow();
        assertThat(Cfn.<Map<String, Object>>at(plan, "Environment", "Variables"))
                .containsEntry(OrganizationSweeps.ORGANIZATION_UNITS_ENV, String.join(",", OUS))
                .containsEntry("IRREADY_REGIONS", "eu-west-1,eu-central-1");
    }

    @Test
    void theFunctionsAssumeTheMemberRoleByNameAndReadTheOrganization() {
        for (String role : List.of("EventFunctionRole", "SweepFunctionRole")) {
            List<Map<String, Object>> statements = statementsOfPoliciesMatching(role);
            List<Object> actions = new ArrayList<>();
            statements.forEach(s -> actions.addAll(Cfn.oneOrMany(s.get("Action"))));
            assertThat(actions).contains("sts:AssumeRole", "organizations:ListAccounts",
                    "organizations:ListAccountsForParent", "organizations:ListChildren",
                    "organizations:DescribeOrganization");
            assertThat(statements.stream().filter(s -> Cfn.oneOrMany(s.get("Action")).contains("sts:AssumeRole"))
                    .map(s -> s.get("Resource").toString()).toList())
                    .singleElement().asString().contains(":iam::*:role/IrreadyAuditRole");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMemberRoleHasTheGeneratedReadsAndTrustsOnlyTheCentralFunctionsInTheOrganization() {
        Template global = org.members.get(MemberStacks.GLOBAL);
        Map<String, Object> role = Cfn.propsOf(global, "AWS::IAM::Role").get(0);
        assertThat(role.get("RoleName")).isEqualTo("IrreadyAuditRole");
        List<Map<String, Object>> trust = Cfn.at(role, "AssumeRolePolicyDocument", "Statement");
        assertThat(trust).allSatisfy(statement -> assertThat(statement)
                .containsEntry("Action", "sts:AssumeRole").containsEntry("Effect", "Allow")
                .containsEntry("Condition", Map.of("StringEquals",
                        Map.of("aws:PrincipalOrgID", Cfn.ref(MemberStacks.ORGANIZATION_ID)))));
        List<Object> principals = new ArrayList<>();
        trust.forEach(statement -> principals.addAll(Cfn.oneOrMany(Cfn.at(statement, "Principal", "AWS"))));
        assertThat(principals).containsExactlyInAnyOrder(Cfn.ref(MemberStacks.EVENT_FUNCTION_ROLE_ARN),
                Cfn.ref(MemberStacks.SWEEP_FUNCTION_ROLE_ARN));
        assertThat(trust).allSatisfy(statement -> assertThat(new ArrayList<Object>(
                ((Map<?, ?>) statement.get("Principal")).keySet())).containsOnly("AWS"));
        Map<String, Object> policy = Cfn.propsOf(global, "AWS::IAM::Policy").get(0);
        List<Map<String, Object>> statements = Cfn.at(policy, "PolicyDocument", "Statement");
        Map<String, Object> reads = statements.stream()
                .filter(s -> "ReadOnlyAuditFromTheCheckRegistry".equals(s.get("Sid"))).findFirst().orElseThrow();
        // the very list the central functions hold, generated from the registry
        Map<String, Object> centralReads = statementsOfPoliciesMatching("SweepFunctionRole").stream()
                .filter(s -> "ReadOnlyAuditFromTheCheckRegistry".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertThat(reads.get("Action")).isEqualTo(centralReads.get("Action"));
        assertThat(Cfn.oneOrMany(reads.get("Action"))).containsExactlyElementsOf(
                new ArrayList<>(ReadinessAuditor.readOnlyActions(ReadinessAuditorProps.builder().build())));
        List<Object> all = new ArrayList<>();
        statements.forEach(s -> all.addAll(Cfn.oneOrMany(s.get("Action"))));
        assertThat(all).allSatisfy(a -> assertThat(a.toString()).matches(
                "^[a-z0-9-]+:(Describe|Get|List|Lookup|Simulate|GetCallerIdentity)[A-Za-z*]*$|^apigateway:GET$"));
        assertThat(onlyOutsideTheCentralAccount(global)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMemberForwarderSendsTheRoutedEventsToTheCentralBusExceptFromTheCentralAccount() {
        Template regional = org.members.get(MemberStacks.REGIONAL);
        List<Map<String, Object>> rules = Cfn.propsOf(regional, "AWS::Events::Rule");
        // the routed patterns, and one more rule: the state changes of the dead-letter queue's alarm
        assertThat(rules).hasSize(Synth.patterns().size() + 1)
                .extracting(r -> r.get("EventPattern")).containsAll(Synth.patterns());
        String role = Cfn.logicalId(regional, "AWS::IAM::Role", "ForwardRole");
        String dlq = Cfn.logicalId(regional, "AWS::SQS::Queue", "ForwardDlq");
        for (Map<String, Object> rule : rules) {
            Map<String, Object> target = Cfn.at(rule, "Targets", 0);
            assertThat(target.get("Arn").toString()).contains(":events:", "Ref=HomeRegion", "Ref=CentralAccountId",
                    ":event-bus/default");
            assertThat(target.get("RoleArn")).isEqualTo(Cfn.arn(role));
            assertThat(Cfn.<Object>at(target, "DeadLetterConfig", "Arn")).isEqualTo(Cfn.arn(dlq));
        }
        Map<String, Object> queue = Cfn.propsOf(regional, "AWS::SQS::Queue").get(0);
        assertThat(queue.get("SqsManagedSseEnabled")).isEqualTo(true);
        Map<String, Object> condition = Cfn.at(regional.toJSON(), "Conditions", MemberStacks.NOT_CENTRAL);
        assertThat(condition).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals",
                List.of(Cfn.ref("AWS::AccountId"), Cfn.ref(MemberStacks.CENTRAL_ACCOUNT_ID))))));
        assertThat(onlyOutsideTheCentralAccount(regional)).isTrue();
    }

    @Test
    void theOrganizationStacksAreCdkNagClean() {
        List<String> findings = new ArrayList<>();
        for (Stack stack : org.stacks()) {
            Annotations annotations = Annotations.fromStack(stack);
            for (SynthesisMessage m : annotations.findError("*", Match.anyValue())) {
                findings.add("ERROR " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
            for (SynthesisMessage m : annotations.findWarning("*", Match.anyValue())) {
                findings.add("WARN " + stack.getStackName() + " " + m.getId() + ": " + m.getEntry().getData());
            }
        }
        assertThat(org.stacks()).hasSize(1 + 2 + 2); // home, two forwarders, two member stacks
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void theSingleAccountPathHasNoneOfIt() {
        for (Synth single : List.of(Synth.minimal(), Synth.full())) {
            assertThat(single.members).isEmpty();
            for (String type : List.of(STACK_SET, "AWS::Events::EventBusPolicy", "AWS::StepFunctions::StateMachine")) {
                assertThat(Cfn.resources(single.home, type)).as(type).isEmpty();
            }
            assertThat(single.deployment.auditor().organizationSweep()).isEmpty();
            String sweepAlias = Cfn.logicalId(single.home, "AWS::Lambda::Alias", "SweepAlias");
            Map<String, Object> critical = Cfn.props(Cfn.resources(single.home, "AWS::Events::Rule")
                    .get(Cfn.logicalId(single.home, "AWS::Events::Rule", "CriticalSweep")));
            assertThat(Cfn.<Object>at(critical, "Targets", 0, "Arn")).isEqualTo(Cfn.ref(sweepAlias));
            assertThat(single.home.toJSON().toString()).doesNotContain("PrincipalOrgID", "SweepPlanHandler");
        }
    }

    // ---- helpers

    private static Map<String, Object> stackSet(String fragment) {
        return Cfn.props(Cfn.resources(org.home, STACK_SET).get(Cfn.logicalId(org.home, STACK_SET, fragment)));
    }

    private static Map<String, Object> parameters(Map<String, Object> stackSet) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Object p : Cfn.oneOrMany(stackSet.get("Parameters"))) {
            Map<?, ?> parameter = (Map<?, ?>) p;
            result.put((String) parameter.get("ParameterKey"), parameter.get("ParameterValue"));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> templateParameters(Template template) {
        return ((Map<String, Object>) template.toJSON().getOrDefault("Parameters", Map.of())).keySet();
    }

    /** Every resource but the one no-op placeholder carries the not-the-central-account condition. */
    @SuppressWarnings("unchecked")
    private static boolean onlyOutsideTheCentralAccount(Template template) {
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        assertThat(resources).isNotEmpty();
        resources.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if ("AWS::CloudFormation::WaitConditionHandle".equals(resource.get("Type"))) {
                assertThat(resource).doesNotContainKey("Condition");
            } else {
                assertThat(resource.get("Condition")).as(id).isEqualTo(MemberStacks.NOT_CENTRAL);
            }
        });
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statementsOfPoliciesMatching(String fragment) {
        List<Map<String, Object>> all = new ArrayList<>();
        Cfn.resources(org.home, "AWS::IAM::Policy").forEach((id, policy) -> {
            Map<String, Object> props = Cfn.props(policy);
            if (id.contains(fragment) || Cfn.oneOrMany(props.get("Roles")).toString().contains(fragment)) {
                all.addAll(Cfn.<List<Map<String, Object>>>at(props, "PolicyDocument", "Statement"));
            }
        });
        assertThat(all).as("policies of " + fragment).isNotEmpty();
        return all;
    }

    /** The state machine's definition, its intrinsic parts rendered as placeholders. */
    private static JsonNode definition() {
        Object definition = Cfn.props(Cfn.resources(org.home, "AWS::StepFunctions::StateMachine").values().iterator()
                .next()).get("DefinitionString");
        StringBuilder json = new StringBuilder();
        if (definition instanceof String text) {
            json.append(text);
        } else {
            List<Object> parts = Cfn.at(definition, "Fn::Join", 1);
            parts.forEach(part -> json.append(part instanceof String s ? s : "TOKEN"));
        }
        try {
            return new ObjectMapper().readTree(json.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError("state machine definition is not JSON: " + json, e);
        }
    }
}
