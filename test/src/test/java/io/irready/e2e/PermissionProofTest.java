package io.irready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.AuditorIdentity;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Scope;
import io.irready.events.CheckTarget;
import io.irready.events.CloudTrailEvent;
import io.irready.events.RoutingDecision;
import io.irready.inventory.AwsClients;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Permissions proven, not declared: every check runs alone on the simulator, through the paths its
 * tests cover (a whole account, an empty one, a paginated one, each fixture event's named resources,
 * with and without a responder role and a deployment to guard), while an SDK interceptor records
 * every operation it calls. Each operation must map to an IAM action ({@link IamActions}) that the
 * check's metadata declares — the deployed role and {@code irready policy} are generated from those
 * declarations, so a missing one would be an AccessDenied in AWS that no local test shows.
 */
class PermissionProofTest {
    private static final CheckRegistry REGISTRY = Catalog.registry();
    private static final Map<String, Set<String>> CALLED = new TreeMap<>();

    @BeforeAll
    static void runEveryCheckAloneThroughItsPaths() throws IOException, URISyntaxException {
        String account = AccountGenerator.DEMO_ACCOUNT;
        String region = AccountGenerator.DEMO_REGION;
        Config plain = Config.builder().regions(List.of(region)).build();
        Config deployed = plain.toBuilder()
                .responderRoleArn(AccountGenerator.RESPONDER_ROLE.formatted(account))
                .auditor(new AuditorIdentity(region, List.of("irready-cloudtrail"), List.of("irready-events"), "live",
                        Optional.of("arn:aws:sns:" + region + ":" + account + ":irready-alerts"),
                        Optional.of("arn:aws:kms:" + region + ":" + account + ":key/0f4b2a8e-6c1d-4a55-9e3b-2d7c8e1f9a01")))
                .build();
        for (Config config : List.of(plain, deployed)) {
            runRegion(AccountGenerator.demo(account, region), config);
            runRegion(new SimulatedAccount(account, region), config);
            runRegion(AccountGenerator.scaled(300), config);
            runRegion(withPublicTrailBucket(account, region), config);
        }
        for (String fixture : RouteScopeConsistencyTest.fixtures().toList()) {
            for (CloudTrailEvent event : RouteScopeConsistencyTest.events(fixture)) {
                RoutingDecision decision = Catalog.routeTable().route(event);
                for (CheckTarget target : decision.targets()) {
                    SimulatedAccount simulated = RouteScopeConsistencyTest.accountWith(event, decision.resourceIds());
                    run(simulated, deployed, target.checkId(), target.scope());
                }
            }
        }
    }

    /**
     * The demo account whose trail bucket's own settings leave it public, so that the bucket check also reads
     * the account-level Block Public Access (it is read only when the bucket's own settings do not block).
     */
    private static SimulatedAccount withPublicTrailBucket(String account, String region) {
        SimulatedAccount a = AccountGenerator.demo(account, region);
        SimulatedAccount.Bucket trailBucket = a.buckets.get(AccountGenerator.TRAIL_BUCKET);
        a.buckets.put(trailBucket.name(), new SimulatedAccount.Bucket(trailBucket.name(), trailBucket.ownerAccount(),
                trailBucket.expirationDays(), false));
        a.bucketPublicPolicies.add(trailBucket.name());
        a.accountPublicAccessBlocked = true;
        return a;
    }

    private static void runRegion(SimulatedAccount simulated, Config config) throws IOException {
        for (Check check : REGISTRY.all()) {
            run(simulated, config, check.id(), Scope.REGION);
        }
    }

    private static void run(SimulatedAccount simulated, Config config, String checkId, Scope scope) throws IOException {
        Set<String> calls = new ConcurrentSkipListSet<>();
        try (AwsSimulator sim = new AwsSimulator(simulated)) {
            AwsClients clients = AwsClients.forEndpoint(sim.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")), 1)
                    .withInterceptor(new Recorder(calls));
            new Evaluator(REGISTRY, config, Clock.systemUTC())
                    .evaluate(Catalog.inventories(clients).create(simulated.account, simulated.region),
                            List.of(checkId), scope);
        }
        CALLED.computeIfAbsent(checkId, id -> new TreeSet<>()).addAll(calls);
    }

    @AfterAll
    static void forget() {
        CALLED.clear();
    }

    @Test
    void everyOperationACheckCallsIsAnActionItDeclares() {
        Map<String, Set<String>> undeclared = new TreeMap<>();
        CALLED.forEach((checkId, operations) -> {
            List<String> declared = REGISTRY.find(checkId).orElseThrow().metadata().permissions();
            for (String operation : operations) {
                String action = IamActions.of(operation).orElseThrow(() -> new AssertionError(
                        "no IAM action known for SDK operation " + operation + " (called by " + checkId
                                + "): add it to IamActions with the action the AWS documentation gives"));
                if (!declared.contains(action)) {
                    undeclared.computeIfAbsent(checkId, id -> new TreeSet<>()).add(operation + " → " + action);
                }
            }
        });
        assertThat(undeclared).as("operations called but not declared in the check's permissions").isEmpty();
    }

    @Test
    void everyCheckWasSeenCallingAws() {
        assertThat(CALLED.keySet()).as("checks run").containsAll(REGISTRY.all().stream().map(Check::id).toList());
        assertThat(CALLED).allSatisfy((checkId, operations) ->
                assertThat(operations).as(checkId + " made no AWS call on any path: the proof proves nothing")
                        .isNotEmpty());
    }

    /** Records {@code <service id>:<operation>} of every call before it is sent. */
    private record Recorder(Set<String> calls) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
