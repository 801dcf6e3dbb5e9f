package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.core.ResourceIds;
import io.irready.inventory.lambda.AuditorFunction;
import io.irready.inventory.lambda.AuditorFunctionInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.arns.ArnResource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

/**
 * Home region: irready's functions exist, are not throttled to zero, their alias points to a published
 * version, EventBridge may still invoke the alias its rules target, and (when the deployment sets one) the
 * alias' event invoke config still retries and still sends failed events to irready's dead-letter queue.
 */
final class FunctionsPart implements IntegrityPart {
    @Override
    public void judge(Where where, IntegrityReport report) {
        if (!where.home()) {
            return;
        }
        AuditorIdentity auditor = where.auditor();
        AuditorFunctionInventory lambda = where.ctx().service(AuditorFunctionInventory.class);
        List<String> intact = new ArrayList<>();
        for (String configured : auditor.functionNames()) {
            String name = functionName(configured);
            report.probe(() -> {
                Optional<AuditorFunction> fn = lambda.function(configured);
                if (fn.isEmpty()) {
                    report.broken("function " + name + " does not exist");
                    return;
                }
                int before = report.brokenParts().size();
                if (fn.get().reservedConcurrency().filter(c -> c == 0).isPresent()) {
                    report.broken("function " + name + " has reserved concurrency 0 (throttled: it never runs)");
                }
                judgeAlias(lambda, auditor, configured, name, report);
                if (report.invokedFunctions().contains(name)) {
                    Optional<String> policy = lambda.policy(configured, auditor.alias());
                    if (policy.isEmpty()) {
                        report.broken("function " + name + ":" + auditor.alias()
                                + " has no resource policy, so EventBridge cannot invoke it");
                    } else if (!allowsEventBridge(policy.get())) {
                        report.broken("function " + name + ":" + auditor.alias()
                                + " no longer allows events.amazonaws.com to invoke it");
                    }
                }
                auditor.asyncInvoke().ifPresent(expected -> judgeInvokeConfig(lambda, auditor, configured, name,
                        expected, report));
                if (report.brokenParts().size() == before) {
                    intact.add(name);
                }
            });
        }
        if (!intact.isEmpty()) {
            report.intact("functions " + String.join(", ", intact) + " exist, are not throttled to zero and may be "
                    + "invoked by their rules");
        }
    }

    private static void judgeAlias(AuditorFunctionInventory lambda, AuditorIdentity auditor, String configured,
                                   String name, IntegrityReport report) {
        Optional<AuditorFunctionInventory.AliasVersion> alias = lambda.alias(configured, auditor.alias());
        if (alias.isEmpty()) {
            report.broken("function " + name + " has no alias '" + auditor.alias() + "', which every trigger invokes");
        } else if (alias.get().functionVersion() == null || alias.get().functionVersion().equals("$LATEST")) {
            report.broken("alias " + name + ":" + auditor.alias() + " points to $LATEST instead of a published "
                    + "version (unreviewed code runs)");
        }
    }

    private static void judgeInvokeConfig(AuditorFunctionInventory lambda, AuditorIdentity auditor, String configured,
                                          String name, AuditorIdentity.AsyncInvoke expected, IntegrityReport report) {
        String alias = name + ":" + auditor.alias();
        Optional<AuditorFunctionInventory.InvokeConfig> config = lambda.invokeConfig(configured, auditor.alias());
        if (config.isEmpty()) {
            report.broken("function " + alias + " has no event invoke config (failed events are no longer kept in "
                    + "irready's dead-letter queue)");
            return;
        }
        Optional<String> destination = config.get().onFailureArn();
        if (!destination.equals(Optional.of(expected.onFailureArn()))) {
            report.broken("function " + alias + " sends failed events to " + destination.orElse("nowhere")
                    + " instead of irready's dead-letter queue " + expected.onFailureArn());
        }
        int retries = config.get().maximumRetryAttempts().orElse(2); // Lambda's default when unset
        if (retries < expected.maxRetryAttempts()) {
            report.broken("function " + alias + " retries a failed event " + retries + " time"
                    + (retries == 1 ? "" : "s") + " instead of " + expected.maxRetryAttempts());
        }
    }

    /** The function name of a name or a (possibly qualified) function ARN. */
    static String functionName(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        return ResourceIds.parse(nameOrArn).map(Arn::resource)
                .filter(resource -> resource.resourceType().isPresent())
                .map(ArnResource::resource)
                .orElse(nameOrArn);
    }

    /**
     * True when an Allow statement lets the {@code events.amazonaws.com} service invoke the function. Conditions
     * (such as the rule's source ARN) are not judged; a policy that cannot be read allows nothing.
     */
    static boolean allowsEventBridge(String policyJson) {
        IamPolicy policy;
        try {
            policy = IamPolicy.fromJson(policyJson);
        } catch (RuntimeException e) {
            return false;
        }
        return policy.statements().stream()
                .filter(s -> "Allow".equals(s.effect().value()))
                .filter(s -> s.principals().stream().anyMatch(p -> p.type().equals(IamPrincipalType.SERVICE)
                        && "events.amazonaws.com".equals(p.id())))
                .anyMatch(s -> s.actions().stream().map(IamAction::value).anyMatch(FunctionsPart::isInvoke));
    }

    private static boolean isInvoke(String action) {
        return action.equalsIgnoreCase("lambda:InvokeFunction") || action.equals("lambda:*") || action.equals("*");
    }
}
