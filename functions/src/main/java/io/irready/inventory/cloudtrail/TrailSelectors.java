package io.irready.inventory.cloudtrail;

import java.util.List;
import java.util.Optional;

/**
 * What {@code GetEventSelectors} reports: a trail uses either classic event selectors or advanced
 * event selectors, never both.
 */
public record TrailSelectors(List<EventSelector> eventSelectors, List<AdvancedEventSelector> advancedEventSelectors) {

    public TrailSelectors {
        eventSelectors = List.copyOf(eventSelectors);
        advancedEventSelectors = List.copyOf(advancedEventSelectors);
    }

    /** What CloudTrail gives a new trail: all management events, read and write. */
    public static TrailSelectors allManagementEvents() {
        return new TrailSelectors(List.of(new EventSelector("All", true, List.of())), List.of());
    }

    /**
     * A classic event selector.
     *
     * @param readWriteType                 {@code All}, {@code ReadOnly} or {@code WriteOnly}
     * @param includeManagementEvents       management events are recorded at all
     * @param excludeManagementEventSources e.g. {@code kms.amazonaws.com}, {@code rdsdata.amazonaws.com}
     * @param dataResources                 the data events it records (e.g. S3 objects under given ARNs)
     */
    public record EventSelector(String readWriteType, boolean includeManagementEvents,
                                List<String> excludeManagementEventSources, List<DataResource> dataResources) {
        public EventSelector {
            excludeManagementEventSources = List.copyOf(excludeManagementEventSources);
            dataResources = List.copyOf(dataResources);
        }

        /** A selector of management events only. */
        public EventSelector(String readWriteType, boolean includeManagementEvents,
                             List<String> excludeManagementEventSources) {
            this(readWriteType, includeManagementEvents, excludeManagementEventSources, List.of());
        }
    }

    /**
     * A classic selector's data resource: {@code type} such as {@code AWS::S3::Object}, {@code values} ARN
     * prefixes such as {@code arn:aws:s3:::bucket/} or {@code arn:aws:s3} (every bucket).
     */
    public record DataResource(String type, List<String> values) {
        public DataResource {
            values = List.copyOf(values);
        }
    }

    /** An advanced event selector: all its field selectors must match for an event to be recorded. */
    public record AdvancedEventSelector(Optional<String> name, List<FieldSelector> fieldSelectors) {
        public AdvancedEventSelector {
            fieldSelectors = List.copyOf(fieldSelectors);
        }

        /** The field selector on {@code field} (e.g. {@code eventCategory}), if any. */
        public Optional<FieldSelector> field(String field) {
            return fieldSelectors.stream().filter(f -> f.field().equals(field)).findFirst();
        }
    }

    /** One condition of an advanced event selector. */
    public record FieldSelector(String field, List<String> equalsValues, List<String> notEquals,
                                List<String> startsWith, List<String> notStartsWith,
                                List<String> endsWith, List<String> notEndsWith) {
        public FieldSelector {
            equalsValues = List.copyOf(equalsValues);
            notEquals = List.copyOf(notEquals);
            startsWith = List.copyOf(startsWith);
            notStartsWith = List.copyOf(notStartsWith);
            endsWith = List.copyOf(endsWith);
            notEndsWith = List.copyOf(notEndsWith);
        }

        /** A field selector with only an {@code Equals} condition. */
        public static FieldSelector equalTo(String field, String... values) {
            return new FieldSelector(field, List.of(values), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        /** A field selector with only a {@code NotEquals} condition. */
        public static FieldSelector notEqualTo(String field, String... values) {
            return new FieldSelector(field, List.of(), List.of(values), List.of(), List.of(), List.of(), List.of());
        }
    }
}
