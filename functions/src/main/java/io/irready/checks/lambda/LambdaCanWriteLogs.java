package io.irready.checks.lambda;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Inventory;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.checks.iam.RoleChanges;
import io.irready.inventory.iam.Decision;
import io.irready.inventory.iam.IamCollector;
import io.irready.inventory.iam.IamInventory;
import io.irready.inventory.iam.PolicySimulation;
import io.irready.inventory.iam.SimulationRequest;
import io.irready.inventory.lambda.LambdaCollector;
import io.irready.inventory.lambda.LambdaFunction;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.events.Route;
import io.irready.events.RoleUsers;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each function's execution role may {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on
 * the function's log group ({@code LoggingConfig.LogGroup}, else {@code /aws/lambda/<name>}), by
 * {@code iam:SimulatePrincipalPolicy}: identity policies, permissions boundaries and SCPs count.
 *
 * <p>One simulation per role, not per function: all log groups of a role's functions are asked
 * in one (paginated) call. The simulated resource is the log group ARN with the {@code :*} suffix
 * ({@code …:log-group:<name>:*}), the form policies grant and DescribeLogGroups returns, so that
 * {@code *}, {@code log-group:/aws/lambda/*} and {@code log-group:<name>:*} grants all match.
 * The simulator cannot evaluate resource policies for a role, nor KMS access to an encrypted group.
 */
public final class LambdaCanWriteLogs implements Check, Routed, RoleUsers {
    public static final String ID = "lambda-can-write-logs";
    static final List<String> ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Lambda execution roles may write to their function's log group",
            Severity.MEDIUM,
            "lambda",
            "AWS::Lambda::Function",
            Granularity.RESOURCE,
            "A function whose role cannot create log streams or put log events runs blind: its invocations, errors and "
                    + "whatever an attacker did through it (injected code, abused credentials) leave no log for the "
                    + "investigation. Attackers also add deny statements to silence a function they abuse.",
            new Remediation(
                    "IAM console > Roles > the function's execution role > Add permissions > attach "
                            + "AWSLambdaBasicExecutionRole (or a policy allowing logs:CreateLogStream and logs:PutLogEvents "
                            + "on arn:aws:logs:<region>:<account>:log-group:<log group>:*); remove any deny statement or "
                            + "permissions boundary that blocks them.",
                    "aws iam attach-role-policy --role-name <role> --policy-arn "
                            + "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            List.of(LambdaCollector.LIST_FUNCTIONS, IamCollector.SIMULATE_PRINCIPAL_POLICY),
            new References(List.of(), List.of(), List.of(), List.of("T1562.008", "T1648")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.iam", RoleChanges.CALLS)
                    .naming(Extractors.ROLE_NAME).passesRoleNames().delayedRecheck().everyRegion()
                    .because("an execution role's policies, boundary or trust can take away logs:CreateLogStream or "
                            + "logs:PutLogEvents; IAM is global and eventually consistent")
            .on("aws.lambda", "CreateFunction", "UpdateFunctionConfiguration").naming(Extractors.FUNCTION_NAME)
                    .delayedRecheck()
                    .because("a new function, or a new role or LoggingConfig log group, is judged again")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    /** The functions whose execution role has one of these names (the last segment of the role ARN's path). */
    @Override
    public Set<String> resourcesUsing(Set<String> roleNames, Inventory inventory) {
        Set<String> functions = new TreeSet<>();
        for (LambdaFunction f : inventory.service(LambdaInventory.class).functions()) {
            if (f.roleArn() != null && roleNames.contains(f.roleArn().substring(f.roleArn().lastIndexOf('/') + 1))) {
                functions.add(f.arn());
            }
        }
        return functions;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        Map<String, List<LambdaFunction>> byRole = new LinkedHashMap<>();
        for (LambdaFunction f : ctx.service(LambdaInventory.class).functions()) {
            if (ctx.scope().includes(f.arn())) {
                byRole.computeIfAbsent(f.roleArn() == null ? "" : f.roleArn(), r -> new ArrayList<>()).add(f);
            }
        }
        IamInventory iam = ctx.service(IamInventory.class);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<LambdaFunction>> entry : byRole.entrySet()) {
            String role = entry.getKey();
            List<LambdaFunction> functions = entry.getValue();
            if (role.isEmpty()) {
                functions.forEach(f -> findings.add(ctx.fail(f.arn(), "Function " + f.name()
                        + " has no execution role, so it cannot write logs: assign it a role.")));
                continue;
            }
            TreeSet<String> groups = new TreeSet<>();
            functions.forEach(f -> groups.add(logGroupArn(ctx, f)));
            PolicySimulation simulation;
            try {
                simulation = iam.simulate(new SimulationRequest(role, ACTIONS, groups));
            } catch (AwsCallFailedException e) {
                for (LambdaFunction f : functions) {
                    findings.add(e.kind() == AwsCallFailedException.Kind.NOT_FOUND
                            ? ctx.fail(f.arn(), "Function " + f.name() + " cannot write logs: its execution role "
                                    + role + " does not exist (" + e.errorCode() + "). Recreate the role or assign "
                                    + "an existing one.")
                            : ctx.error(f.arn(), e));
                }
                continue;
            }
            functions.forEach(f -> findings.add(judge(ctx, f, simulation)));
        }
        return findings;
    }

    private static Finding judge(CheckContext ctx, LambdaFunction f, PolicySimulation simulation) {
        String group = logGroupArn(ctx, f);
        List<String> denied = new ArrayList<>();
        List<String> notAllowed = new ArrayList<>();
        for (String action : ACTIONS) {
            Decision decision = simulation.decision(action, group).orElse(Decision.IMPLICIT_DENY);
            if (decision == Decision.EXPLICIT_DENY) {
                denied.add(action);
            } else if (decision == Decision.IMPLICIT_DENY) {
                notAllowed.add(action);
            }
        }
        String where = "log group " + f.logGroupName() + (f.customLogGroup().isPresent() ? " (its LoggingConfig group)" : "");
        if (denied.isEmpty() && notAllowed.isEmpty()) {
            return ctx.pass(f.arn(), "Execution role " + f.roleArn() + " of function " + f.name()
                    + " may logs:CreateLogStream and logs:PutLogEvents on " + where
                    + " (IAM policy simulation; resource policies and KMS key access not evaluated).");
        }
        List<String> problems = new ArrayList<>();
        if (!denied.isEmpty()) {
            problems.add("is explicitly denied " + String.join(" and ", denied)
                    + " (a deny statement, permissions boundary or SCP)");
        }
        if (!notAllowed.isEmpty()) {
            problems.add("is not allowed " + String.join(" and ", notAllowed)
                    + " (no policy grants it, or its permissions boundary does not)");
        }
        return ctx.fail(f.arn(), "Function " + f.name() + " cannot write its logs: execution role " + f.roleArn() + " "
                + String.join(" and ", problems) + " on " + where + ". Grant them to the role, e.g. by attaching "
                + "AWSLambdaBasicExecutionRole, and remove what denies them.");
    }

    /** The ARN the simulator is asked about: {@code arn:<partition>:logs:<region>:<account>:log-group:<name>:*}. */
    static String logGroupArn(CheckContext ctx, LambdaFunction f) {
        return "arn:" + ResourceIds.partition(ctx.region()) + ":logs:" + ctx.region() + ":" + ctx.account()
                + ":log-group:" + f.logGroupName() + ":*";
    }
}
