package io.irready.checks.s3;

import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.DataResource;
import io.irready.inventory.cloudtrail.TrailSelectors.EventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a trail's event selectors record S3 data events (object reads, object writes) for every
 * object of one bucket. Only selectors that cover the whole bucket count: a classic data resource of
 * type {@code AWS::S3::Object} whose value is every bucket ({@code arn:aws:s3}, {@code arn:aws:s3:::})
 * or the bucket ({@code arn:aws:s3:::bucket/}); an advanced selector on {@code eventCategory = Data} and
 * {@code resources.type = AWS::S3::Object} whose {@code resources.ARN} condition, if any, starts with a
 * prefix of the bucket's and excludes nothing that could be in it. An advanced selector that also filters
 * on other fields (event name, caller, …) records only some of the requests and does not count.
 *
 * @param reads  object reads ({@code GetObject} …) are recorded
 * @param writes object writes and deletions ({@code PutObject}, {@code DeleteObject} …) are recorded
 */
record DataEventCoverage(boolean reads, boolean writes) {
    static final DataEventCoverage NONE = new DataEventCoverage(false, false);
    static final String OBJECT_TYPE = "AWS::S3::Object";
    private static final Set<String> WHOLE_BUCKET_FIELDS = Set.of("eventCategory", "resources.type", "resources.ARN",
            "readOnly");

    boolean complete() {
        return reads && writes;
    }

    boolean any() {
        return reads || writes;
    }

    DataEventCoverage plus(DataEventCoverage other) {
        return new DataEventCoverage(reads || other.reads, writes || other.writes);
    }

    /** What {@code selectors} record of {@code bucket}'s objects ({@code bucketArn}: {@code arn:aws:s3:::bucket}). */
    static DataEventCoverage of(TrailSelectors selectors, String bucketArn) {
        DataEventCoverage coverage = NONE;
        for (EventSelector s : selectors.eventSelectors()) {
            if (s.dataResources().stream().anyMatch(d -> classicCovers(d, bucketArn))) {
                coverage = coverage.plus(readWrite(s.readWriteType()));
            }
        }
        for (AdvancedEventSelector a : selectors.advancedEventSelectors()) {
            coverage = coverage.plus(advanced(a, bucketArn));
        }
        return coverage;
    }

    private static boolean classicCovers(DataResource d, String bucketArn) {
        if (!OBJECT_TYPE.equals(d.type())) {
            return false;
        }
        String partitionS3 = bucketArn.substring(0, bucketArn.indexOf(":::"));
        return d.values().stream().anyMatch(v -> v.equals(partitionS3) || v.equals(partitionS3 + ":::")
                || v.equals(bucketArn + "/") || v.equals(bucketArn));
    }

    private static DataEventCoverage readWrite(String type) {
        return switch (type) {
            case "ReadOnly" -> new DataEventCoverage(true, false);
            case "WriteOnly" -> new DataEventCoverage(false, true);
            default -> new DataEventCoverage(true, true);
        };
    }

    private static DataEventCoverage advanced(AdvancedEventSelector a, String bucketArn) {
        boolean data = a.field("eventCategory").map(f -> f.equalsValues().contains("Data")).orElse(false);
        boolean objects = a.field("resources.type").map(f -> f.equalsValues().contains(OBJECT_TYPE)).orElse(false);
        boolean narrowed = a.fieldSelectors().stream().anyMatch(f -> !WHOLE_BUCKET_FIELDS.contains(f.field()));
        if (!data || !objects || narrowed || !arnCovers(a.field("resources.ARN"), bucketArn + "/")) {
            return NONE;
        }
        Optional<FieldSelector> readOnly = a.field("readOnly");
        if (readOnly.isEmpty() || readOnly.get().equalsValues().isEmpty()) {
            return new DataEventCoverage(true, true);
        }
        List<String> values = readOnly.get().equalsValues();
        return new DataEventCoverage(values.contains("true"), values.contains("false"));
    }

    /** No ARN condition records every bucket; otherwise a prefix of the bucket's, and no exclusion inside it. */
    private static boolean arnCovers(Optional<FieldSelector> arn, String objectPrefix) {
        if (arn.isEmpty()) {
            return true;
        }
        FieldSelector f = arn.get();
        boolean excludes = !f.notEndsWith().isEmpty() || !f.endsWith().isEmpty()
                || f.notStartsWith().stream().anyMatch(v -> objectPrefix.startsWith(v) || v.startsWith(objectPrefix))
                || f.notEquals().stream().anyMatch(v -> v.startsWith(objectPrefix));
        boolean includes = f.equalsValues().isEmpty() && f.startsWith().isEmpty()
                || f.startsWith().stream().anyMatch(objectPrefix::startsWith);
        return includes && !excludes;
    }
}
