package io.irready.alerts;

import io.irready.checks.cloudtrail.CloudTrailLoggingAllRegionsCheck;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook that attaches a {@link BlindWindowReport} to a closing logging gap. Called on an evaluation before
 * it is recorded: when it holds a PASS of {@code cloudtrail-logging-all-regions} whose stored finding is still
 * FAIL, the report is appended to that finding's reason — so the resolved transition's history entry and the
 * resolved alert (both made from the reason) say what happened while the trail was not logging. Nothing else
 * changes; the next evaluation's reason is the plain one again.
 */
public final class BlindWindowEnricher {
    private static final Logger LOG = LoggerFactory.getLogger(BlindWindowEnricher.class);

    private final LookupEventsCollector lookups;
    private final List<String> coveredRegions;
    private final Clock clock;

    /**
     * @param lookups        the bounded Event History reader
     * @param coveredRegions the regions the deployment covers (read for every gap); empty: the finding's region
     */
    public BlindWindowEnricher(LookupEventsCollector lookups, List<String> coveredRegions, Clock clock) {
        this.lookups = lookups;
        this.coveredRegions = List.copyOf(coveredRegions);
        this.clock = clock;
    }

    /**
     * @param evaluation   what was just evaluated
     * @param inventory    the inventory it was evaluated over (the trail's StopLoggingTime comes from it)
     * @param failingSince for a finding, when its stored FAIL began (its {@code statusChangedAt}); empty when the
     *                     stored finding is not FAIL (or does not exist)
     */
    public Evaluation enrich(Evaluation evaluation, Inventory inventory, Function<Finding, Optional<Instant>> failingSince) {
        List<Finding> findings = new ArrayList<>(evaluation.findings().size());
        boolean changed = false;
        for (Finding f : evaluation.findings()) {
            if (CloudTrailLoggingAllRegionsCheck.ID.equals(f.checkId()) && f.status() == Status.PASS) {
                Optional<Instant> since = failingSince.apply(f);
                if (since.isPresent()) {
                    findings.add(withReport(f, since.get(), inventory));
                    changed = true;
                    continue;
                }
            }
            findings.add(f);
        }
        return changed ? new Evaluation(evaluation.account(), evaluation.region(), evaluation.observedAt(),
                evaluation.scope(), evaluation.completeChecks(), findings) : evaluation;
    }

    private Finding withReport(Finding resolved, Instant failingSince, Inventory inventory) {
        Instant now = clock.instant();
        Instant start = BlindWindowReport.windowStart(inventory.service(CloudTrailInventory.class), resolved.region(),
                failingSince, now);
        List<String> regions = coveredRegions.isEmpty() ? List.of(resolved.region()) : coveredRegions;
        BlindWindowReport report;
        try {
            report = BlindWindowReport.build(lookups, regions, start, now);
        } catch (RuntimeException e) {
            // the resolution itself must still be recorded and announced
            LOG.error("blind-window report failed for {}", resolved.key(), e);
            return new Finding(resolved.checkId(), resolved.severity(), resolved.account(), resolved.region(),
                    resolved.resourceId(), resolved.status(), resolved.reason() + "\n\nThe blind-window report could "
                    + "not be built (" + e.getClass().getSimpleName() + "); read CloudTrail Event History from " + start
                    + " to " + now + ".", resolved.observedAt());
        }
        LOG.info("blind window {} to {}: {} write events read, truncated={}", start, now, report.total(),
                report.truncated());
        return new Finding(resolved.checkId(), resolved.severity(), resolved.account(), resolved.region(),
                resolved.resourceId(), resolved.status(), resolved.reason() + "\n\n" + report.toText(),
                resolved.observedAt());
    }
}
