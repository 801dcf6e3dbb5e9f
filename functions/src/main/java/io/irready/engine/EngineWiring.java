package io.irready.engine;

import static io.irready.core.EnvironmentNames.AWS_DEFAULT_REGION;
import static io.irready.core.EnvironmentNames.AWS_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_FUNCTION_NAMES;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_KEY_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_AUDITOR_REGION;
import static io.irready.core.EnvironmentNames.IRREADY_AUDIT_ROLE_NAME;
import static io.irready.core.EnvironmentNames.IRREADY_INTEGRITY_TOPIC_ARN;
import static io.irready.core.EnvironmentNames.IRREADY_RECHECK_QUEUE_URL;
import static io.irready.core.EnvironmentNames.IRREADY_TABLE_NAME;
import static io.irready.core.EnvironmentNames.IRREADY_TOPIC_ARN;

import io.irready.alerts.AccountNames;
import io.irready.alerts.BlindWindowEnricher;
import io.irready.alerts.FindingEventBus;
import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.checks.irready.OwnResources;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Memo;
import io.irready.core.ResourceIds;
import io.irready.events.RouteTable;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import io.irready.inventory.cloudtrail.LookupEventsCollector;
import io.irready.inventory.irready.CanaryInventory;
import io.irready.organization.OrganizationAccountNames;
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
        return fromEnvironment(env, function, out, AwsClients.standard());
    }

    /**
     * The same over {@code clients} (the Lambda handlers keep them to build, before a SnapStart
     * snapshot, the clients their functions will use). Every SDK client is built on first use.
     */
    public static Engine fromEnvironment(Map<String, String> env, String function, PrintStream out,
                                         AwsClients clients) {
        String region = homeRegion(env);
        Config config = Config.fromEnvironment(env);
        Clock clock = Clock.systemUTC();
        // what needs no SDK client first: a handler builds its first clients meanwhile, on another thread
        CheckRegistry registry = Catalog.registry();
        RouteTable routes = Catalog.routeTable().withOwnResources(ownResources(env));
        Store store = Store.open(clients.shared(DynamoDbClient::builder, region),
                required(env, IRREADY_TABLE_NAME), config, clock);
        Notifier notifier = new Notifier(clients.shared(SnsClient::builder, region), required(env, IRREADY_TOPIC_ARN),
                Optional.ofNullable(env.get(IRREADY_INTEGRITY_TOPIC_ARN)), store.outbox(), store.ledger(),
                registry, accountNames(env, clients, region, clock));
        Optional<Recheck> recheck = Optional.ofNullable(env.get(IRREADY_RECHECK_QUEUE_URL)).filter(s -> !s.isBlank())
                .map(url -> new Recheck(clients.shared(SqsClient::builder, region), url));
        // one STS call per container, shared by the sweeps and the audit roles of other accounts; the STS
        // client is built with it, so an event about the own account never pays for one
        Supplier<String> ownAccount = Memo.of(() -> AwsCall.required("sts:GetCallerIdentity", "Account",
                AwsCall.call("sts:GetCallerIdentity", clients.shared(StsClient::builder, region)::getCallerIdentity)
                        .account()));
        List<String> regions = config.regions().isEmpty() ? List.of(region) : config.regions();
        return Engine.builder()
                .config(config)
                .registry(registry)
                .routes(routes)
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
                .findingEvents(Optional.of(new FindingEventBus(() -> clients.shared(EventBridgeClient::builder, region))))
                .canary(CanarySettings.fromEnvironment(env))
                .build();
    }

    /** The region the function runs in (where its table, topic and queue are). */
    public static String homeRegion(Map<String, String> env) {
        return env.getOrDefault(AWS_REGION, env.getOrDefault(AWS_DEFAULT_REGION, "us-east-1"));
    }

    /**
     * Account names for alerts where the deployment audits other accounts (it then sets the audit role's
     * name); a single-account deployment makes no Organizations call for them.
     */
    static AccountNames accountNames(Map<String, String> env, AwsClients clients, String region, Clock clock) {
        return env.containsKey(IRREADY_AUDIT_ROLE_NAME) ? new OrganizationAccountNames(clients, region, clock)
                : AccountNames.NONE;
    }

    /** The Security Hub import (each finding into its own region's Security Hub), when the deployment switched it on. */
    static Optional<SecurityHubImport> securityHub(Config config, AwsClients clients, CheckRegistry registry,
                                                   Store store) {
        if (!config.securityHubImport()) {
            return Optional.empty();
        }
        Map<String, SecurityHubClient> byRegion = new ConcurrentHashMap<>();
        return Optional.of(new SecurityHubImport(
                r -> byRegion.computeIfAbsent(r, x -> clients.shared(SecurityHubClient::builder, x)), registry,
                t -> store.queries().get(t.account(), t.region(), t.checkId(), t.resourceId())
                        .map(StoredFinding::firstSeenAt)));
    }

    /**
     * irready's own function, key, rule, topic and alarm ARNs (from the {@code IRREADY_AUDITOR_*} variables the
     * deployment sets), and its canary log groups, so that the routes that watch only irready itself (a changed
     * function configuration, a disabled key, the canary's tag) match them and nothing else.
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
        if (account != null && CanarySettings.fromEnvironment(env).isPresent()) {
            // the canary's log group in every watched region, so that its route matches irready's tag and no other
            List<String> watched = Config.fromEnvironment(env).regions();
            for (String r : watched.isEmpty() && region != null ? List.of(region) : watched) {
                own.add(CanaryInventory.logGroupArn(r, account));
            }
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
