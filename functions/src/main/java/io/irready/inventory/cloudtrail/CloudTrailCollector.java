package io.irready.inventory.cloudtrail;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/**
 * Loads {@link CloudTrailInventory} over the SDK (JSON 1.1, target prefix
 * {@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101}).
 *
 * <p>Trails are the union of two views, so that neither API's gaps lose one:
 * {@code DescribeTrails(includeShadowTrails = true)} without names, which AWS documents as every
 * trail of the region plus shadow trails (multi-region trails homed elsewhere, organization trails
 * in a member account) but which does not page; and {@code ListTrails}, which pages. ARNs that
 * ListTrails reveals and the first call did not return are described by ARN (names only match
 * trails of the current region and account). ListTrails may also list single-region trails of
 * other regions; those do not record this region and are dropped.
 */
public final class CloudTrailCollector {
    public static final String LIST_TRAILS = "cloudtrail:ListTrails";
    public static final String DESCRIBE_TRAILS = "cloudtrail:DescribeTrails";
    public static final String GET_TRAIL_STATUS = "cloudtrail:GetTrailStatus";
    public static final String GET_EVENT_SELECTORS = "cloudtrail:GetEventSelectors";

    /** How many ARNs one DescribeTrails request carries (keeps requests small; accounts rarely have more). */
    static final int DESCRIBE_BATCH = 20;

    private CloudTrailCollector() {
    }

    public static CloudTrailInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(CloudTrailClient::builder, region), region);
    }

    public static CloudTrailInventory inventory(CloudTrailClient client, String region) {
        return new CloudTrailInventory(() -> trails(client, region), arn -> status(client, arn),
                arn -> selectors(client, arn));
    }

    private static List<Trail> trails(CloudTrailClient client, String region) {
        Map<String, Trail> byArn = new LinkedHashMap<>();
        describe(client, DescribeTrailsRequest.builder().includeShadowTrails(true).build())
                .forEach(t -> byArn.putIfAbsent(t.arn(), t));
        List<String> unseen = AwsCall.call(LIST_TRAILS, () -> client.listTrailsPaginator(ListTrailsRequest.builder()
                .build()).trails().stream().map(TrailInfo::trailARN).distinct()
                .filter(arn -> !byArn.containsKey(arn)).toList());
        for (int from = 0; from < unseen.size(); from += DESCRIBE_BATCH) {
            List<String> batch = unseen.subList(from, Math.min(unseen.size(), from + DESCRIBE_BATCH));
            describe(client, DescribeTrailsRequest.builder().trailNameList(batch).includeShadowTrails(true).build())
                    .forEach(t -> byArn.putIfAbsent(t.arn(), t));
        }
        return byArn.values().stream().filter(t -> t.recordsRegion(region)).toList();
    }

    private static List<Trail> describe(CloudTrailClient client, DescribeTrailsRequest request) {
        return AwsCall.call(DESCRIBE_TRAILS, () -> client.describeTrails(request)).trailList().stream()
                .map(t -> new Trail(t.name(), t.trailARN(), t.homeRegion(), bool(t.isMultiRegionTrail()),
                        bool(t.includeGlobalServiceEvents()), bool(t.isOrganizationTrail()), t.s3BucketName(),
                        text(t.s3KeyPrefix()), bool(t.logFileValidationEnabled()), text(t.kmsKeyId()),
                        text(t.cloudWatchLogsLogGroupArn()), text(t.cloudWatchLogsRoleArn()),
                        bool(t.hasCustomEventSelectors()), bool(t.hasInsightSelectors())))
                .toList();
    }

    private static TrailStatus status(CloudTrailClient client, String trailArn) {
        GetTrailStatusResponse s = AwsCall.call(GET_TRAIL_STATUS, () -> client.getTrailStatus(r -> r.name(trailArn)));
        return new TrailStatus(bool(s.isLogging()), text(s.latestDeliveryError()), time(s.latestDeliveryTime()),
                time(s.latestCloudWatchLogsDeliveryTime()), text(s.latestCloudWatchLogsDeliveryError()),
                time(s.startLoggingTime()), time(s.stopLoggingTime()), isoTime(s.latestDeliveryAttemptTime()),
                isoTime(s.latestDeliveryAttemptSucceeded()));
    }

    /** The attempt fields are ISO-8601 strings ({@code 2023-01-21T18:58:49Z}); blank or unreadable is absent. */
    static Optional<Instant> isoTime(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static TrailSelectors selectors(CloudTrailClient client, String trailArn) {
        GetEventSelectorsResponse r = AwsCall.call(GET_EVENT_SELECTORS,
                () -> client.getEventSelectors(b -> b.trailName(trailArn)));
        List<TrailSelectors.EventSelector> classic = r.eventSelectors().stream()
                .map(s -> new TrailSelectors.EventSelector(
                        s.readWriteTypeAsString() == null ? "All" : s.readWriteTypeAsString(),
                        // the API documents IncludeManagementEvents as defaulting to true
                        s.includeManagementEvents() == null || s.includeManagementEvents(),
                        s.excludeManagementEventSources(),
                        s.dataResources().stream().map(d -> new TrailSelectors.DataResource(
                                d.type() == null ? "" : d.type(), d.values())).toList()))
                .toList();
        List<TrailSelectors.AdvancedEventSelector> advanced = r.advancedEventSelectors().stream()
                .map(a -> new TrailSelectors.AdvancedEventSelector(Optional.ofNullable(a.name()),
                        a.fieldSelectors().stream().map(f -> new TrailSelectors.FieldSelector(f.field(),
                                f.equalsValue(), f.notEquals(), f.startsWith(), f.notStartsWith(), f.endsWith(),
                                f.notEndsWith())).toList()))
                .toList();
        return new TrailSelectors(classic, advanced);
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Optional<Instant> time(Instant value) {
        return Optional.ofNullable(value);
    }
}
