package io.irready.engine;

import io.irready.alerts.Notifier;
import io.irready.checks.irready.AuditorIntegrity;
import io.irready.checks.organizations.OrganizationCoverage;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.store.Store;
import io.irready.store.RecordResult;
import io.irready.store.ScorePoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scheduled sweep: event delivery is best effort (and after {@code StopLogging} there may be
 * no event at all), so state is re-read on a schedule, findings of vanished resources are closed,
 * the outbox's unsent alerts are republished and each region's readiness score is stored.
 */
public final class Sweeper {
    private final Config config;
    private final CheckRegistry registry;
    private final AwsInventoryFactory inventories;
    private final Store store;
    private final Notifier notifier;
    private final Supplier<String> ownAccount;
    private final List<String> regions;
    private final JsonLog log;
    private final Metrics metrics;
    private final Verdicts verdicts;
    private final RegionBackoff backoff;
    private final SweepItems items;

    Sweeper(Collaborators with, Verdicts verdicts) {
        this.config = with.config();
        this.registry = with.registry();
        this.inventories = with.inventories();
        this.store = with.store();
        this.notifier = with.notifier();
        this.ownAccount = with.ownAccount();
        this.regions = with.regions();
        this.log = with.log();
        this.metrics = with.metrics();
        this.verdicts = verdicts;
        this.backoff = new RegionBackoff(with, verdicts);
        this.items = new SweepItems(with, verdicts);
    }

    /** One region's result of a sweep. */
    public record RegionSweep(String region, int transitions, int closed, double score) {
    }

    /**
     * What a sweep did.
     *
     * @param failedRegions  regions that failed for a reason other than an AWS fault (a bug, irready's own table):
     *                       the invocation fails for these
     * @param faultedRegions regions that failed on an AWS fault: an ERROR finding each, then a backoff
     * @param skippedRegions regions left alone while backing off
     */
    public record SweepOutcome(SweepMode mode, String account, List<RegionSweep> regions, int republished,
                               List<String> failedRegions, List<String> faultedRegions, List<String> skippedRegions) {
    }

    /** What one organization-sweep item did; {@code reachable} false when the audit role could not be assumed. */
    public record ItemSweep(String mode, String account, String region, boolean reachable, int findings,
                            int transitions, int closed, double score, int republished) {
    }

    /**
     * One item of an organization sweep: the enabled checks of {@code mode} over exactly {@code account}
     * in {@code region} (see {@link SweepItems}).
     *
     * @param name the account's name from the sweep plan, or empty
     */
    public ItemSweep sweep(SweepMode mode, String account, String region, String name) {
        boolean home = account.equals(ownAccount.get());
        // irready's own deployment lives in the home account only: a member has no rules or functions to judge;
        // and each item files its account's organization-coverage verdict itself, so the check does not run too
        List<String> checkIds = checkIds(mode).stream()
                .filter(id -> home || !id.equals(AuditorIntegrity.ID))
                .filter(id -> !id.equals(OrganizationCoverage.ID)).toList();
        ItemSweep swept = items.sweep(mode, checkIds, account, region, name);
        if (swept.reachable() && region.equals(regions.get(0))) {
            // once per account and sweep, as the plain sweep does: global checks from us-east-1 if it is not watched
            UsEast1Sweep.run(account, UsEast1Sweep.checkIds(registry, regions, checkIds), inventories, verdicts, log,
                    metrics);
            if (home) { // the deployment's housekeeping, once per organization sweep
                recordFailingBySeverity();
                if (mode == SweepMode.FULL) {
                    verdicts.reconcileSecurityHub();
                }
            }
        }
        return swept;
    }

    private List<String> checkIds(SweepMode mode) {
        return registry.enabled(config).stream()
                .filter(c -> mode == SweepMode.FULL || c.metadata().severity() == Severity.CRITICAL)
                .map(Check::id).toList();
    }

