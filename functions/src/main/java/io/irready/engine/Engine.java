package io.irready.engine;

import io.irready.alerts.FindingEventBus;
import io.irready.alerts.Notifier;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Memo;
import io.irready.events.EventParser;
import io.irready.events.RouteTable;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.securityhub.SecurityHubImport;
import io.irready.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The auditor every entry point shares — the Lambda handlers, the demo, the benchmarks and the
 * end-to-end tests run this same code over their own clients: the {@link EventPipeline} for
 * CloudTrail events (parse, route, evaluate, store, notify) and the {@link Sweeper} for scheduled
 * sweeps. Built with {@link #builder()}, or from a deployment's environment by {@link EngineWiring}.
 */
public final class Engine {
    private final Collaborators with;
    private final EventPipeline events;
    private final Sweeper sweeper;
    private final Optional<Canary> canary;

    private Engine(Collaborators with) {
        this.with = with;
        Verdicts verdicts = new Verdicts(with);
        this.canary = with.canary().map(settings -> new Canary(settings, with));
        this.events = new EventPipeline(with, verdicts, canary);
        this.sweeper = new Sweeper(with, verdicts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public EventPipeline events() {
        return events;
    }

    public Sweeper sweeper() {
        return sweeper;
    }

    /** The pipeline canary, when it is deployed. */
    public Optional<Canary> canary() {
        return canary;
    }

    public Store store() {
        return with.store();
    }

    public Notifier notifier() {
        return with.notifier();
    }

    public Metrics metrics() {
        return with.metrics();
    }

    public JsonLog log() {
        return with.log();
    }

    public EventParser parser() {
        return with.parser();
    }

    public RouteTable routes() {
        return with.routes();
    }

    public Clock clock() {
        return with.clock();
    }

    /** The regions a deployment covers: the configured list, else the home region. */
    public List<String> regions() {
        return with.regions();
    }

    /**
     * Names each collaborator as it is set. All are required except the re-check queue (without
     * one, the next sweep covers eventual consistency) and the enricher (none by default).
     */
    public static final class Builder {
        private Config config;
        private CheckRegistry registry;
        private RouteTable routes;
        private AwsInventoryFactory inventories;
        private Store store;
        private Notifier notifier;
        private Optional<Recheck> recheck = Optional.empty();
        private Supplier<String> ownAccount;
        private String homeRegion;
        private Clock clock;
        private JsonLog log;
        private Metrics metrics;
        private Enricher enricher = Enricher.NONE;
        private Optional<SecurityHubImport> securityHub = Optional.empty();
        private Optional<FindingEventBus> findingEvents = Optional.empty();
        private Optional<CanarySettings> canary = Optional.empty();

        private Builder() {
        }

        public Builder config(Config config) {
            this.config = config;
            return this;
        }

        public Builder registry(CheckRegistry registry) {
            this.registry = registry;
            return this;
        }

        public Builder routes(RouteTable routes) {
            this.routes = routes;
            return this;
        }

        public Builder inventories(AwsInventoryFactory inventories) {
            this.inventories = inventories;
            return this;
        }

        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        public Builder notifier(Notifier notifier) {
            this.notifier = notifier;
            return this;
        }

        public Builder recheck(Optional<Recheck> recheck) {
            this.recheck = recheck;
            return this;
        }

        public Builder recheck(Recheck recheck) {
            return recheck(Optional.of(recheck));
        }

        /** The account the auditor runs in (sweeps evaluate it); asked once, on first use. */
        public Builder ownAccount(Supplier<String> ownAccount) {
            this.ownAccount = ownAccount;
            return this;
        }

        /** The region to evaluate when the configuration lists none. */
        public Builder homeRegion(String homeRegion) {
            this.homeRegion = homeRegion;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder log(JsonLog log) {
            this.log = log;
            return this;
        }

        public Builder metrics(Metrics metrics) {
            this.metrics = metrics;
            return this;
        }

        public Builder enricher(Enricher enricher) {
            this.enricher = enricher;
            return this;
        }

        /** Imports transitions into Security Hub and reconciles open findings on sweeps (off by default). */
        public Builder securityHub(Optional<SecurityHubImport> securityHub) {
            this.securityHub = securityHub;
            return this;
        }

        /** Puts alertable transitions on an event bus ({@link EngineWiring} uses the default bus). */
        public Builder findingEvents(Optional<FindingEventBus> findingEvents) {
            this.findingEvents = findingEvents;
            return this;
        }

        /**
         * The pipeline canary (off by default): sends and receives it, and lets {@code auditor-integrity} read its
         * records. The routes must know the canary log groups as irready's own ({@link RouteTable#withOwnResources}).
         */
        public Builder canary(Optional<CanarySettings> canary) {
            this.canary = canary;
            return this;
        }

        /** @throws NullPointerException naming the first required collaborator that was not set */
        public Engine build() {
            Objects.requireNonNull(canary, "canary");
            AwsInventoryFactory readers = Objects.requireNonNull(inventories, "inventories");
            if (canary.isPresent()) {
                readers = readers.with(Canary.collector(canary.get(), Objects.requireNonNull(store, "store").canary(),
                        Objects.requireNonNull(clock, "clock")));
            }
            return new Engine(new Collaborators(Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(routes, "routes"),
                    new EventParser(), readers,
                    Objects.requireNonNull(store, "store"), Objects.requireNonNull(notifier, "notifier"),
                    Objects.requireNonNull(recheck, "recheck"),
                    Memo.of(Objects.requireNonNull(ownAccount, "ownAccount")::get),
                    Objects.requireNonNull(homeRegion, "homeRegion"), Objects.requireNonNull(clock, "clock"),
                    Objects.requireNonNull(log, "log"), Objects.requireNonNull(metrics, "metrics"),
                    Objects.requireNonNull(enricher, "enricher"),
                    Objects.requireNonNull(securityHub, "securityHub"),
                    Objects.requireNonNull(findingEvents, "findingEvents"), canary));
        }
    }
}
