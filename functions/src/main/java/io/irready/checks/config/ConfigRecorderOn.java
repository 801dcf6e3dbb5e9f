package io.irready.checks.config;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.config.ConfigRecorder;
import io.irready.inventory.config.ConfigRecorderInventory;
import io.irready.inventory.config.DeliveryChannel;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.config.ConfigRecorderCollector;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code config-recorder-on}: an AWS Config recorder is recording in the region and its delivery
 * channel is delivering. A recorder whose channel is missing, or whose last history or snapshot
 * delivery failed (a deleted bucket, a changed bucket or key policy), records into nowhere: the
 * console's timeline may still show recent items, but the history files an investigator exports
 * from S3 stop at the failure.
 */
public final class ConfigRecorderOn implements Check, Routed {
    public static final String ID = "config-recorder-on";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "An AWS Config recorder is recording in the region and its delivery channel delivers",
            Severity.LOW,
            "config",
            "AWS::Config::ConfigurationRecorder",
            Granularity.ACCOUNT_REGION,
            "AWS Config keeps the configuration history of resources: what a security group, a bucket policy or "
                    + "a role looked like before and after the attacker touched it. Without a recording recorder "
                    + "an investigator can only see the state as it is now; without a working delivery channel the "
                    + "history never reaches the bucket it is kept in.",
            new Remediation(
                    "AWS Config console → (region) → Settings → Recorder: turn recording on (or Get started to "
                            + "create a recorder and a delivery channel); for a failing delivery: Settings → Delivery "
                            + "method: an existing bucket whose policy lets AWS Config write (and the KMS key, if any).",
                    "aws configservice start-configuration-recorder --configuration-recorder-name <name> "
                            + "--region <region>"),
            List.of(ConfigRecorderCollector.DESCRIBE_RECORDERS, ConfigRecorderCollector.DESCRIBE_RECORDER_STATUS,
                    ConfigRecorderCollector.DESCRIBE_DELIVERY_CHANNEL_STATUS),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.3", "CIS AWS Foundations v3.0.0 3.3"),
                    List.of("Config.1"),
                    List.of(),
                    List.of("T1562.008", "T1578")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.config", "StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel")
                    .disablesEvidence()
                    .because("a stopped or deleted recorder, or no delivery channel, records no configuration history")
            .on("aws.config", "StartConfigurationRecorder").because("a started recorder records again")
            .on("aws.config", "PutConfigurationRecorder")
                    .because("it creates the region's recorder, or replaces its role and what it records")
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
        List<ConfigRecorder> recorders = ctx.service(ConfigRecorderInventory.class).recorders();
        String id = ctx.regionResourceId();
        if (recorders.isEmpty()) {
            return List.of(ctx.fail(id, "AWS Config has no configuration recorder in " + ctx.region()
                    + ": no configuration history is kept. Set up AWS Config (recorder and delivery channel)."));
        }
        for (ConfigRecorder r : recorders) {
            if (r.recording()) {
                return List.of(judgeDelivery(ctx, id, r));
            }
        }
        String stopped = recorders.stream().map(r -> r.name() + r.lastError().map(e -> " (last error " + e + ")")
                .orElse("")).collect(Collectors.joining(", "));
        return List.of(ctx.fail(id, "AWS Config recorder " + stopped + " in " + ctx.region()
                + " is not recording: configuration changes are not kept. Start it (aws configservice "
                + "start-configuration-recorder --configuration-recorder-name " + recorders.get(0).name() + ")."));
    }

    private static Finding judgeDelivery(CheckContext ctx, String id, ConfigRecorder recorder) {
        String recording = "AWS Config recorder " + recorder.name() + " is recording in " + ctx.region();
        List<DeliveryChannel> channels = ctx.service(ConfigRecorderInventory.class).deliveryChannels();
        if (channels.isEmpty()) {
            return ctx.fail(id, recording + " but has no delivery channel: its configuration history reaches no "
                    + "bucket. Create one (aws configservice put-delivery-channel --delivery-channel "
                    + "name=default,s3BucketName=<bucket>).");
        }
        List<DeliveryChannel> failing = channels.stream().filter(DeliveryChannel::failing).toList();
        if (!failing.isEmpty()) {
            DeliveryChannel c = failing.get(0);
            return ctx.fail(id, recording + " but delivery channel " + c.name() + " failed its last delivery"
                    + c.lastError().map(e -> " (" + e + ")").orElse("") + ": configuration history is not "
                    + "reaching its bucket. Check that the bucket exists and that its policy (and KMS key policy) "
                    + "lets AWS Config write.");
        }
        return ctx.pass(id, recording + " and delivery channel " + channels.get(0).name()
                + " reports no failed delivery.");
    }
}
