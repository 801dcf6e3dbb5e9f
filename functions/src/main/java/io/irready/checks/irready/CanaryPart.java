package io.irready.checks.irready;

import io.irready.core.CheckContext;
import io.irready.core.CheckMetadata;
import io.irready.events.Extractor;
import io.irready.events.ResourceKind;
import io.irready.events.Route;
import io.irready.events.Routes;
import io.irready.inventory.AwsCall;
import io.irready.inventory.irready.CanaryInventory;
import io.irready.inventory.irready.CanaryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline canary's part of {@code auditor-integrity}: irready tags its own log group {@code /irready/canary}
 * in every watched region on a schedule, and the CloudTrail event of that call has to come back through
 * EventBridge (and the forwarder) to the event function. Code can be right and the path still dead — a trail
 * stopped in a way no event reports, a rule quota, an SCP, delivery stalled — so when no canary event has arrived
 * for longer than the configured wait, irready is blind in that region and says so.
 *
 * <p>The wait starts at the first canary attempt, so a fresh deployment is not called blind before its first
 * canary could have come back; before any attempt there is nothing to judge.
 */
public final class CanaryPart {
    /** Tagging the canary log group: a harmless write only irready makes, that no other route watches. */
    static final String CANARY_CALL = "TagResource";

    private CanaryPart() {
    }

    /** The route that brings the canary event back: the generated rules (home and forwarders) then match it. */
    static List<Route> routes(CheckMetadata integrity) {
        return Routes.forCheck(integrity)
                .on("aws.logs", CANARY_CALL)
                .naming(new Extractor(ResourceKind.LOG_GROUP, "/requestParameters/resourceArn"))
                .onlyOwn(ResourceKind.LOG_GROUP)
                .because("irready's pipeline canary (a tag on its own log group) arriving proves CloudTrail events "
                        + "still reach it from that region")
                .build();
    }

    /** The canary's part of {@code auditor-integrity}'s report for the region judged (see {@link IntegrityPart}). */
    static void judge(IntegrityPart.Where where, IntegrityReport report) {
        report.probe(() -> {
            broken(where.ctx()).forEach(report::broken);
            ok(where.ctx()).ifPresent(report::intact);
        });
    }

    /** The broken parts of the canary in the context's region: empty when it is healthy or not deployed. */
    public static List<String> broken(CheckContext ctx) {
        if (!ctx.inventory().has(CanaryInventory.class)) {
            return List.of();
        }
        CanaryInventory canary = ctx.service(CanaryInventory.class);
        Optional<CanaryRecord> record = AwsCall.call("dynamodb:GetItem", canary::record);
        return blindness(ctx.region(), record, canary.waitLimit(), canary.asOf()).stream().toList();
    }

    /** What the canary proves when it is healthy, for the PASS reason. */
    public static Optional<String> ok(CheckContext ctx) {
        if (!ctx.inventory().has(CanaryInventory.class)) {
            return Optional.empty();
        }
        CanaryInventory canary = ctx.service(CanaryInventory.class);
        return AwsCall.call("dynamodb:GetItem", canary::record).flatMap(CanaryRecord::lastArrivedAt)
                .filter(at -> !Duration.between(at, canary.asOf()).minus(canary.waitLimit()).isPositive())
                .map(at -> "CloudTrail events reach irready from " + ctx.region() + " (the last canary arrived "
                        + minutes(Duration.between(at, canary.asOf())) + " minutes ago)");
    }

    /**
     * Why irready is blind in {@code region} at {@code now}, if it is: no canary event for longer than {@code wait}
     * since the last arrival, or since the first attempt when none ever arrived.
     */
    static Optional<String> blindness(String region, Optional<CanaryRecord> record, Duration wait, Instant now) {
        if (record.isEmpty()) {
            return Optional.empty();
        }
        CanaryRecord r = record.get();
        Instant since = r.lastArrivedAt().orElse(r.firstSentAt());
        Duration silent = Duration.between(since, now);
        if (silent.compareTo(wait) <= 0) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder("irready is blind in " + region + ": no CloudTrail event has reached it for "
                + minutes(silent) + " minutes");
        if (r.lastArrivedAt().isEmpty()) {
            why.append(" (no canary event ever arrived since the first canary at ").append(r.firstSentAt()).append(")");
        }
        if (r.sendFailing()) {
            why.append(" (and the canary write itself fails: ").append(r.lastSendFailure().orElse("unknown error"))
                    .append(")");
        } else if (r.lastSentAt().map(sent -> Duration.between(sent, now).compareTo(wait) > 0).orElse(false)) {
            why.append(" (the last canary was sent ").append(minutes(Duration.between(r.lastSentAt().get(), now)))
                    .append(" minutes ago: check irready's canary schedule)");
        }
        return Optional.of(why.toString());
    }

    private static long minutes(Duration d) {
        return Math.max(0, d.toMinutes());
    }
}
