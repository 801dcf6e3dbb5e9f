package io.irready.engine;

import io.irready.alerts.Notifier;
import io.irready.checks.organizations.OrganizationCoverage;
import io.irready.core.AwsCallFailedException;
import io.irready.core.CheckRegistry;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.ResourceIds;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.store.RecordResult;
import io.irready.store.ScorePoint;
import io.irready.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One item of an organization sweep (one account in one region, as the Step Functions Distributed Map hands
 * it out): the home account is read with irready's own credentials, any other through its audit role
 * (assumed once per account while the container lives). An account whose role cannot be assumed is one
 * {@code organization-coverage} ERROR for that account, filed as the coverage check files it, and the item
 * ends normally: retrying it would not create the role. A throttled or failing STS, and anything else
 * unexpected, propagates, so the map retries the item.
 *
 * <p>Republishing the outbox concerns the deployment rather than an account: the home account's item in the
 * first watched region does it, once per sweep rather than once per item ({@link Sweeper} adds the dashboard's
 * failing-findings counts and, in a full sweep, the Security Hub reconciliation to that item).
 */
final class SweepItems {
    private final CheckRegistry registry;
    private final AwsInventoryFactory inventories;
    private final Store store;
    private final Notifier notifier;
    private final Supplier<String> ownAccount;
    private final List<String> regions;
    private final Clock clock;
    private final JsonLog log;
    private final Metrics metrics;
    private final Verdicts verdicts;

    SweepItems(Collaborators with, Verdicts verdicts) {
        this.registry = with.registry();
        this.inventories = with.inventories();
        this.store = with.store();
        this.notifier = with.notifier();
        this.ownAccount = with.ownAccount();
        this.regions = with.regions();
        this.clock = with.clock();
        this.log = with.log();
        this.metrics = with.metrics();
        this.verdicts = verdicts;
    }

    Sweeper.ItemSweep sweep(SweepMode mode, List<String> checkIds, String account, String region, String name) {
        String mode1 = mode.name().toLowerCase(Locale.ROOT);
        boolean home = account.equals(ownAccount.get());
        String named = name == null || name.isBlank() ? account : account + " (" + name + ")";
        notifier.rememberAccountName(account, name);
        if (!home) {
            try {
                inventories.clientsFor(account); // assumes the role, or answers from the container's cache
            } catch (AwsCallFailedException e) {
                if (e.kind() == AwsCallFailedException.Kind.THROTTLED || e.kind() == AwsCallFailedException.Kind.FAULT) {
                    throw e; // STS itself is struggling: the map retries the item rather than report a blind account
                }
                RecordResult result = coverage(account, Status.ERROR, "irready cannot audit account " + named
                        + ": cannot assume its audit role: " + e.getMessage()
                        + ". Create the audit role there, trusting irready's account.");
                log.warn("account unreachable", "mode", mode1, "account", account, "region", region,
                        "error", e.getMessage());
                return new Sweeper.ItemSweep(mode1, account, region, false, 1, result.transitions().size(), 0, 0, 0);
            }
            coverage(account, Status.PASS, "irready can audit account " + named + ".");
        }
        Evaluation evaluation = verdicts.evaluate(inventories.create(account, region), checkIds, Scope.REGION);
        RecordResult result = verdicts.recordAndAnnounce(evaluation, Optional.empty(), true);
        ScorePoint point = store.scores().recordScore(account, region);
        int republished = 0;
        if (home && region.equals(regions.get(0))) {
            Notifier.Delivery delivery = notifier.republishUnsent();
            metrics.count(Metrics.ALERTS_PUBLISHED, delivery.published());
            metrics.count(Metrics.ALERTS_FAILED, delivery.failed());
            republished = delivery.published();
        }
        log.info("account region swept", "mode", mode1, "account", account, "region", region,
                "checks", checkIds.size(), "transitions", result.transitions().size(), "closed", result.closed(),
                "score", point.score().score());
        return new Sweeper.ItemSweep(mode1, account, region, true, evaluation.findings().size(),
                result.transitions().size(), result.closed(), point.score().score(), republished);
    }

    /** The coverage verdict on {@code account}, under the key the coverage check itself uses (us-east-1). */
    private RecordResult coverage(String account, Status status, String reason) {
        String region = OrganizationCoverage.HOME_REGION;
        Severity severity = registry.find(OrganizationCoverage.ID).map(c -> c.metadata().severity())
                .orElse(Severity.HIGH);
        Finding finding = new Finding(OrganizationCoverage.ID, severity, account, region,
                ResourceIds.accountRegion(account, region), status, reason, clock.instant());
        return verdicts.recordAndAnnounce(new Evaluation(account, region, clock.instant(), Scope.REGION, List.of(),
                List.of(finding)), Optional.empty(), true);
    }
}
