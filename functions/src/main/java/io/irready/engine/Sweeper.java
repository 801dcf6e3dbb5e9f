package io.irready.engine;

import io.irready.alerts.Notifier;
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
    }

    /** One region's result of a sweep. */
    public record RegionSweep(String region, int transitions, int closed, double score) {
    }

    /** What a sweep did. */
    public record SweepOutcome(SweepMode mode, String account, List<RegionSweep> regions, int republished,
                               List<String> failedRegions) {
    }

    /**
     * Every enabled check (critical ones only in {@link SweepMode#CRITICAL}) over each configured
     * region: stores the verdicts (closing findings of vanished resources), announces transitions
     * (a digest when many open at once), stores a score point per region, then republishes whatever
     * the outbox still holds. A failing region does not stop the others.
     */
    public SweepOutcome sweep(SweepMode mode) {
        String account = ownAccount.get();
        List<String> checkIds = registry.enabled(config).stream()
                .filter(c -> mode == SweepMode.FULL || c.metadata().severity() == Severity.CRITICAL)
                .map(Check::id).toList();
        List<RegionSweep> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String region : regions) {
            try {
                Inventory inventory = inventories.create(account, region);
                Evaluation evaluation = verdicts.evaluate(inventory, checkIds, Scope.REGION);
                RecordResult result = verdicts.recordAndAnnounce(evaluation, Optional.empty(), true);
                ScorePoint point = store.scores().recordScore(account, region);
                done.add(new RegionSweep(region, result.transitions().size(), result.closed(), point.score().score()));
                log.info("region swept", "mode", mode.name(), "account", account, "region", region,
                        "checks", checkIds.size(), "transitions", result.transitions().size(),
                        "closed", result.closed(), "score", point.score().score());
            } catch (RuntimeException e) {
                metrics.count(Metrics.ERRORS);
                failed.add(region);
                log.error("region sweep failed", "mode", mode.name(), "region", region, "error", String.valueOf(e));
            }
        }
        UsEast1Sweep.run(account, UsEast1Sweep.checkIds(registry, regions, checkIds), inventories, verdicts, log,
                metrics);
        recordFailingBySeverity();
        if (mode == SweepMode.FULL) { // hourly is enough to repair a lost import; every 5 minutes would be billed
            verdicts.reconcileSecurityHub();
        }
        Notifier.Delivery republished = notifier.republishUnsent();
        metrics.count(Metrics.ALERTS_PUBLISHED, republished.published());
        metrics.count(Metrics.ALERTS_FAILED, republished.failed());
        return new SweepOutcome(mode, account, done, republished.published(), failed);
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
