package io.irready.engine;

import static io.irready.core.EnvironmentNames.AWS_DEFAULT_REGION;
import static io.irready.core.EnvironmentNames.AWS_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_FUNCTION_NAMES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_KEY_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_INTEGRITY_TOPIC_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_RECHECK_QUEUE_URL;
import static io.irready.core.EnvironmentNames.IRREADY_TABLE_NAME;
import static io.irready.core.EnvironmentNames.IRREADY_TOPIC_ARN;

import io.irready.alerts.BlindWindowEnricher;
import io.irready.alerts.FindingEventBus;
import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.checks.irready.OwnResources;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Memo;
import io.irready.core.ResourceIds;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.securityhub.SecurityHubImport;
import io.irready.store.Store;
import io.irready.store.StoredFinding;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The engine as a deployment runs it, wired from the environment the CDK stack sets (the
 * {@link io.irready.core.EnvironmentNames}) and the SDK's own {@code AWS_*} variables, including
 * {@code AWS_ENDPOINT_URL}: the table, topics and queue of the contract, and the real catalog.
 */
public final class EngineWiring {
    private EngineWiring() {
    }

    /** @param function the function's name in its log lines and metrics (event, sweep) */
    public static Engine fromEnvironment(Map<String, String> env, String function, PrintStream out) {
        String region = env.getOrDefault(AWS_REGION, env.getOrDefault(AWS_DEFAULT_REGION, "us-east-1"));
        Config config = Config.fromEnvironment(env);
        AwsClients clients = AwsClients.standard();
        Clock clock = Clock.systemUTC();
        CheckRegistry registry = Catalog.registry();
        Store store = Store.open(clients.build(DynamoDbClient.builder(), region),
                required(env, IRREADY_TABLE_NAME), config, clock);
        Notifier notifier = new Notifier(clients.build(SnsClient.builder(), region), required(env, IRREADY_TOPIC_ARN),
                Optional.ofNullable(env.get(IRREADY_INTEGRITY_TOPIC_ARN)), store.outbox(), store.ledger(),
                registry);
        Optional<Recheck> recheck = Optional.ofNullable(env.get(IRREADY_RECHECK_QUEUE_URL)).filter(s -> !s.isBlank())
                .map(url -> new Recheck(clients.build(SqsClient.builder(), region), url));
        StsClient sts = clients.build(StsClient.builder(), region);
        // one STS call per container, shared by the sweeps and the audit roles of other accounts
        Supplier<String> ownAccount = Memo.of(() -> AwsCall.required("sts:GetCallerIdentity", "Account",
                AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account()));
        List<String> regions = config.regions().isEmpty() ? List.of(region) : config.regions();
        return Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable().withOwnResources(ownResources(env)))
                .inventories(Catalog.inventories(clients).acrossAccounts(new AuditRoles(clients, ownAccount,
                        region, AuditRoles.roleName(env), clock)::clientsFor))
                .store(store)
                .notifier(notifier)
                .recheck(recheck)
                .ownAccount(ownAccount)
                .homeRegion(region)
                .clock(clock)
                .log(new JsonLog(function, out, clock))
                .metrics(new Metrics(function, out, clock))
                .enricher(new BlindWindowEnricher(LookupEventsCollector.standard(clients), regions, clock)::enrich)
                .securityHub(securityHub(config, clients, registry, store))
                .findingEvents(Optional.of(new FindingEventBus(clients.build(EventBridgeClient.builder(), region))))
                .build();
    }

    /** The Security Hub import (each finding into its own region's Security Hub), when the deployment switched it on. */
    static Optional<SecurityHubImport> securityHub(Config config, AwsClients clients, CheckRegistry registry,
                                                   Store store) {
        if (!config.securityHubImport()) {
            return Optional.empty();
        }
        Map<String, SecurityHubClient> byRegion = new ConcurrentHashMap<>();
        return Optional.of(new SecurityHubImport(
                r -> byRegion.computeIfAbsent(r, x -> clients.build(SecurityHubClient.builder(), x)), registry,
                t -> store.queries().get(t.account(), t.region(), t.checkId(), t.resourceId())
                        .map(StoredFinding::firstSeenAt)));
    }

    /**
     * irready's own function, key, rule, topic and alarm ARNs (from the {@code IRREADY_AUDITOR_*} variables the deployment
     * sets), so that the routes that watch only irready itself (a changed function configuration, a
     * disabled key) match them and nothing else.
     */
    static Set<String> ownResources(Map<String, String> env) {
        Set<String> own = new TreeSet<>();
        String key = env.get(IRREADY_AUDITOR_KEY_ARN);
        if (key != null && !key.isBlank()) {
            own.add(key.strip());
        }
        String account = ResourceIds.accountOf(env.getOrDefault(IRREADY_TOPIC_ARN, ""));
        if (account == null && key != null) {
            account = ResourceIds.accountOf(key.strip());
        }
        String region = env.getOrDefault(IRREADY_AUDITOR_REGION, env.get(AWS_REGION));
        String functions = env.get(IRREADY_AUDITOR_FUNCTION_NAMES);
        if (account != null && region != null && functions != null) {
            for (String name : functions.split(",")) {
                if (!name.isBlank()) {
                    own.add(ResourceIds.arn("lambda", region, account, "function:" + name.strip()));
                }
            }
        }
        if (account != null) { // rules (home and forwarders), topic and alarms
            String ownAccount = account;
            Config.fromEnvironment(env).auditor().ifPresent(a -> own.addAll(OwnResources.of(a, ownAccount)));
        }
        return own;
    }

    private static String required(Map<String, String> env, String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set; the deployment (CDK) sets it on every irready function");
        }
        return value;
    }
}
