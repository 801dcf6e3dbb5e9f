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
import io.irready.inventory.ssm.DefaultHostManagement;
import io.irready.inventory.ssm.ManagedInstance;
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
 * Running instances are online SSM managed instances: the responder's way in to collect memory,
 * processes and logs from a host without SSH keys or opening ports during an incident.
 */
public final class Ec2SsmManaged implements Check, Routed {
    public static final String ID = "ec2-ssm-managed";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Running EC2 instances are online SSM managed instances",
            Severity.MEDIUM,
            "ec2",
            "AWS::EC2::Instance",
            Granularity.RESOURCE,
            "Systems Manager is how a responder reaches a host during an incident: run forensic collection "
                    + "(Run Command), open a session without SSH keys or inbound ports, and gather inventory. An "
                    + "instance that is not an online managed instance must be reached by other means, late.",
            new Remediation(
                    "Systems Manager console → Fleet Manager → Account management → Default Host Management "
                            + "Configuration: enable it; or attach an instance profile whose role has "
                            + "AmazonSSMManagedInstanceCore. Make sure the SSM agent runs and the instance reaches "
                            + "the ssm, ssmmessages and ec2messages endpoints.",
                    "aws ssm update-service-setting --setting-id "
                            + "/ssm/managed-instance/default-ec2-instance-management-role --setting-value "
                            + "service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole  # or: aws ec2 "
                            + "associate-iam-instance-profile --instance-id <id> --iam-instance-profile Name=<profile>"),
            List.of(Ec2Collector.DESCRIBE_INSTANCES, SsmCollector.DESCRIBE_INSTANCE_INFORMATION,
                    SsmCollector.GET_SERVICE_SETTING),
            new References(
                    List.of(),
                    List.of("SSM.1"),
                    List.of(),
                    List.of("T1562.001")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.ec2", Instances.INSTANCE_CHANGES).naming(Extractors.INSTANCE_ID).delayedRecheck()
                    .because("a started instance, or one whose instance profile changed, may gain or lose SSM "
                            + "management; SSM registration lags the change")
            .on("aws.ssm", "DeregisterManagedInstance", "UpdateServiceSetting").naming(Extractors.SSM_INSTANCE_ID)
                    .delayedRecheck()
                    .because("deregistering an instance, or changing default host management, changes which "
                            + "instances SSM manages")
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
        return Instances.judgeEach(ctx, Ec2SsmManaged::judge);
    }

    private static Finding judge(CheckContext ctx, String arn, Ec2Instance instance) {
        SsmInventory ssm = ctx.service(SsmInventory.class);
        Optional<ManagedInstance> managed = ssm.managedInstance(instance.id());
        if (managed.isPresent()) {
            ManagedInstance m = managed.get();
            if (m.isOnline()) {
                return ctx.pass(arn, "Instance " + instance.id() + " is an online SSM managed instance"
                        + m.agentVersion().map(v -> " (agent " + v + ")").orElse("") + ".");
            }
            return ctx.fail(arn, "Instance " + instance.id() + " is registered with SSM but not online (PingStatus "
                    + m.pingStatus() + "): check that the SSM agent runs and can reach the ssm, ssmmessages and "
                    + "ec2messages endpoints.");
        }
        if (instance.instanceProfileArn().isEmpty()) {
            // Only instances without a profile need the region's DHMC setting.
            DefaultHostManagement dhmc = ssm.defaultHostManagement();
            if (!dhmc.enabled()) {
                return ctx.fail(arn, "Instance " + instance.id() + " is not an SSM managed instance: it has no "
                        + "instance profile and Default Host Management Configuration is off in " + ctx.region()
                        + ". Enable DHMC or attach an instance profile with AmazonSSMManagedInstanceCore.");
            }
            return ctx.fail(arn, "Instance " + instance.id() + " is not an SSM managed instance although Default "
                    + "Host Management Configuration is on (role " + dhmc.role().get() + "): check that the SSM "
                    + "agent is at least 3.2.582.0, runs, the instance uses IMDSv2 and reaches the SSM endpoints.");
        }
        return ctx.fail(arn, "Instance " + instance.id() + " is not an SSM managed instance although it has instance "
                + "profile " + instance.instanceProfileArn().get() + ": the profile's role lacks "
                + "AmazonSSMManagedInstanceCore, or the SSM agent is not running or cannot reach the SSM endpoints.");
    }
}
