package io.irready.checks.lambda;

import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.iam.Decision;
import io.irready.inventory.iam.IamInventory;
import io.irready.inventory.iam.PolicySimulation;
import io.irready.inventory.iam.PolicySimulation.Result;
import io.irready.inventory.iam.SimulationRequest;
import io.irready.inventory.lambda.LambdaFunction;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LambdaCanWriteLogsTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/service-role/orders-role";
    private static final String GROUPS = "arn:aws:logs:eu-west-1:123456789012:log-group:";
    private final CheckHarness check = CheckHarness.of(new LambdaCanWriteLogs());

    private static LambdaFunction function(String name, String role, String customGroup) {
        return new LambdaFunction(name, "arn:aws:lambda:eu-west-1:123456789012:function:" + name, role,
                Optional.ofNullable(customGroup));
    }

    private static Result result(String action, String group, Decision decision) {
        return new Result(action, GROUPS + group + ":*", decision);
    }

    private Evaluation evaluate(List<LambdaFunction> functions, Function<SimulationRequest, PolicySimulation> iam,
                                Scope scope) {
        return check.evaluate(inventory()
                .with(LambdaInventory.class, LambdaInventory.of(functions))
                .with(IamInventory.class, new IamInventory(iam))
                .build(), scope);
    }

    private static Function<SimulationRequest, PolicySimulation> answering(Result... results) {
        return request -> new PolicySimulation(request.principalArn(), List.of(results));
    }

    @Test
    void roleAllowedBothActionsOnTheDefaultGroupPasses() {
        Evaluation e = evaluate(List.of(function("orders", ROLE, null)), answering(
                result("logs:CreateLogStream", "/aws/lambda/orders", Decision.ALLOWED),
                result("logs:PutLogEvents", "/aws/lambda/orders", Decision.ALLOWED)), Scope.REGION);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.resourceId()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders");
            assertThat(f.reason()).isEqualTo("Execution role " + ROLE + " of function orders may logs:CreateLogStream "
                    + "and logs:PutLogEvents on log group /aws/lambda/orders (IAM policy simulation; resource policies "
                    + "and KMS key access not evaluated).");
        });
    }

    @Test
    void explicitDenyOnPutLogEventsFailsSayingExplicitlyDenied() {
        Evaluation e = evaluate(List.of(function("orders", ROLE, null)), answering(
                result("logs:CreateLogStream", "/aws/lambda/orders", Decision.ALLOWED),
                result("logs:PutLogEvents", "/aws/lambda/orders", Decision.EXPLICIT_DENY)), Scope.REGION);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo("Function orders cannot write its logs: execution role " + ROLE
                    + " is explicitly denied logs:PutLogEvents (a deny statement, permissions boundary or SCP) on log "
                    + "group /aws/lambda/orders. Grant them to the role, e.g. by attaching AWSLambdaBasicExecutionRole, "
                    + "and remove what denies them.");
        });
    }

    @Test
    void customLoggingConfigGroupIsTheOneSimulatedAndAMissingGrantIsNotAllowed() {
        List<SimulationRequest> asked = new ArrayList<>();
        Evaluation e = evaluate(List.of(function("orders", ROLE, "/shared/app-logs")), request -> {
            asked.add(request);
            // the role may write only the default group: the custom group is not covered
            return new PolicySimulation(ROLE, List.of(
                    result("logs:CreateLogStream", "/aws/lambda/orders", Decision.ALLOWED),
                    result("logs:PutLogEvents", "/aws/lambda/orders", Decision.ALLOWED),
                    result("logs:CreateLogStream", "/shared/app-logs", Decision.IMPLICIT_DENY),
                    result("logs:PutLogEvents", "/shared/app-logs", Decision.IMPLICIT_DENY)));
        }, Scope.REGION);
        assertThat(asked).singleElement().satisfies(r ->
                assertThat(r.resourceArns()).containsExactly(GROUPS + "/shared/app-logs:*"));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo("Function orders cannot write its logs: execution role " + ROLE
                    + " is not allowed logs:CreateLogStream and logs:PutLogEvents (no policy grants it, or its "
                    + "permissions boundary does not) on log group /shared/app-logs (its LoggingConfig group). Grant them "
                    + "to the role, e.g. by attaching AWSLambdaBasicExecutionRole, and remove what denies them.");
        });
    }

    @Test
    void aWildcardAnswerAppliesToEveryGroup() {
        Evaluation e = evaluate(List.of(function("a", ROLE, null)), answering(
                new Result("logs:CreateLogStream", "*", Decision.ALLOWED),
                new Result("logs:PutLogEvents", "*", Decision.ALLOWED)), Scope.REGION);
        assertThat(e.findings()).extracting(Finding::status).containsExactly(Status.PASS);
    }

    @Test
    void simulatesOncePerRoleWithAllItsFunctionsGroups() {
        String other = "arn:aws:iam::123456789012:role/other";
        List<SimulationRequest> asked = new ArrayList<>();
        evaluate(List.of(function("a", ROLE, null), function("b", ROLE, "/custom/b"), function("c", other, null)),
                request -> {
                    asked.add(request);
                    return new PolicySimulation(request.principalArn(), List.of());
                }, Scope.REGION);
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).principalArn()).isEqualTo(ROLE);
        assertThat(asked.get(0).actions()).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(asked.get(0).resourceArns()).containsExactly(GROUPS + "/aws/lambda/a:*", GROUPS + "/custom/b:*");
        assertThat(asked.get(1).resourceArns()).containsExactly(GROUPS + "/aws/lambda/c:*");
    }

    @Test
    void anEventScopeSimulatesOnlyTheNamedFunctionsRole() {
        List<SimulationRequest> asked = new ArrayList<>();
        LambdaFunction b = function("b", "arn:aws:iam::123456789012:role/b", null);
        Evaluation e = evaluate(List.of(function("a", ROLE, null), b), request -> {
            asked.add(request);
            return new PolicySimulation(request.principalArn(), List.of());
        }, Scope.of(Set.of(b.arn())));
        assertThat(asked).extracting(SimulationRequest::principalArn).containsExactly("arn:aws:iam::123456789012:role/b");
        assertThat(e.findings()).extracting(Finding::resourceId).containsExactly(b.arn());
    }

    @Test
    void aDeletedRoleFailsWithThatReason() {
        Evaluation e = evaluate(List.of(function("orders", ROLE, null)), request -> {
            throw new AwsCallFailedException("iam:SimulatePrincipalPolicy", "NoSuchEntity",
                    AwsCallFailedException.Kind.NOT_FOUND, "role not found", null);
        }, Scope.REGION);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.reason()).isEqualTo("Function orders cannot write logs: its execution role " + ROLE
                    + " does not exist (NoSuchEntity). Recreate the role or assign an existing one.");
        });
    }

    @Test
    void deniedSimulationIsAnErrorOnEachFunctionOfThatRole() {
        Evaluation e = evaluate(List.of(function("a", ROLE, null), function("b", ROLE, null)), request -> {
            throw new AwsCallFailedException("iam:SimulatePrincipalPolicy", "AccessDenied",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        }, Scope.REGION);
        assertThat(e.findings()).extracting(Finding::status).containsExactly(Status.ERROR, Status.ERROR);
        assertThat(e.findings().get(0).reason()).isEqualTo("Could not evaluate: access denied to "
                + "iam:SimulatePrincipalPolicy (AccessDenied): grant iam:SimulatePrincipalPolicy to irready's role: "
                + "not authorized");
        assertThat(e.completeChecks()).containsExactly(LambdaCanWriteLogs.ID);
    }
}
