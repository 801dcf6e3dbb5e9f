package io.irready.infra;

import io.irready.events.EventBridgePatterns;
import io.irready.checks.Catalog;
import io.irready.core.AccountScope;
import io.irready.core.Severity;
import io.irready.core.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;

/**
 * The CDK app behind {@code cdk.json}: reads the deployment's settings from context ({@code cdk.json} defaults,
 * overridden with {@code -c key=value}), builds the home stack with a {@link ReadinessAuditor} and one
 * {@link EventForwarder} stack per other region (and us-east-1, forwarding only the global services' events
 * when it is not itself a watched region), and applies cdk-nag's AWS Solutions checks. The home region is
 * chosen by {@link HomeRegion} and printed on stderr.
 *
 * <p>Context keys: {@code alertEmails}, {@code slackWorkspaceId}, {@code slackChannelId},
 * {@code slackWebhookSecretName}, {@code homeRegion}, {@code regions}, {@code retentionDays},
 * {@code responderRoleArn}, {@code minAlertSeverity}, {@code disabledChecks}, {@code suppressions},
 * {@code integrityTopicArn} (with {@code integrityTopicKeyArn} when that topic has a customer-managed key),
 * {@code criticalSweepMinutes}, {@code fullSweepMinutes}, {@code functionsJar},
 * {@code securityHub}, {@code auditRoleName} and {@code accountScope} (other accounts of the organization),
 * {@code mutelist} (path of a mute list file, deployed as a layer); organization mode ({@link OrganizationSettings}):
 * {@code organization}, {@code organizationId}, {@code organizationUnits} or {@code organizationRootId},
 * {@code stackSetCallAs}, {@code orgSweepConcurrency}, {@code orgSweepToleratedFailurePercent},
 * {@code memberStacksOnly};
 * {@code canaryMinutes} and
 * {@code canaryMaxDelayMinutes} (the pipeline canary's schedule and the wait before a region counts as blind).
 * Lists are comma-separated (or JSON arrays in {@code cdk.json}); an empty value means "not set".
 */
public final class IrreadyApp {
    public static final String HOME_STACK = "Irready";
    public static final String FORWARDER_STACK_PREFIX = "Irready-Forwarder-";

    /**
     * What {@link #build} created. {@code members}: in organization mode the member stacks (synthesized for the
     * StackSets, or with {@code memberStacksOnly} the only stacks, {@code home} and {@code auditor} then null).
     */
    public record Deployment(Stack home, ReadinessAuditor auditor, Map<String, Stack> forwarders,
                             Map<String, Stack> members) {
    }

