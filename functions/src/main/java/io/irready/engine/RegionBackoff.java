package io.irready.engine;

import io.irready.checks.irready.AuditorIntegrity;
import io.irready.core.AwsCallFailedException;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.FailureText;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.store.SweepBackoffs;
import io.irready.store.SweepBackoffs.Backoff;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the sweep does with a region that fails as a whole because of AWS (an SCP that denies the region, a
 * region that is not enabled, an endpoint that cannot be reached): the fault is an {@code ERROR} finding once
 * per attempted sweep, and the region is then left alone for an exponentially growing number of sweeps (1, 2,
 * 4, 8, then at most {@value #MAX_SKIPS}) until a sweep judges it again. Such a fault is not the invocation's
 * failure: Lambda's retries would only repeat the same denied calls. Anything else (a bug, irready's own table
 * unavailable) still fails the invocation.
 *
 * <p>Which ERROR: when every check of the region came back ERROR (the usual shape: each collector's denied
 * call is caught per check), those findings are the honest record — each names the call and the fault — and
 * no other is added. When the region's sweep threw before anything was stored, the ERROR goes on
 * {@code auditor-integrity} of that region: it is the check whose subject is whether irready itself can still
 * see, CRITICAL and region-level, and the next sweep that judges the region re-evaluates it, so it resolves
 * by itself. Skipped sweeps write nothing, so the ERROR findings stay open meanwhile.
 */
final class RegionBackoff {
    /** At most this many sweeps skipped in a row: about an hour at the default five-minute critical sweeps. */
    static final int MAX_SKIPS = 12;

    private final SweepBackoffs backoffs;
    private final Verdicts verdicts;
    private final CheckRegistry registry;
    private final Config config;
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;

    RegionBackoff(Collaborators with, Verdicts verdicts) {
        this.backoffs = with.store().backoffs();
        this.verdicts = verdicts;
        this.registry = with.registry();
        this.config = with.config();
        this.clock = with.clock();
        this.log = with.log();
        this.metrics = with.metrics();
    }

    /** Sweeps to skip after {@code failures} failures in a row: 1, 2, 4, 8, … at most {@link #MAX_SKIPS}. */
    static int skipsAfter(int failures) {
        if (failures < 1) {
            return 0;
        }
        return (int) Math.min(MAX_SKIPS, 1L << Math.min(failures - 1, 30));
    }

    /** True when the failure is an AWS call about the region (collectors wrap every such call), not a bug. */
    static boolean isRegionFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsCallFailedException) {
                return true;
            }
        }
        return false;
    }

    /** True when this sweep leaves the region alone (logged and counted); takes one of its skips. */
    boolean skip(String account, String region, SweepMode mode) {
        Optional<Backoff> backoff = backoffs.get(account, region);
        if (backoff.isEmpty() || backoff.get().skipsLeft() < 1 || !backoffs.takeSkip(account, region)) {
            return false;
        }
        metrics.count(Metrics.REGIONS_SKIPPED);
        log.warn("region skipped: backing off after region-level faults", "mode", mode.name(), "account", account,
                "region", region, "failures", backoff.get().failures(), "skipsLeft", backoff.get().skipsLeft() - 1,
                "fault", backoff.get().fault());
        return true;
    }

    /**
     * After a region's evaluation was stored: when it judged nothing — every finding an ERROR, none PASS or FAIL,
     * as when an SCP denies the region — those ERROR findings stand for this sweep and the region backs off;
     * otherwise its failures are forgotten. Returns true when the region backs off.
     */
    boolean judged(String account, String region, SweepMode mode, Evaluation evaluation) {
        Optional<String> fault = judgedNothing(evaluation);
        if (fault.isEmpty()) {
            succeeded(account, region);
            return false;
        }
        backOff(account, region, mode, fault.get());
        return true;
    }

    /**
     * A region-level fault in what an evaluation found: at least one ERROR and no PASS or FAIL (not-applicable
     * findings need no AWS call and prove nothing). Its value is the first ERROR's reason.
     */
    static Optional<String> judgedNothing(Evaluation evaluation) {
        List<Finding> findings = evaluation.findings();
        boolean judgedSomething = findings.stream().anyMatch(f -> f.status() == Status.PASS || f.status() == Status.FAIL);
        if (judgedSomething) {
            return Optional.empty();
        }
        return findings.stream().filter(f -> f.status() == Status.ERROR).map(Finding::reason).findFirst();
    }

    private void succeeded(String account, String region) {
        if (backoffs.get(account, region).filter(Backoff::active).isPresent()) {
            backoffs.reset(account, region);
            log.info("region swept again: backoff reset", "account", account, "region", region);
        }
    }

    private int backOff(String account, String region, SweepMode mode, String fault) {
        int failures = backoffs.recordFailure(account, region, fault);
        int skips = skipsAfter(failures);
        backoffs.skipNext(account, region, skips);
        metrics.count(Metrics.REGION_FAULTS);
        log.warn("region-level AWS fault: backing off", "mode", mode.name(), "account", account, "region", region,
                "failures", failures, "skipNext", skips, "fault", fault);
        return skips;
    }

    /**
     * Handles a region sweep that threw: an AWS fault is recorded (an ERROR finding on {@code auditor-integrity},
     * since nothing of the region was stored, and a backoff) and true is returned; false for anything else, or
     * when even recording the fault failed, so that the caller fails the invocation.
     */
    boolean failed(String account, String region, SweepMode mode, RuntimeException failure) {
        if (!isRegionFault(failure)) {
            return false;
        }
        try {
            String fault = FailureText.clean(rootFault(failure).getMessage());
            int skips = backOff(account, region, mode, fault);
            recordError(account, region, fault, skips);
            return true;
        } catch (RuntimeException recording) {
            log.error("could not record a region fault", "region", region, "error", String.valueOf(recording));
            return false;
        }
    }

    private void recordError(String account, String region, String fault, int skips) {
        if (!config.isEnabled(AuditorIntegrity.ID)) {
            return;
        }
        Instant now = clock.instant();
        String reason = "Could not evaluate " + region + " at all: " + fault + ". Nothing in this region was judged; "
                + "irready leaves it alone for the next " + skips + " sweep" + (skips == 1 ? "" : "s")
                + " and tries again (backing off while the fault lasts).";
        Finding error = new Finding(AuditorIntegrity.ID, registry.find(AuditorIntegrity.ID)
                .map(c -> c.metadata().severity()).orElse(Severity.CRITICAL),
                account, region, ResourceIds.accountRegion(account, region), Status.ERROR, reason, now);
        verdicts.recordAndAnnounce(new Evaluation(account, region, now, Scope.REGION, List.of(), List.of(error)),
                Optional.empty(), true);
    }

    private static Throwable rootFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AwsCallFailedException) {
                return t;
            }
        }
        return failure;
    }
}
