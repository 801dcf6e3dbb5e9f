package io.irready.checks.logs;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.EachResource;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.events.Extractors;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.SubscriptionFilter;
import io.irready.inventory.logs.SubscriptionFilterCollector;
import io.irready.inventory.logs.SubscriptionFilterInventory;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code logs-long-term-copy}: a forensic log group (the selection of {@link ForensicLogGroups}) that expires its events sooner than
 * {@code Config.retentionDays} streams them, through a subscription filter, to a store that outlives
 * it: a Firehose delivery stream, a Kinesis stream, a Lambda function, or a CloudWatch Logs destination
 * (which fronts another account's Kinesis or Firehose stream). A one-off export task copies what exists
 * today and nothing that arrives tomorrow, so it does not count. Groups kept at least the threshold, or
 * never expiring, need no copy and are NOT_APPLICABLE.
 */
public final class LogsLongTermCopy implements Check, Routed {
    public static final String ID = "logs-long-term-copy";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "Forensic log groups kept less than the retention threshold stream their events to a longer-lived store",
            Severity.MEDIUM,
            "logs",
            "AWS::Logs::LogGroup",
            Granularity.RESOURCE,
            "Short CloudWatch Logs retention is often a deliberate cost choice, and fine as long as the events "
                    + "also flow somewhere that keeps them (S3 through Firehose, a SIEM through Kinesis or Lambda). "
                    + "Without such a copy a 30-day group holds no trace of an intrusion found in month two. Only a "
                    + "subscription filter copies every event as it arrives; an export task is a one-off snapshot.",
            new Remediation(
                    "CloudWatch console > Log groups > select the group > Actions > Subscription filters > Create "
                            + "Amazon Data Firehose (or Kinesis / Lambda) subscription filter > choose a stream that "
                            + "delivers to S3 with the retention you need; or raise the group's retention instead.",
                    "aws logs put-subscription-filter --log-group-name <name> --filter-name to-archive "
                            + "--filter-pattern \"\" --destination-arn arn:aws:firehose:<region>:<account>:"
                            + "deliverystream/<stream> --role-arn <role that may firehose:PutRecord*>"),
            ForensicLogGroups.permissionsAnd(SubscriptionFilterCollector.DESCRIBE_SUBSCRIPTION_FILTERS),
            new References(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of("T1070", "T1562.008")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.logs", "DeleteSubscriptionFilter").naming(Extractors.LOG_GROUP_NAME).disablesEvidence()
                    .because("deleting the subscription filter stops copying a short-lived group's events")
            .on("aws.logs", "PutSubscriptionFilter", "PutRetentionPolicy").naming(Extractors.LOG_GROUP_NAME)
                    .because("a new filter copies the group's events; a retention change decides whether a copy is "
                            + "needed at all")
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
        int threshold = ctx.config().retentionDays();
        return EachResource.judge(ctx, ForensicLogGroups.inScope(ctx), f -> f.group().arn(),
                f -> judge(ctx, f, threshold));
    }

    private static Finding judge(CheckContext ctx, ForensicLogGroups.Forensic forensic, int threshold) {
        LogGroup group = forensic.group();
        String name = "Log group " + group.name();
        if (group.retentionDays().isEmpty()) {
            return ctx.notApplicable(group.arn(), name + " never expires its events: no copy needed.");
        }
        int days = group.retentionDays().get();
        if (days >= threshold) {
            return ctx.notApplicable(group.arn(), name + " is kept " + days + " days (threshold " + threshold
                    + "): no copy needed.");
        }
        List<SubscriptionFilter> filters = ctx.service(SubscriptionFilterInventory.class).filters(group.name());
        List<SubscriptionFilter> copies = filters.stream().filter(f -> store(f.destinationArn()).isPresent()).toList();
        if (!copies.isEmpty()) {
            String where = copies.stream().map(f -> "filter " + f.name() + " → " + store(f.destinationArn()).get()
                    + " " + f.destinationArn()).collect(Collectors.joining(", "));
            return ctx.pass(group.arn(), name + " is kept only " + days + " days (threshold " + threshold
                    + ") but streams its events to a longer-lived store: " + where + ".");
        }
        String others = filters.isEmpty() ? "" : " Its filters (" + filters.stream()
                .map(f -> f.name() + " → " + f.destinationArn()).collect(Collectors.joining(", "))
                + ") send nowhere irready recognises as a store.";
        return ctx.fail(group.arn(), forensic.subject() + " but is kept only " + days + " days (threshold "
                + threshold + ") and no subscription filter streams it to a longer-lived store (Firehose, Kinesis "
                + "or Lambda): its events are gone after " + days + " days." + others + " Add one (aws logs "
                + "put-subscription-filter --log-group-name " + group.name() + " --destination-arn <stream>) or "
                + "keep the group at least " + threshold + " days.");
    }

    /** What kind of store a subscription destination is, or empty when it is none irready recognises. */
    static Optional<String> store(String destinationArn) {
        if (destinationArn == null) {
            return Optional.empty();
        }
        String[] parts = destinationArn.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        String service = parts[2];
        String resource = parts[5];
        if (service.equals("firehose") && resource.startsWith("deliverystream/")) {
            return Optional.of("Firehose delivery stream");
        }
        if (service.equals("kinesis") && resource.startsWith("stream/")) {
            return Optional.of("Kinesis stream");
        }
        if (service.equals("lambda") && resource.startsWith("function:")) {
            return Optional.of("Lambda function");
        }
        if (service.equals("logs") && resource.startsWith("destination:")) {
            return Optional.of("CloudWatch Logs destination");
        }
        return Optional.empty();
    }
}
