package io.irready.engine;

import io.irready.alerts.FindingEventBus;
import io.irready.alerts.Notifier;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.events.EventParser;
import io.irready.events.RouteTable;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.securityhub.SecurityHubImport;
import io.irready.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the event pipeline and the sweeper work with, by name. Only {@link Engine.Builder} makes
 * one, after checking that nothing required is missing.
 *
 * @param ownAccount the account the auditor runs in (sweeps evaluate it); called once, lazily
 * @param homeRegion the region to evaluate when the configuration lists none
 * @param canary     the pipeline canary's settings, when it is deployed
 */
record Collaborators(Config config, CheckRegistry registry, RouteTable routes, EventParser parser,
                     AwsInventoryFactory inventories, Store store, Notifier notifier, Optional<Recheck> recheck,
                     Supplier<String> ownAccount, String homeRegion, Clock clock, JsonLog log, Metrics metrics,
                     Enricher enricher, Optional<SecurityHubImport> securityHub,
                     Optional<FindingEventBus> findingEvents, Optional<CanarySettings> canary) {

    /** The regions a deployment covers: the configured list, else the home region. */
    List<String> regions() {
        return config.regions().isEmpty() ? List.of(homeRegion) : config.regions();
    }
}
