package io.irready.checks.cloudtrail;

import io.irready.core.Check;
import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.core.CheckMetadata.References;
import io.irready.core.CheckMetadata.Remediation;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.EventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import io.irready.events.Route;
import io.irready.events.Routed;
import io.irready.events.Routes;
import io.irready.events.Extractors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cloudtrail-management-events}: one finding per account and region. Passes when a
 * logging multi-region trail (with global service events) that records the region records
 * read <em>and</em> write management events from every source. Classic selectors count when
 * they include management events with {@code ReadWriteType} All (or ReadOnly plus WriteOnly)
 * and exclude no event source ({@code ExcludeManagementEventSources}, e.g. KMS or RDS Data API);
 * advanced selectors count when they select {@code eventCategory = Management}, optionally split
 * by {@code readOnly}, and filter on nothing else. A trail that is not logging records nothing
 * and is not a candidate (cloudtrail-logging-all-regions reports why).
 */
public final class CloudTrailManagementEventsCheck implements Check, Routed {
    public static final String ID = "cloudtrail-management-events";

    private static final CheckMetadata METADATA = new CheckMetadata(
            ID,
            "A logging multi-region trail records all read and write management events",
            Severity.HIGH,
            "cloudtrail",
            "AWS::::Account",
            Granularity.ACCOUNT_REGION,
            "Reconnaissance (Describe*, List*, Get*) is recorded only as read events, and changes only as write "
                    + "events; an attacker who narrows the event selectors, or excludes KMS events, blinds the "
                    + "investigation to exactly those calls while the trail still looks healthy.",
            new Remediation(
                    "CloudTrail console → Trails → the multi-region trail → Management events → Edit: API activity "
                            + "'Read' and 'Write', no excluded event sources.",
                    "aws cloudtrail put-event-selectors --trail-name <trail-arn> --event-selectors "
                            + "'[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'"),
            TrailChecks.permissions(CloudTrailCollector.GET_TRAIL_STATUS, CloudTrailCollector.GET_EVENT_SELECTORS),
            new References(
                    List.of("CIS AWS Foundations v4.0.0 3.1", "CIS AWS Foundations v3.0.0 3.1"),
                    List.of("CloudTrail.1"),
                    List.of("aws.defense-evasion.cloudtrail-event-selectors"),
                    List.of("T1562.008", "T1078.004")));

    private static final List<Route> ROUTES = Routes.forCheck(METADATA)
            .on("aws.cloudtrail", "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors")
                    .naming(Extractors.TRAIL_NAME).disablesEvidence().everyRegion()
                    .because("a trail that stops, goes away, is narrowed or stops selecting read or write management "
                            + "events no longer records them")
            .on("aws.cloudtrail", "StartLogging", "CreateTrail").naming(Extractors.TRAIL_NAME).everyRegion()
                    .because("a logging trail that selects every management event satisfies it again")
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
        String region = ctx.region();
        var cloudTrail = TrailChecks.cloudTrail(ctx);
        List<Trail> candidates = TrailChecks.multiRegionTrails(ctx);
        if (candidates.isEmpty()) {
            return List.of(ctx.fail(ctx.regionResourceId(), "No multi-region trail with global service events records "
                    + region + ", so its management events are not recorded; see cloudtrail-logging-all-regions."));
        }
        TrailChecks.Judged judged = TrailChecks.firstPassing(candidates, trail -> {
            if (!cloudTrail.status(trail.arn()).logging()) {
                return TrailChecks.Verdict.fails(trail, "is not logging");
            }
            return gaps(cloudTrail.selectors(trail.arn()))
                    .map(gap -> TrailChecks.Verdict.fails(trail, gap))
                    .orElse(TrailChecks.Verdict.ok(trail));
        });
        if (judged.passing().isPresent()) {
            String also = judged.failing().isEmpty() ? "" : " Also judged: " + judged.problems(region) + ".";
            return List.of(ctx.pass(ctx.regionResourceId(), "Multi-region trail "
                    + TrailChecks.describe(judged.passing().get(), region)
                    + " records all read and write management events." + also));
        }
        return List.of(ctx.fail(ctx.regionResourceId(), "No logging multi-region trail records all read and write "
                + "management events in " + region + ": " + judged.problems(region) + ". Record them all: aws cloudtrail "
                + "put-event-selectors --trail-name <trail-arn> --event-selectors "
                + "'[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'."));
    }

    /** What the selectors leave out of "all read and write management events", or empty when nothing. */
    static Optional<String> gaps(TrailSelectors selectors) {
        boolean read = false;
        boolean write = false;
        List<String> limits = new ArrayList<>();
        for (EventSelector s : selectors.eventSelectors()) {
            if (!s.includeManagementEvents()) {
                continue;
            }
            if (!s.excludeManagementEventSources().isEmpty()) {
                limits.add("excludes management events from " + String.join(", ", s.excludeManagementEventSources()));
                continue;
            }
            read |= !"WriteOnly".equals(s.readWriteType());
            write |= !"ReadOnly".equals(s.readWriteType());
        }
        for (AdvancedEventSelector s : selectors.advancedEventSelectors()) {
            if (!s.field("eventCategory").map(f -> f.equalsValues().contains("Management")).orElse(false)) {
                continue;
            }
            List<String> others = s.fieldSelectors().stream().map(FieldSelector::field)
                    .filter(f -> !f.equals("eventCategory") && !f.equals("readOnly")).toList();
            String name = s.name().map(n -> "advanced selector '" + n + "'").orElse("an advanced selector");
            if (!others.isEmpty()) {
                limits.add(name + " limits management events by " + String.join(", ", others));
                continue;
            }
            Optional<FieldSelector> readOnly = s.field("readOnly");
            if (readOnly.isEmpty() || readOnly.get().equalsValues().containsAll(List.of("true", "false"))) {
                read = true;
                write = true;
            } else {
                FieldSelector f = readOnly.get();
                boolean onlyTrue = f.equalsValues().equals(List.of("true")) || f.notEquals().equals(List.of("false"));
                boolean onlyFalse = f.equalsValues().equals(List.of("false")) || f.notEquals().equals(List.of("true"));
                if (onlyTrue) {
                    read = true;
                } else if (onlyFalse) {
                    write = true;
                } else {
                    limits.add(name + " has an unusual readOnly condition");
                }
            }
        }
        if (read && write) {
            return Optional.empty();
        }
        String missing = read ? "records no write management events"
                : write ? "records no read management events (Describe*, Get*, List* calls)"
                : "records no management events";
        return Optional.of(limits.isEmpty() ? missing : missing + " (" + String.join("; ", limits) + ")");
    }
}
