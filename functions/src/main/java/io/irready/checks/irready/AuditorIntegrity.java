package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Severity;
import io.irready.inventory.eventbridge.EventBridgeInventory;
import io.irready.inventory.eventbridge.EventRule;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.kms.KmsKey;
import io.irready.inventory.lambda.AuditorFunction;
import io.irready.inventory.lambda.AuditorFunctionInventory;
import io.irready.inventory.sns.TopicInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.events.ResourceKind;
import io.irready.inventory.sns.TopicCollector;
import io.irready.inventory.lambda.AuditorFunctionCollector;
import io.irready.inventory.kms.KmsCollector;
import io.irready.inventory.eventbridge.EventBridgeCollector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.arns.ArnResource;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;

/**
 * {@code auditor-integrity}: irready itself has not been switched off. Its EventBridge rules exist, are enabled
 * and target its function alias; its functions exist, are not throttled to zero and still let EventBridge invoke
 * the alias; its alert topic exists with at least one confirmed subscription; its key is enabled; and, where the
 * pipeline canary is deployed, CloudTrail events still reach it from the region ({@link CanaryPart}: in a watched
 * region other than home, a blind canary is the one thing judged there).
 *
 * <p>One finding per deployment, on the region-level id {@code <account>/<region>} of irready's home region
 * (see {@link #resourceId}), like every account+region check.
 * Every broken part is listed, so one alert tells the whole story of the tampering. NOT_APPLICABLE when no
 * {@code IRREADY_AUDITOR_*} configuration exists (a CLI scan) or in regions other than irready's own.
 */
