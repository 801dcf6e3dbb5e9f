package io.irready.checks.ec2;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.ec2.Ec2Instance;
import io.irready.inventory.ssm.SsmAssociation;
import io.irready.inventory.ssm.SsmInventory;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import io.irready.inventory.ssm.SsmCollector;
import io.irready.inventory.ec2.Ec2Collector;
import java.util.List;
import java.util.Optional;

/**
 * Running instances have the CloudWatch agent: installed according to SSM inventory, or managed
 * by an association of {@code AmazonCloudWatch-ManageAgent}. Host logs that stay on the host are
 * lost with it, or altered by whoever controls it.
 */
public final class Ec2CloudWatchAgent implements Check, Routed {
    public static final String ID = "ec2-cloudwatch-agent";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Running EC2 instances have the CloudWatch agent installed or managed",
            Severity.MEDIUM,
            "ec2",
            "AWS::EC2::Instance",
            Granularity.RESOURCE,
            "The CloudWatch agent ships host logs (auth, syslog, Windows event logs, application logs) off the "
                    + "instance as they are written. Without it, evidence of what happened on the host lives only on "
                    + "the host, where an intruder can erase it and an auto-scaling event destroys it.",
            new Remediation(
                    "Systems Manager console → State Manager → Create association: document "
                            + "AmazonCloudWatch-ManageAgent (after installing the AmazonCloudWatchAgent package with "
                            + "AWS-ConfigureAWSPackage), targeting the instances; enable inventory collection "
                            + "(AWS-GatherSoftwareInventory) so irready can see the agent.",
                    "aws ssm send-command --document-name AWS-ConfigureAWSPackage --targets Key=InstanceIds,Values=<id> "
                            + "--parameters action=Install,name=AmazonCloudWatchAgent && aws ssm create-association "
                            + "--name AmazonCloudWatch-ManageAgent --targets Key=InstanceIds,Values=<id> "
                            + "--parameters action=configure,mode=ec2,optionalConfigurationSource=ssm,"
                            + "optionalConfigurationLocation=<parameter>,optionalRestart=yes"),
            List.of(Ec2Collector.DESCRIBE_INSTANCES, SsmCollector.DESCRIBE_INSTANCE_INFORMATION,
                    SsmCollector.GET_INVENTORY, SsmCollector.LIST_ASSOCIATIONS),
            new References(List.of(), List.of(), List.of(), List.of("T1070.001", "T1070.002", "T1562.001")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.ec2", Instances.INSTANCE_CHANGES).naming(Extractors.INSTANCE_ID).delayedRecheck()
                    .because("a started instance, or one whose instance profile changed, is judged again; SSM "
                            + "inventory lags the change")
            .on("aws.ssm", "DeleteAssociation", "UpdateAssociation", "CreateAssociation", "DeregisterManagedInstance")
                    .naming(Extractors.SSM_INSTANCE_ID).delayedRecheck()
                    .because("the agent is managed through SSM associations; a deregistered instance reports no "
                            + "inventory")
            .build();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public List<Finding> evaluate(CheckContext ctx) {
        return Instances.judgeEach(ctx, Ec2CloudWatchAgent::judge);
    }

    /** Cheapest evidence first: each later listing is only loaded when the earlier ones did not decide. */
    private static Finding judge(CheckContext ctx, String arn, Ec2Instance instance) {
        SsmInventory ssm = ctx.service(SsmInventory.class);
        String id = instance.id();
        if (ssm.hasCloudWatchAgentInstalled(id)) {
            return ctx.pass(arn, "Instance " + id + " has the CloudWatch agent installed (SSM inventory lists "
                    + "amazon-cloudwatch-agent).");
        }
        if (ssm.managedInstance(id).isEmpty()) {
            return ctx.fail(arn, "Instance " + id + " is not an SSM managed instance, so neither SSM inventory nor "
                    + "an AmazonCloudWatch-ManageAgent association can show or manage its CloudWatch agent: make it "
                    + "managed first (see ec2-ssm-managed).");
        }
        List<SsmAssociation> associations = ssm.cloudWatchAgentAssociations();
        Optional<SsmAssociation> managing = associations.stream()
                .filter(a -> a.targets(id, instance.tags())).findFirst();
        if (managing.isPresent()) {
            return ctx.pass(arn, "Instance " + id + " has its CloudWatch agent managed by State Manager association "
                    + managing.get().label() + " of AmazonCloudWatch-ManageAgent.");
        }
        String unresolved = unresolvedNote(associations);
        if (!ssm.hasInventoryData(id)) {
            return ctx.fail(arn, "Instance " + id + " has no SSM inventory data, so irready cannot see whether the "
                    + "CloudWatch agent is installed: enable inventory collection (AWS-GatherSoftwareInventory), or "
                    + "manage the agent with an AmazonCloudWatch-ManageAgent association." + unresolved);
        }
        return ctx.fail(arn, "Instance " + id + " does not have the CloudWatch agent: its SSM inventory lists no "
                + "amazon-cloudwatch-agent and no AmazonCloudWatch-ManageAgent association targets it. Install it "
                + "(AWS-ConfigureAWSPackage, name AmazonCloudWatchAgent) and manage it with an association."
                + unresolved);
    }

    /** Associations targeting resource groups are not resolved here; say so instead of guessing. */
    private static String unresolvedNote(List<SsmAssociation> associations) {
        List<String> labels = associations.stream().filter(a -> !a.unresolvableTargets().isEmpty())
                .map(SsmAssociation::label).toList();
        return labels.isEmpty() ? "" : " (Not resolved: association " + String.join(", ", labels)
                + " targets resource groups, which irready does not expand.)";
    }
}
