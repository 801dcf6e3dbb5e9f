package io.irready.checks.cloudtrail;

import io.irready.core.AwsCallFailedException;
import io.irready.core.CheckContext;
import io.irready.core.Finding;
import io.irready.inventory.cloudtrail.CloudTrailCollector;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the six CloudTrail checks share: which trails a check judges, and how reasons name them.
 *
 * <p>Region-level checks count every trail that records the region — the region's own trails,
 * shadow copies of multi-region trails homed elsewhere, and organization trails. Per-trail checks
 * judge a trail in one region only, so a multi-region trail yields one finding, not one per
 * region: its home region, or — when the configured regions leave the home region out — the
 * first configured region, so that scanning only {@code eu-west-1} still judges a trail homed in
 * {@code us-east-1}. A trail owned by another account (an organization trail seen from a member
 * account) is NOT_APPLICABLE, because only its owner can change it.
 */
final class TrailChecks {
    static final List<String> TRAIL_PERMISSIONS = List.of(CloudTrailCollector.LIST_TRAILS,
            CloudTrailCollector.DESCRIBE_TRAILS);

    private TrailChecks() {
    }

    static List<String> permissions(String... more) {
        List<String> all = new ArrayList<>(TRAIL_PERMISSIONS);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    static CloudTrailInventory cloudTrail(CheckContext ctx) {
        return ctx.service(CloudTrailInventory.class);
    }

    /** Multi-region trails with global service events that record this region (own, shadow, organization). */
    static List<Trail> multiRegionTrails(CheckContext ctx) {
        return cloudTrail(ctx).trails().stream()
                .filter(t -> t.multiRegion() && t.includeGlobalServiceEvents()).toList();
    }

    /** The trails per-trail checks judge in this region (see the class comment), within the scope. */
    static List<Trail> judgedHere(CheckContext ctx) {
        return cloudTrail(ctx).trails().stream()
                .filter(t -> isJudgedHere(ctx, t))
                .filter(t -> ctx.scope().includes(t.arn()))
                .toList();
    }

    /** True when this region is the one region that judges {@code trail} per trail. */
    static boolean isJudgedHere(CheckContext ctx, Trail trail) {
        List<String> configured = ctx.config().regions();
        String judging = configured.isEmpty() || configured.contains(trail.homeRegion())
                ? trail.homeRegion() : configured.getFirst();
        return judging.equals(ctx.region());
    }

    /** True when the trail belongs to another account, which alone can change it. */
    static boolean ownedElsewhere(CheckContext ctx, Trail trail) {
        return trail.ownerAccount() != null && !trail.ownerAccount().equals(ctx.account());
    }

    /**
     * The per-trail checks' walk: every trail judged in this region, NOT_APPLICABLE when another account
     * owns it, else {@code judge}; an AWS failure costs that trail an ERROR, not the others.
     */
    static List<Finding> judgeEachTrail(CheckContext ctx, Function<Trail, Finding> judge) {
        List<Finding> findings = new ArrayList<>();
        for (Trail trail : judgedHere(ctx)) {
            if (ownedElsewhere(ctx, trail)) {
                findings.add(ctx.notApplicable(trail.arn(), ownedElsewhereReason(trail)));
                continue;
            }
            try {
                findings.add(judge.apply(trail));
            } catch (AwsCallFailedException e) {
                findings.add(ctx.error(trail.arn(), e));
            }
        }
        return findings;
    }

    static String ownedElsewhereReason(Trail trail) {
        return "Trail " + trail.label() + " belongs to account " + trail.ownerAccount()
                + (trail.organizationTrail() ? " (an organization trail)" : "")
                + "; only that account can change it, so it is judged there.";
    }

    /** {@code 'name' (arn, homed in us-east-1, organization trail)}: how region-level reasons name a trail. */
    static String describe(Trail trail, String region) {
        List<String> notes = new ArrayList<>();
        notes.add(trail.arn());
        if (trail.isShadowIn(region)) {
            notes.add("homed in " + trail.homeRegion());
        }
        if (trail.organizationTrail()) {
            notes.add("organization trail");
        }
        return "'" + trail.name() + "' (" + String.join(", ", notes) + ")";
    }

    /**
     * Judges candidates one by one until one passes. A candidate whose reads failed is remembered:
     * when no other candidate passes, the first failure is rethrown, so the finding is ERROR —
     * never a FAIL (or PASS) built on a blind spot.
     */
    static Judged firstPassing(List<Trail> candidates, Function<Trail, Verdict> judge) {
        List<Verdict> verdicts = new ArrayList<>();
        AwsCallFailedException failure = null;
        for (Trail trail : candidates) {
            try {
                Verdict verdict = judge.apply(trail);
                if (verdict.problem().isEmpty()) {
                    return new Judged(Optional.of(verdict.trail()), verdicts);
                }
                verdicts.add(verdict);
            } catch (AwsCallFailedException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new Judged(Optional.empty(), verdicts);
    }

    /** One trail judged: empty problem means it satisfies the check. */
    record Verdict(Trail trail, Optional<String> problem) {
        static Verdict ok(Trail trail) {
            return new Verdict(trail, Optional.empty());
        }

        static Verdict fails(Trail trail, String problem) {
            return new Verdict(trail, Optional.of(problem));
        }
    }

    /** The passing trail, if any, and the problems of those judged before it. */
    record Judged(Optional<Trail> passing, List<Verdict> failing) {
        String problems(String region) {
            return String.join("; ", failing.stream()
                    .map(v -> describe(v.trail(), region) + " " + v.problem().orElseThrow()).toList());
        }
    }
}