public final class AuditorIntegrity implements Check, Routed {
    public static final String ID = "auditor-integrity";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "irready's own rules, functions, alert topic and key are intact",
            Severity.CRITICAL,
            "irready",
            "Custom::IrreadyDeployment",
            Granularity.ACCOUNT_REGION,
            "An attacker who knows irready is watching disables it first: a disabled rule, a removed target, a "
                    + "function throttled to zero or a deleted topic silences every other alert while they switch "
                    + "off logging. A blind auditor must be the loudest finding of all.",
            new Remediation(
                    "Redeploy the irready stack (CloudFormation console → the stack → Update, or cdk deploy), then "
                            + "find who changed it in CloudTrail Event History.",
                    "cdk deploy IrReady  # or: aws events enable-rule --name <rule>; aws lambda "
                            + "delete-function-concurrency --function-name <fn>"),
            List.of(EventBridgeCollector.DESCRIBE_RULE, EventBridgeCollector.LIST_TARGETS,
                    AuditorFunctionCollector.GET_FUNCTION, AuditorFunctionCollector.GET_CONCURRENCY,
                    AuditorFunctionCollector.GET_POLICY, TopicCollector.GET_TOPIC_ATTRIBUTES,
                    KmsCollector.DESCRIBE_KEY),
            new References(List.of(), List.of(), List.of(), List.of("T1562.001")));

    /** The canonical id of a deployment's finding: {@code <account>/<region>}, as for every region-level check. */
    public static String resourceId(String account, String region) {
        return io.irready.core.ResourceIds.accountRegion(account, region);
    }

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.kms", "DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "RevokeGrant", "RetireGrant").naming(Extractors.KEY_ID).disablesEvidence()
                    .onlyOwn(ResourceKind.KMS_KEY)
                    .because("irready's own alert key disabled or narrowed silences its alerts")
            .on("aws.events", "DisableRule", "DeleteRule", "RemoveTargets").disablesEvidence()
                    .because("a disabled or deleted rule, or one without targets, stops events reaching irready")
            .on("aws.events", "PutRule", "PutTargets").because("a rule or target change can redirect irready's events")
            .on("aws.lambda", "DeleteFunction", "PutFunctionConcurrency", "RemovePermission")
                    .naming(Extractors.FUNCTION_NAME).disablesEvidence()
                    .because("a deleted, throttled-to-zero or uninvokable function evaluates nothing")
            .on("aws.lambda", "DeleteFunctionConcurrency").naming(Extractors.FUNCTION_NAME)
                    .because("removing a zero concurrency limit lets irready run again")
            .on("aws.lambda", "UpdateFunctionConfiguration").naming(Extractors.FUNCTION_NAME).disablesEvidence()
                    .onlyOwn(ResourceKind.FUNCTION)
                    .because("irready's own functions reconfigured can stop evaluating")
            .on("aws.sns", "DeleteTopic", "Unsubscribe").disablesEvidence()
                    .because("a deleted alert topic or subscription silences irready's alerts")
            .on("aws.sns", "SetTopicAttributes").because("a topic policy or key change can block alerts")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return java.util.stream.Stream.concat(ROUTES.stream(), CanaryPart.routes(METADATA).stream()).toList();
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        String id = resourceId(ctx.account(), ctx.region());
        Optional<AuditorIdentity> configured = ctx.config().auditor();
        if (configured.isEmpty()) {
            return List.of(ctx.notApplicable(id, "irready's own deployment is not configured here (no "
                    + "IRREADY_AUDITOR_* settings, e.g. a CLI scan), so its integrity was not judged."));
        }
        AuditorIdentity auditor = configured.get();
        if (!auditor.region().equals(ctx.region())) {
            List<String> blind = CanaryPart.broken(ctx);
            if (!blind.isEmpty()) {
                return List.of(ctx.fail(id, String.join("; ", blind) + ". Find what stopped the events (the trail, "
                        + "the forwarding rule in " + ctx.region() + ", an SCP) and redeploy irready if it was changed."));
            }
            return List.of(ctx.notApplicable(id, "irready runs in " + auditor.region()
                    + "; its integrity is judged there."));
        }
        Parts parts = new Parts();
        Set<String> invokedFunctions = new LinkedHashSet<>();
        checkRules(ctx, auditor, parts, invokedFunctions);
        checkFunctions(ctx, auditor, parts, invokedFunctions);
        auditor.topicArn().ifPresent(topic -> checkTopic(ctx, topic, parts));
        auditor.keyArn().ifPresent(key -> checkKey(ctx, key, parts));
        parts.probe(() -> {
            parts.broken.addAll(CanaryPart.broken(ctx));
            CanaryPart.ok(ctx).ifPresent(parts.ok::add);
            return null;
        });

        String couldNot = parts.errors.isEmpty() ? "" : " Could not check: " + String.join("; ", parts.errors) + ".";
        if (!parts.broken.isEmpty()) {
            return List.of(ctx.fail(id, "irready's own deployment is impaired, so other alerts may be silenced: "
                    + String.join("; ", parts.broken) + "." + couldNot + " Redeploy irready (cdk deploy) and find "
                    + "who changed it in CloudTrail."));
        }
        if (!parts.errors.isEmpty()) {
            return List.of(ctx.finding(id, io.irready.core.Status.ERROR, "Could not evaluate: "
                    + String.join("; ", parts.errors) + "."));
        }
        return List.of(ctx.pass(id, "irready is intact: " + String.join("; ", parts.ok) + "."));
    }

    private static final class Parts {
        final List<String> broken = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> ok = new ArrayList<>();

        /** Runs one probe; a failed AWS call is recorded as "could not check", never as intact. */
        void probe(Supplier<Void> probe) {
            try {
                probe.get();
            } catch (AwsCallFailedException e) {
                errors.add(e.getMessage());
            }
        }
    }

    private static void checkRules(CheckContext ctx, AuditorIdentity auditor, Parts parts, Set<String> invoked) {
        EventBridgeInventory events = ctx.service(EventBridgeInventory.class);
        List<String> intact = new ArrayList<>();
        for (String name : auditor.ruleNames()) {
            parts.probe(() -> {
                Optional<EventRule> rule = events.rule(name);
                if (rule.isEmpty()) {
                    parts.broken.add("rule " + name + " does not exist");
                    return null;
                }
                if (!rule.get().enabled()) {
                    parts.broken.add("rule " + name + " is " + rule.get().state());
                }
                List<String> targets = events.targetArns(name);
                Optional<String> fn = auditor.functionNames().stream().map(AuditorIntegrity::functionName)
                        .filter(f -> targets.stream().anyMatch(t -> t.endsWith(":function:" + f + ":" + auditor.alias())))
                        .findFirst();
                if (fn.isEmpty()) {
                    parts.broken.add("rule " + name + " no longer targets irready's function alias '"
                            + auditor.alias() + "'" + (targets.isEmpty() ? " (it has no target)"
                            : " (targets: " + String.join(", ", targets) + ")"));
                } else {
                    invoked.add(fn.get());
                    if (rule.get().enabled()) {
                        intact.add(name);
                    }
                }
                return null;
            });
        }
        if (!intact.isEmpty()) {
            parts.ok.add("rules " + String.join(", ", intact) + " are enabled and target alias '" + auditor.alias() + "'");
        }
    }

    private static void checkFunctions(CheckContext ctx, AuditorIdentity auditor, Parts parts, Set<String> invoked) {
        AuditorFunctionInventory lambda = ctx.service(AuditorFunctionInventory.class);
        List<String> intact = new ArrayList<>();
        for (String configured : auditor.functionNames()) {
            String name = functionName(configured);
            parts.probe(() -> {
                Optional<AuditorFunction> fn = lambda.function(configured);
                if (fn.isEmpty()) {
                    parts.broken.add("function " + name + " does not exist");
                    return null;
                }
                boolean ok = true;
                if (fn.get().reservedConcurrency().filter(c -> c == 0).isPresent()) {
                    parts.broken.add("function " + name + " has reserved concurrency 0 (throttled: it never runs)");
                    ok = false;
                }
                if (invoked.contains(name)) {
                    Optional<String> policy = lambda.policy(configured, auditor.alias());
                    if (policy.isEmpty()) {
                        parts.broken.add("function " + name + ":" + auditor.alias()
                                + " has no resource policy, so EventBridge cannot invoke it");
                        ok = false;
                    } else if (!allowsEventBridge(policy.get())) {
                        parts.broken.add("function " + name + ":" + auditor.alias()
                                + " no longer allows events.amazonaws.com to invoke it");
                        ok = false;
                    }
                }
                if (ok) {
                    intact.add(name);
                }
                return null;
            });
        }
        if (!intact.isEmpty()) {
            parts.ok.add("functions " + String.join(", ", intact) + " exist, are not throttled to zero and may be "
                    + "invoked by their rules");
        }
    }

    private static void checkTopic(CheckContext ctx, String topic, Parts parts) {
        parts.probe(() -> {
            Optional<Map<String, String>> attributes = ctx.service(TopicInventory.class).attributes(topic);
            if (attributes.isEmpty()) {
                parts.broken.add("alert topic " + topic + " does not exist");
                return null;
            }
            int confirmed = number(attributes.get().get("SubscriptionsConfirmed"));
            if (confirmed < 1) {
                parts.broken.add("alert topic " + topic + " has no confirmed subscription ("
                        + number(attributes.get().get("SubscriptionsPending")) + " pending): alerts reach nobody");
            } else {
                parts.ok.add("alert topic " + topic + " has " + confirmed + " confirmed subscription"
                        + (confirmed == 1 ? "" : "s"));
            }
            return null;
        });
    }

    private static void checkKey(CheckContext ctx, String keyArn, Parts parts) {
        parts.probe(() -> {
            Optional<KmsKey> key = ctx.service(KmsInventory.class).key(keyArn);
            if (key.isEmpty()) {
                parts.broken.add("key " + keyArn + " does not exist");
            } else if (!key.get().isEnabled()) {
                parts.broken.add("key " + keyArn + " is " + key.get().state()
                        + " (irready can neither store findings nor publish alerts)");
            } else {
                parts.ok.add("key " + keyArn + " is enabled");
            }
            return null;
        });
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
                .anyMatch(s -> s.actions().stream().map(IamAction::value).anyMatch(AuditorIntegrity::isInvoke));
    }

    private static boolean isInvoke(String action) {
        return action.equalsIgnoreCase("lambda:InvokeFunction") || action.equals("lambda:*") || action.equals("*");
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