    /**
     * Every enabled check (critical ones only in {@link SweepMode#CRITICAL}) over each configured region, a few
     * at once: stores the verdicts (closing findings of vanished resources), announces transitions
     * (a digest when many open at once), stores a score point per region, then republishes whatever
     * the outbox still holds. A failing region does not stop the others; one that fails on an AWS fault is
     * backed off ({@link RegionBackoff}).
     */
    public SweepOutcome sweep(SweepMode mode) {
        String account = ownAccount.get();
        List<String> checkIds = registry.enabled(config).stream()
                .filter(c -> mode == SweepMode.FULL || c.metadata().severity() == Severity.CRITICAL)
                .map(Check::id).toList();
        List<RegionSweep> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> faulted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // a few regions at once (RegionFanOut), reported in the configured order
        RegionFanOut.each(regions, region -> sweepRegion(mode, account, region, checkIds))
                .forEach((region, result) -> {
                    result.swept().ifPresent(done::add);
                    switch (result.end()) {
                        case SKIPPED -> skipped.add(region);
                        case FAULTED -> faulted.add(region);
                        case FAILED -> failed.add(region);
                        case SWEPT -> { }
                    }
                });
        UsEast1Sweep.run(account, UsEast1Sweep.checkIds(registry, regions, checkIds), inventories, verdicts, log,
                metrics);
        recordFailingBySeverity();
        if (mode == SweepMode.FULL) { // hourly is enough to repair a lost import; every 5 minutes would be billed
            verdicts.reconcileSecurityHub();
        }
        Notifier.Delivery republished = notifier.republishUnsent();
        metrics.count(Metrics.ALERTS_PUBLISHED, republished.published());
        metrics.count(Metrics.ALERTS_FAILED, republished.failed());
        return new SweepOutcome(mode, account, done, republished.published(), failed, faulted, skipped);
    }

    /** How one region's part of a sweep ended. */
    private enum RegionEnd { SWEPT, SKIPPED, FAULTED, FAILED }

    /** One region's part of a sweep: what was swept (if anything) and how it ended. */
    private record RegionResult(Optional<RegionSweep> swept, RegionEnd end) {
    }

    /**
     * One region of a sweep. A region in back-off is skipped; one that judged nothing or failed on an AWS fault
     * is FAULTED and backed off ({@link RegionBackoff}); any other failure is FAILED (logged and counted). The
     * other regions go on either way.
     */
    private RegionResult sweepRegion(SweepMode mode, String account, String region, List<String> checkIds) {
        try {
            if (backoff.skip(account, region, mode)) {
                return new RegionResult(Optional.empty(), RegionEnd.SKIPPED);
            }
            Inventory inventory = inventories.create(account, region);
            Evaluation evaluation = verdicts.evaluate(inventory, checkIds, Scope.REGION);
            RecordResult result = verdicts.recordAndAnnounce(evaluation, Optional.empty(), true);
            ScorePoint point = store.scores().recordScore(account, region);
            log.info("region swept", "mode", mode.name(), "account", account, "region", region,
                    "checks", checkIds.size(), "transitions", result.transitions().size(),
                    "closed", result.closed(), "score", point.score().score());
            RegionSweep swept = new RegionSweep(region, result.transitions().size(), result.closed(),
                    point.score().score());
            return new RegionResult(Optional.of(swept),
                    backoff.judged(account, region, mode, evaluation) ? RegionEnd.FAULTED : RegionEnd.SWEPT);
        } catch (RuntimeException e) {
            if (backoff.failed(account, region, mode, e)) {
                return new RegionResult(Optional.empty(), RegionEnd.FAULTED);
            }
            metrics.count(Metrics.ERRORS);
            log.error("region sweep failed", "mode", mode.name(), "region", region, "error", String.valueOf(e));
            return new RegionResult(Optional.empty(), RegionEnd.FAILED);
        }
    }

    /**
     * The dashboard's "failing findings by severity": the open-findings index counted per severity
     * (zeros included, so a cleared severity drops to zero instead of leaving a stale line).
     */
    private void recordFailingBySeverity() {
        try {
            Map<Severity, Long> open = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) {
                open.put(s, 0L);
            }
            store.queries().openFindings().forEach(f -> open.merge(f.severity(), 1L, Long::sum));
            open.forEach((severity, n) -> metrics.gauge("FailingFindings", "Severity", severity.name(), n));
        } catch (RuntimeException e) {
            metrics.count(Metrics.ERRORS);
            log.error("could not count open findings for the dashboard", "error", String.valueOf(e));
        }
    }
}
