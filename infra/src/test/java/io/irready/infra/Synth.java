package io.irready.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the real app (nag aspects included) once per context; jsii synths are slow, so tests share them. */
final class Synth {
    /** Surefire runs in the infra module; the reactor builds the functions jar before this module's tests. */
    static final String FUNCTIONS_JAR = "../functions/target/irready-lambda.zip";

    final IrreadyApp.Deployment deployment;
    final Template home;
    final Map<String, Template> forwarders = new LinkedHashMap<>();
    /** Organization mode: the member stacks the StackSets deploy. */
    final Map<String, Template> members = new LinkedHashMap<>();

    private Synth(Map<String, Object> context) {
        Map<String, Object> ctx = new LinkedHashMap<>(context);
        ctx.putIfAbsent("functionsJar", FUNCTIONS_JAR);
        App app = new App(AppProps.builder().context(ctx).build());
        deployment = IrreadyApp.build(app, patterns());
        home = Template.fromStack(deployment.home());
        deployment.forwarders().forEach((region, stack) -> forwarders.put(region, Template.fromStack(stack)));
        deployment.members().forEach((name, stack) -> members.put(name, Template.fromStack(stack)));
    }

    static Synth of(Map<String, Object> context) {
        return new Synth(context);
    }

    private static Synth full;
    private static Synth minimal;

    /**
     * Every optional part on, home eu-west-1 with regions eu-west-1,us-east-1 (one forwarder); shared by the
     * template and cdk-nag tests (surefire runs the classes in one JVM).
     */
    static synchronized Synth full() {
        if (full == null) {
            full = of(Map.of(
                    "homeRegion", "eu-west-1",
                    "regions", "eu-west-1,us-east-1",
                    "alertEmails", "secops@example.com, ir-lead@example.com",
                    "slackWorkspaceId", "T0123456789",
                    "slackChannelId", "C0123456789",
                    "slackWebhookSecretName", "irready/slack-webhook",
                    "integrityTopicArn", "arn:aws:sns:eu-west-1:210987654321:security-integrity",
                    "responderRoleArn", "arn:aws:iam::123456789012:role/IncidentResponder",
                    "minAlertSeverity", "high",
                    "suppressions", "vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0sandbox*"));
        }
        return full;
    }

    private static Synth organization;

    /**
     * Organization mode ({@code -c organization=true}) with two OUs, home eu-west-1 watching eu-central-1 too,
     * 25 accounts at a time and 5 % tolerated failures; shared by the organization template and cfn-lint tests.
     */
    static synchronized Synth organization() {
        if (organization == null) {
            organization = of(organizationContext());
        }
        return organization;
    }

    static Map<String, Object> organizationContext() {
        return Map.of(
                "homeRegion", "eu-west-1",
                "regions", "eu-west-1,eu-central-1",
                "organization", "true",
                "organizationId", "o-abcdefghij",
                "organizationUnits", "ou-ab12-cdef3456,ou-ab12-ghij7890",
                "orgSweepConcurrency", "25",
                "orgSweepToleratedFailurePercent", "5");
    }

    /** Nothing optional, home us-east-1 (so no forwarder), other schedule and retention. */
    static synchronized Synth minimal() {
        if (minimal == null) {
            minimal = of(Map.of(
                    "homeRegion", "us-east-1",
                    "criticalSweepMinutes", "10",
                    "fullSweepMinutes", 120,
                    "retentionDays", "400"));
        }
        return minimal;
    }

    static List<Map<String, Object>> patterns() {
        return IrreadyApp.routedPatterns();
    }

    List<Stack> stacks() {
        List<Stack> all = new java.util.ArrayList<>(List.of(deployment.home()));
        all.addAll(deployment.forwarders().values());
        all.addAll(deployment.members().values());
        return all;
    }
}
