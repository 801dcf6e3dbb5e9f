package io.irready.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs checks over one inventory. The same code path serves the Lambda handlers, the CLI and the
 * demo. Checks run concurrently (a bounded, process-wide pool) and their findings come back in the
 * order the checks were asked for, so a report does not depend on which AWS answer came first.
 * Failures never turn into PASS: an AWS failure becomes an ERROR finding naming the
 * action, an unexpected exception an ERROR finding naming the bug.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final CheckRegistry registry;
    private final Config config;
    private final Clock clock;
    private final boolean parallel;

    public Evaluator(CheckRegistry registry, Config config, Clock clock) {
        this(registry, config, clock, true);
    }

    private Evaluator(CheckRegistry registry, Config config, Clock clock, boolean parallel) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
        this.parallel = parallel;
    }

    /**
     * This evaluator running its checks one after the other, in the caller's thread (the benchmark's
     * baseline; by default checks run side by side on {@link CheckThreads}).
     */
    public Evaluator sequential() {
        return new Evaluator(registry, config, clock, false);
    }

    public CheckRegistry registry() {
        return registry;
    }

    public Config config() {
        return config;
    }

    /** Every enabled check over the whole region (the sweep). */
    public Evaluation evaluateAll(Inventory inventory) {
        return evaluate(inventory, registry.enabled(config).stream().map(Check::id).toList(), Scope.REGION);
    }

    /**
     * Evaluates the given checks over {@code scope}. Ids that are not registered (a route may name a
     * check a later release implements) or are switched off are skipped.
     */
    public Evaluation evaluate(Inventory inventory, Collection<String> checkIds, Scope scope) {
        // the inventory may hold data read before this call (one event's scope groups share it)
        Instant observedAt = inventory.readsStartedAt().orElseGet(clock::instant);
        List<Check> toRun = new ArrayList<>();
        for (String id : checkIds) {
            Check check = registry.find(id).orElse(null);
            if (check == null) {
                LOG.debug("skipping check {}: not registered in this build", id);
                continue;
            }
            if (!config.isEnabled(id)) {
                LOG.debug("skipping check {}: disabled by configuration", id);
                continue;
            }
            toRun.add(check);
        }
        // side by side (each service read once, see Memo); the results are then taken in the order asked
        List<Run> runs = CheckThreads.inOrder(toRun, parallel, check -> run(check, new CheckContext(check.metadata(),
                inventory.account(), inventory.region(), inventory, config, scope, observedAt)));
        List<String> complete = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (int i = 0; i < toRun.size(); i++) {
            Check check = toRun.get(i);
            Run run = runs.get(i);
            if (run.complete()) {
                complete.add(check.id());
            }
            for (Finding finding : run.findings()) {
                boolean regionLevel = check.metadata().granularity() == Granularity.ACCOUNT_REGION;
                if (!regionLevel && !scope.includes(finding.resourceId())) {
                    continue;
                }
                findings.add(muted(oneLineError(finding), today));
            }
        }
        return new Evaluation(inventory.account(), inventory.region(), observedAt, scope, complete, findings);
    }

    /**
     * The one place findings are muted: an accepted risk keeps its verdict (so an expired entry
     * re-opens exactly what it hid) and is marked rather than dropped.
     */
    private Finding muted(Finding finding, LocalDate today) {
        return config.muteOf(finding, today).map(m -> {
            LOG.debug("muted {} on {}: {}", finding.checkId(), finding.resourceId(), m.entry());
            return finding.muted(m);
        }).orElse(finding);
    }

    /** Whatever a check wrote into an ERROR, its reason is one clean line (see {@link FailureText}). */
    private static Finding oneLineError(Finding f) {
        if (f.status() != Status.ERROR) {
            return f;
        }
        String reason = FailureText.clean(f.reason());
        return reason.equals(f.reason()) ? f : new Finding(f.checkId(), f.severity(), f.account(), f.region(),
                f.resourceId(), f.status(), reason, f.observedAt());
    }

    private record Run(List<Finding> findings, boolean complete) {
    }

    private static Run run(Check check, CheckContext ctx) {
        try {
            return new Run(check.evaluate(ctx), true);
        } catch (AwsCallFailedException e) {
            LOG.warn("check {} could not evaluate in {}: {}", check.id(), ctx.region(), e.getMessage());
            return new Run(errorsForScope(ctx, "Could not evaluate: " + e.getMessage()), false);
        } catch (RuntimeException e) {
            LOG.error("check {} failed unexpectedly in {}", check.id(), ctx.region(), e);
            // the exception and its stack are in the log line above; a reason never carries them
            return new Run(errorsForScope(ctx, "Could not evaluate: internal error in irready while running "
                    + check.id() + " (details in irready's log)"), false);
        }
    }

    /**
     * One ERROR per named resource, or — when the check could not even list its resources — one
     * ERROR on the region id, so that the blind spot is visible at the granularity we know.
     */
    private static List<Finding> errorsForScope(CheckContext ctx, String reason) {
        if (ctx.check().granularity() == Granularity.RESOURCE && ctx.scope().resources().isPresent()) {
            return ctx.scope().resources().get().stream().sorted()
                    .map(id -> ctx.finding(id, Status.ERROR, reason)).toList();
        }
        return List.of(ctx.finding(ctx.regionResourceId(), Status.ERROR, reason));
    }
}
