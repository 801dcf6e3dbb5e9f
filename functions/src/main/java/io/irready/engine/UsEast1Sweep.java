package io.irready.engine;

import io.irready.core.CheckRegistry;
import io.irready.core.Evaluation;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.UsEast1Check;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.store.RecordResult;
import java.util.List;
import java.util.Optional;

/**
 * The part of a sweep that judges the {@link UsEast1Check}s in us-east-1 when us-east-1 is not a watched
 * region. Global services (CloudFront, Organizations) are judged only from there, and irready always forwards
 * us-east-1's global-service events, which open findings there: without this pass a deployment homed in
 * eu-west-1 would never judge CloudFront, and a finding an event opened in us-east-1 would never be re-judged.
 * No score point is stored for us-east-1: it is not a watched region.
 */
final class UsEast1Sweep {
    private UsEast1Sweep() {
    }

    /** The swept checks to judge in us-east-1 besides the watched regions (none when us-east-1 is watched). */
    static List<String> checkIds(CheckRegistry registry, List<String> watchedRegions, List<String> sweptCheckIds) {
        if (watchedRegions.contains(UsEast1Check.REGION)) {
            return List.of();
        }
        return sweptCheckIds.stream()
                .filter(id -> registry.find(id).filter(UsEast1Check.class::isInstance).isPresent())
                .toList();
    }

    /** Judges, stores and announces those checks in us-east-1; a failure is logged and counted, never thrown. */
    static void run(String account, List<String> checkIds, AwsInventoryFactory inventories, Verdicts verdicts,
                    JsonLog log, Metrics metrics) {
        if (checkIds.isEmpty()) {
            return;
        }
        try {
            Inventory inventory = inventories.create(account, UsEast1Check.REGION);
            Evaluation evaluation = verdicts.evaluate(inventory, checkIds, Scope.REGION);
            RecordResult result = verdicts.recordAndAnnounce(evaluation, Optional.empty(), true);
            log.info("us-east-1 checks swept", "account", account, "region", UsEast1Check.REGION,
                    "checks", checkIds, "transitions", result.transitions().size(), "closed", result.closed());
        } catch (RuntimeException e) {
            metrics.count(Metrics.ERRORS);
            log.error("us-east-1 sweep failed", "region", UsEast1Check.REGION, "error", String.valueOf(e));
        }
    }
}
