package io.irready.bench;

import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.core.AccountScope;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.engine.Engine;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsClients;
import io.irready.lambda.SweepHandler;
import io.irready.lambda.SweepPlanHandler;
import io.irready.organization.OrganizationAccountNames;
import io.irready.organization.OrganizationSource;
import io.irready.organization.SweepPlanner;
import io.irready.sim.AwsSimulator;
import io.irready.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An organization deployment of irready on the simulator, wired as {@code EngineWiring} and
 * {@code SweepPlanHandler.fromEnvironment} wire it on Lambda: the central (here: management) account's own
 * credentials, every member through the audit role ({@link AuditRoles}, one STS call per account while this
 * "container" lives), account names from Organizations for the alerts. The handlers it returns are the ones
 * the Step Functions state machine invokes: the plan, then one sweep item per account and region.
 */
public final class OrganizationAuditor {
    public static final String STS_REGION = "us-east-1";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDORGANIZATION", "organization"));

    private final AwsSimulator sim;
    private final AwsClients clients;
    private final AuditRoles roles;
    private final OrganizationAccountNames names;
    private final Engine engine;
    private final SweepPlanner planner;

    /**
     * @param regions the watched regions, home region first
     * @param scope   the configured account scope
     * @param units   the configured OUs (empty: the whole organization)
     * @param logs    where the functions' log lines and metrics go
     */
    public OrganizationAuditor(AwsSimulator sim, DynamoDbClient dynamo, String table, List<String> regions,
                               AccountScope scope, List<String> units, PrintStream logs) {
        this.sim = sim;
        String home = sim.account().account;
        String homeRegion = regions.get(0);
        Clock clock = Clock.systemUTC();
        this.clients = AwsClients.forEndpoint(sim.endpoint(), CREDENTIALS, 1);
        Config config = Config.builder().regions(regions).accountScope(scope).build();
        CheckRegistry registry = Catalog.registry();
        Store store = Store.open(dynamo, table, config, clock);
        this.names = new OrganizationAccountNames(clients, STS_REGION, clock);
        Notifier notifier = new Notifier(clients.build(SnsClient.builder(), homeRegion),
                "arn:aws:sns:" + homeRegion + ":" + home + ":irready-alerts", Optional.empty(), store.outbox(),
                store.ledger(), registry, names);
        this.roles = new AuditRoles(clients, home, STS_REGION, AuditRoles.DEFAULT_ROLE_NAME, clock);
        this.engine = Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable())
                .inventories(Catalog.inventories(clients).acrossAccounts(roles::clientsFor))
                .store(store)
                .notifier(notifier)
                .ownAccount(() -> home)
                .homeRegion(homeRegion)
                .clock(clock)
                .log(new JsonLog("sweep", logs, clock))
                .metrics(new Metrics("sweep", logs, clock))
                .build();
        this.planner = new SweepPlanner(() -> OrganizationSource.activeMembers(clients, STS_REGION, units), scope,
                () -> home, regions);
    }

    public Engine engine() {
        return engine;
    }

    /** The sweep function: {@code {"mode","account","region"}} items, as the Distributed Map passes them. */
    public SweepHandler sweepHandler() {
        return new SweepHandler(engine);
    }

    public SweepPlanHandler planHandler() {
        return new SweepPlanHandler(planner);
    }

    public AuditRoles roles() {
        return roles;
    }

    public OrganizationAccountNames names() {
        return names;
    }

    public AwsSimulator simulator() {
        return sim;
    }
}
