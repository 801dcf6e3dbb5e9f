package io.irready.horizon;

import io.irready.core.Inventory;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API-call evidence of one region: each trail recording it (its bucket, under the account's
 * log prefix, and its CloudWatch Logs group), the S3 data events it records (kept as long as its
 * bucket keeps them), CloudTrail Event History (a fixed 90 days of management events), and
 * CloudTrail Lake (no inventory reads event data stores yet: reported as not read).
 */
final class CloudTrailHorizons {
    static final int EVENT_HISTORY_DAYS = 90;

    private CloudTrailHorizons() {
    }

    /** @param consumedGroups receives the log groups accounted for here, so they are not listed twice */
    static List<Horizon> of(Inventory inventory, Destinations destinations, Set<String> consumedGroups) {
        List<Horizon> horizons = new ArrayList<>();
        horizons.add(Horizon.days(Source.EVENT_HISTORY, inventory.region(), EVENT_HISTORY_DAYS,
                "CloudTrail keeps 90 days of management events per region whatever the trails do; no data events"));
        horizons.add(Horizon.notRead(Source.CLOUDTRAIL_LAKE, "event data stores",
                "irready has no CloudTrail Lake inventory yet: event data stores' retention is not read"));
        CloudTrailInventory cloudTrail = inventory.service(CloudTrailInventory.class);
        Map<String, Trail> trails = new LinkedHashMap<>();
        cloudTrail.trails().stream().filter(t -> t.recordsRegion(inventory.region()))
                .forEach(t -> trails.putIfAbsent(t.arn(), t));
        List<Horizon> dataEvents = new ArrayList<>();
        for (Trail trail : trails.values()) {
            Horizon bucket = bucket(inventory, destinations, trail);
            if (!cloudTrail.status(trail.arn()).logging()) {
                bucket = Horizon.days(Source.TRAIL_BUCKET, trail.name(), 0,
                        "trail is not logging: it records nothing, whatever bucket " + trail.s3BucketName() + " keeps");
            }
            horizons.add(bucket);
            trail.cloudWatchLogsLogGroupArn().ifPresent(arn -> {
                consumedGroups.add(Destinations.logGroupName(arn));
                horizons.add(destinations.of(Source.TRAIL_LOG_GROUP, trail.name(), arn));
            });
            dataEvents.add(dataEvents(cloudTrail.selectors(trail.arn()), trail, bucket));
        }
        if (trails.isEmpty()) {
            dataEvents.add(Horizon.days(Source.S3_DATA_EVENTS, inventory.region(), 0,
                    "no trail records this region: S3 data events are recorded nowhere"));
        }
        horizons.addAll(dataEvents);
        return horizons;
    }

    private static Horizon bucket(Inventory inventory, Destinations destinations, Trail trail) {
        // an organization trail writes below AWSLogs/<organization id>/, which the trail does not report
        String prefix = trail.organizationTrail() ? trail.logKeyPrefix()
                : trail.logKeyPrefix() + inventory.account() + "/CloudTrail/";
        return destinations.bucket(Source.TRAIL_BUCKET, trail.name(), trail.s3BucketName(), prefix);
    }

    private static Horizon dataEvents(TrailSelectors selectors, Trail trail, Horizon bucket) {
        boolean s3Objects = selectors.advancedEventSelectors().stream().anyMatch(CloudTrailHorizons::selectsS3Objects);
        if (s3Objects) {
            return bucket.as(Source.S3_DATA_EVENTS, trail.name(), "recorded by the trail; ");
        }
        if (!selectors.eventSelectors().isEmpty() && trail.hasCustomEventSelectors()) {
            return Horizon.notRead(Source.S3_DATA_EVENTS, trail.name(),
                    "classic event selectors: their data resources are not in the inventory");
        }
        return Horizon.days(Source.S3_DATA_EVENTS, trail.name(), 0, "the trail records no S3 data events");
    }

    private static boolean selectsS3Objects(AdvancedEventSelector selector) {
        return selector.field("eventCategory").map(f -> f.equalsValues().contains("Data")).orElse(false)
                && selector.field("resources.type").map(f -> f.equalsValues().contains("AWS::S3::Object")).orElse(false);
    }
}