    private IrreadyApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app, routedPatterns());
        app.synth();
    }

    /** The routing table's EventBridge patterns: the rules are generated from them, never written by hand. */
    public static List<Map<String, Object>> routedPatterns() {
        return EventBridgePatterns.of(Catalog.routeTable());
    }

    /** Builds every stack from the app's context. */
    public static Deployment build(App app, List<Map<String, Object>> eventPatterns) {
        Context ctx = new Context(app);
        HomeRegion chosen = HomeRegion.choose(ctx.string("homeRegion"), ctx.list("regions"),
                Optional.ofNullable(System.getenv("CDK_DEFAULT_REGION")).filter(s -> !s.isBlank()));
        System.err.println(chosen.announcement()); // stderr: stdout is the CLI's
        String home = chosen.region();
        ReadinessAuditorProps.Builder props = ReadinessAuditorProps.builder()
                .alertEmails(ctx.list("alertEmails"))
                .slackWorkspaceId(ctx.string("slackWorkspaceId").orElse(null))
                .slackChannelId(ctx.string("slackChannelId").orElse(null))
                .slackWebhookSecretName(ctx.string("slackWebhookSecretName").orElse(null))
                .regions(ctx.list("regions"))
                .responderRoleArn(ctx.string("responderRoleArn").orElse(null))
                .disabledChecks(new LinkedHashSet<>(ctx.list("disabledChecks")))
                .suppressions(ctx.list("suppressions").stream().map(Suppression::parse).toList())
                .integrityTopicArn(ctx.string("integrityTopicArn").orElse(null))
                .integrityTopicKeyArn(ctx.string("integrityTopicKeyArn").orElse(null))
                .eventPatterns(eventPatterns);
        ctx.integer("retentionDays").ifPresent(props::retentionDays);
        ctx.integer("criticalSweepMinutes").ifPresent(props::criticalSweepMinutes);
        ctx.integer("fullSweepMinutes").ifPresent(props::fullSweepMinutes);
        ctx.string("minAlertSeverity").map(Severity::parse).ifPresent(props::minAlertSeverity);
        ctx.string("functionsJar").map(Path::of).ifPresent(props::functionsJar);
        ctx.bool("securityHub").ifPresent(props::securityHub);
        ctx.string("auditRoleName").ifPresent(props::auditRoleName);
        props.accountScope(AccountScope.parse(String.join(",", ctx.list("accountScope"))));
        ctx.string("mutelist").map(Path::of).ifPresent(props::mutelist);
        Optional<OrganizationSettings> org = OrganizationSettings.fromContext(ctx::string, ctx::list, ctx::integer);
        if (org.isPresent() && ctx.string("auditRoleName").isEmpty()) {
            props.auditRoleName(ReadinessAuditorProps.DEFAULT_AUDIT_ROLE_NAME); // members' role, assumed by name
        }
        ctx.integer("canaryMinutes").ifPresent(props::canaryMinutes);
        ctx.integer("canaryMaxDelayMinutes").ifPresent(props::canaryMaxDelayMinutes);
        ReadinessAuditorProps planned = props.build();
        List<ForwarderPlan> plans = planned.forwarderRegions(home).stream()
                .map(region -> ForwarderPlan.of(FORWARDER_STACK_PREFIX + region, region, planned.sweepRegions(home),
                        eventPatterns))
                .toList();
        ReadinessAuditorProps built = props.forwarders(plans.stream().map(ForwarderPlan::identity).toList()).build();

        // unresolved (null) when offline: the stacks then use the deploying credentials' account
        String account = Optional.ofNullable(System.getenv("CDK_DEFAULT_ACCOUNT")).filter(s -> !s.isBlank())
                .orElse(null);
        if (org.isPresent() && org.get().memberStacksOnly()) {
            Map<String, Stack> members = OrganizationDeployment.memberStacksOnly(app, built, home, account,
                    eventPatterns);
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
            return new Deployment(null, null, Map.of(), members);
        }
        Stack homeStack = new Stack(app, HOME_STACK, StackProps.builder()
                .env(Environment.builder().account(account).region(home).build())
                .description("irready: continuous incident-response readiness auditor (home region " + home + ")")
                .build());
        ReadinessAuditor auditor = new ReadinessAuditor(homeStack, "Auditor", built, org.orElse(null));
        CfnOutput.Builder.create(homeStack, "FindingsTableName").value(auditor.table().getTableName())
                .description("DynamoDB table with every finding; failing ones via index open-findings").build();
        CfnOutput.Builder.create(homeStack, "AlertTopicArn").value(auditor.topic().getTopicArn())
                .description("SNS topic irready alerts on; subscribe more endpoints here").build();
        CfnOutput.Builder.create(homeStack, "DashboardName").value(auditor.dashboard().getDashboardName())
                .description("CloudWatch dashboard: readiness score per region, failing findings, events, errors").build();
        Map<String, Stack> forwarders = new java.util.LinkedHashMap<>();
        for (ForwarderPlan plan : plans) {
            String region = plan.region();
            Stack stack = new Stack(app, FORWARDER_STACK_PREFIX + region, StackProps.builder()
                    .env(Environment.builder().account(account).region(region).build())
                    .description("irready: forwards " + region + " CloudTrail events to the home region " + home)
                    .build());
            new EventForwarder(stack, "Forwarder", home, plan);
            if (built.sweepRegions(home).contains(region)) {
                CanaryLogGroup.create(stack); // a watched region: the canary proves its events reach home
            }
            forwarders.put(region, stack);
        }
        Map<String, Stack> members = org.map(o -> OrganizationDeployment.central(homeStack, auditor, built, o,
                eventPatterns)).orElse(Map.of());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new Deployment(homeStack, auditor, forwarders, members);
    }

    /** Context values as the CLI gives them (strings from {@code -c}, JSON values from {@code cdk.json}). */
    record Context(App app) {
        Optional<String> string(String key) {
            Object value = app.getNode().tryGetContext(key);
            if (value == null) {
                return Optional.empty();
            }
            String text = String.valueOf(value).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }

        List<String> list(String key) {
            Object value = app.getNode().tryGetContext(key);
            List<String> result = new ArrayList<>();
            if (value instanceof Collection<?> items) {
                items.forEach(item -> result.add(String.valueOf(item).trim()));
            } else if (value != null) {
                result.addAll(Arrays.asList(String.valueOf(value).split(",")));
            }
            return result.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        Optional<Boolean> bool(String key) {
            return string(key).map(text -> switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("context " + key + " must be true or false, got '"
                        + text + "'");
            });
        }

        Optional<Integer> integer(String key) {
            return string(key).map(text -> {
                try {
                    double number = Double.parseDouble(text); // cdk.json numbers may arrive as 5.0
                    if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
                        throw new NumberFormatException(text);
                    }
                    return (int) number;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("context " + key + " must be a whole number, got '" + text + "'");
                }
            });
        }
    }
}
