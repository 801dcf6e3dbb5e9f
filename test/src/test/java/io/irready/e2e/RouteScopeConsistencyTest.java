package io.irready.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Granularity;
import io.irready.core.ResourceIds;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.events.CheckTarget;
import io.irready.events.CloudTrailEvent;
import io.irready.events.EventParser;
import io.irready.events.ParsedEvent;
import io.irready.events.RouteTable;
import io.irready.events.RoutingDecision;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.sim.AccountGenerator;
import io.irready.sim.AwsSimulator;
import io.irready.sim.SimulatedAccount;
import io.irready.sim.SimulatedAccount.Bucket;
import io.irready.sim.SimulatedAccount.Key;
import io.irready.sim.SimulatedAccount.DbCluster;
import io.irready.sim.SimulatedAccount.DbInstance;
import io.irready.sim.SimulatedAccount.Distribution;
import io.irready.sim.SimulatedAccount.Function;
import io.irready.sim.SimulatedAccount.Instance;
import io.irready.sim.SimulatedAccount.LogGroup;
import io.irready.sim.SimulatedAccount.Trail;
import io.irready.sim.SimulatedAccount.Vpc;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The event path and the checks must name resources the same way. For every fixture event, the
 * routing decision's named resources are created in a simulated account (the fixture's account and
 * region, the demo account's resources around them), the routed checks run through the real
 * collectors against the simulator, and every named resource must come back as a finding — not an
 * ERROR, which the evaluator would also emit for a named id it could not judge. If a route's
 * canonical id and a check's id differ by so much as a {@code :*}, the evaluator filters the finding
 * out and the event silently re-evaluates nothing; this test fails instead.
 */
class RouteScopeConsistencyTest {
    /**
     * Routed check ids this build does not implement (the evaluator skips them; so does this test).
     * When one is added to the catalog, this list must shrink — {@link #unimplementedListIsExact} says so.
     */
    static final Set<String> NOT_REGISTERED = Set.of();

    private static final CheckRegistry REGISTRY = Catalog.registry();
    /** A responder role, so that ir-responder-permissions has its resource to judge (the role). */
    static final Config CONFIG = Config.builder()
            .responderRoleArn("arn:aws:iam::123456789012:role/IncidentResponder").build();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(RouteScopeConsistencyTest.class.getResource("/events")).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> root.relativize(p).toString())
                    .sorted().toList().stream();
        }
    }

    static List<CloudTrailEvent> events(String fixture) throws IOException {
        try (InputStream in = RouteScopeConsistencyTest.class.getResourceAsStream("/events/" + fixture)) {
            List<CloudTrailEvent> out = new ArrayList<>();
            for (ParsedEvent parsed : new EventParser().parse(in)) {
                assertThat(parsed).as(fixture).isInstanceOf(CloudTrailEvent.class);
                out.add((CloudTrailEvent) parsed);
            }
            return out;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyResourceAnEventNamesComesBackAsAFinding(String fixture) throws IOException {
        for (CloudTrailEvent event : events(fixture)) {
            RoutingDecision decision = Catalog.routeTable().route(event);
            List<CheckTarget> targets = decision.targets().stream()
                    .filter(t -> REGISTRY.contains(t.checkId())).toList();
            if (targets.isEmpty()) {
                continue;
            }
            SimulatedAccount account = accountWith(event, decision.resourceIds());
            try (AwsSimulator sim = new AwsSimulator(account)) {
                AwsInventoryFactory inventories = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")), 1));
                Evaluator evaluator = new Evaluator(REGISTRY, CONFIG, Clock.systemUTC());
                for (CheckTarget target : targets) {
                    Evaluation evaluation = evaluator.evaluate(inventories.create(event.account(), event.awsRegion()),
                            List.of(target.checkId()), target.scope());
                    assertJudged(fixture, event, target, evaluation);
                    if (!target.scope().isRegion()) {
                        Evaluation sweep = evaluator.evaluate(inventories.create(event.account(), event.awsRegion()),
                                List.of(target.checkId()), Scope.REGION);
                        assertThat(verdicts(evaluation)).as(fixture + " → " + target.checkId()
                                + ": the event's verdicts are the sweep's for the same resources")
                                .isEqualTo(verdicts(sweep.findings().stream()
                                        .filter(f -> target.scope().includes(f.resourceId())).toList()));
                    }
                }
            }
        }
    }

    private static void assertJudged(String fixture, CloudTrailEvent event, CheckTarget target, Evaluation evaluation) {
        String what = fixture + " → " + target.checkId() + " " + target.scope();
        Check check = REGISTRY.find(target.checkId()).orElseThrow();
        assertThat(evaluation.findings()).as(what + ": no ERROR (a missing simulator operation, or a named id the "
                + "check could not judge)").allSatisfy(f -> assertThat(f.status()).as(f.reason()).isNotEqualTo(Status.ERROR));
        assertThat(evaluation.completeChecks()).as(what).containsExactly(target.checkId());
        Set<String> found = new TreeSet<>(evaluation.findings().stream().map(Finding::resourceId).toList());
        if (check.metadata().granularity() == Granularity.ACCOUNT_REGION) {
            assertThat(target.scope().isRegion()).as(what + ": a region-level check runs over the region").isTrue();
            assertThat(found).as(what).containsExactly(ResourceIds.accountRegion(event.account(), event.awsRegion()));
            return;
        }
        if (target.scope().isRegion()) {
            // nothing named: a sweep-shaped evaluation, which judges the demo account's resources
            assertThat(found).as(what + ": the region evaluation judges the account's resources").isNotEmpty();
            return;
        }
        Set<String> named = new TreeSet<>(target.scope().resources().orElseThrow());
        named.removeIf(RouteScopeConsistencyTest::notForensic);
        assertThat(found).as(what + ": every named resource is judged, under the id the route used").isEqualTo(named);
    }

    private static Map<String, Status> verdicts(Evaluation evaluation) {
        return verdicts(evaluation.findings());
    }

    private static Map<String, Status> verdicts(List<Finding> findings) {
        Map<String, Status> out = new TreeMap<>();
        findings.forEach(f -> out.put(f.resourceId(), f.status()));
        return out;
    }

    /**
     * {@code logs-retention} judges only log groups under the forensic prefixes (Config), in the sweep
     * as on the event path, so a named group outside them ({@code /vpc/flow-logs} in
     * {@code logs/PutRetentionPolicy.record.json}) rightly has no finding on either path.
     */
    static boolean notForensic(String id) {
        int at = id.indexOf(":log-group:");
        return at >= 0 && CONFIG.forensicLogGroupPrefixes().stream()
                .noneMatch(id.substring(at + ":log-group:".length())::startsWith);
    }

    /**
     * The demo account in the event's account and region, plus every resource the decision names,
     * built from its canonical id (so the simulator answers with the ids AWS would).
     */
    static SimulatedAccount accountWith(CloudTrailEvent event, Set<String> resourceIds) {
        SimulatedAccount a = AccountGenerator.demo(event.account(), event.awsRegion());
        String cluster = resourceIds.stream().filter(id -> id.contains(":rds:") && id.contains(":cluster:"))
                .map(id -> id.substring(id.lastIndexOf(':') + 1)).findFirst().orElse(null);
        for (String id : resourceIds) {
            String tail = id.substring(id.lastIndexOf('/') + 1);
            String afterColon = id.substring(id.lastIndexOf(':') + 1);
            if (id.contains(":cloudtrail:")) {
                a.trails.add(trail(a, tail, "logs-" + tail));
                a.buckets.put("logs-" + tail, new Bucket("logs-" + tail, a.account, 400, true));
            } else if (id.startsWith("arn:aws:s3:::")) {
                String bucket = id.substring("arn:aws:s3:::".length());
                a.buckets.put(bucket, new Bucket(bucket, a.account, 400, true));
                a.trails.add(trail(a, "trail-to-" + bucket, bucket)); // only trail buckets are judged
            } else if (id.contains(":vpc/")) {
                a.vpcs.add(new Vpc(tail, "10.42.0.0/16"));
            } else if (id.contains(":instance/")) {
                a.instances.add(new Instance(tail, "running", null, Map.of("Name", "from-event")));
            } else if (id.contains(":lambda:")) {
                a.functions.add(new Function(afterColon, "arn:aws:iam::" + a.account + ":role/" + afterColon + "-role",
                        null));
            } else if (id.contains(":cloudfront:")) {
                a.distributions.add(new Distribution(tail, true, null));
            } else if (id.contains(":rds:") && id.contains(":cluster:")) {
                a.dbClusters.add(new DbCluster(afterColon, "aurora-mysql", List.of("audit", "error")));
            } else if (id.contains(":rds:") && id.contains(":db:")) {
                a.dbInstances.add(new DbInstance(afterColon, cluster == null ? "mysql" : "aurora-mysql",
                        List.of("audit", "error"), List.of(), cluster));
            } else if (id.contains(":kms:") && id.contains(":key/")) {
                // evidence-decryptable judges keys that protect evidence: make the named key the trail's
                a.keys.put(tail, new Key(tail, "Enabled", null));
                a.buckets.put("logs-" + tail, new Bucket("logs-" + tail, a.account, 400, true));
                a.trails.add(new Trail("trail-with-" + tail, a.region, false, false, false, "logs-" + tail, null, true,
                        id, null, null));
            } else if (id.contains(":log-group:")) {
                String name = id.substring(id.indexOf(":log-group:") + ":log-group:".length());
                a.logGroups.put(name, new LogGroup(name, 400, null));
            } else if (id.contains(":elasticloadbalancing:") && id.contains(":loadbalancer/")) {
                // app|net/<name>/<id> (ELBv2) or <name> (Classic)
                String[] lb = id.substring(id.indexOf(":loadbalancer/") + ":loadbalancer/".length()).split("/");
                String type = lb.length == 1 ? "classic" : lb[0].equals("app") ? "application" : "network";
                a.loadBalancers.add(new SimulatedAccount.LoadBalancer(lb.length == 1 ? lb[0] : lb[1], type,
                        lb.length == 1 ? null : lb[2], true, true, "demo-alb-logs-" + a.account));
            } else if (id.contains(":eks:") && id.contains(":cluster/")
                    && a.eksClusters.stream().noneMatch(c -> c.name().equals(tail))) {
                a.eksClusters.add(new SimulatedAccount.EksCluster(tail, "ACTIVE", List.of("audit", "authenticator")));
            }
        }
        return a;
    }

    private static Trail trail(SimulatedAccount a, String name, String bucket) {
        return new Trail(name, a.region, false, false, false, bucket, null, true, null, null, null);
    }

    /**
     * {@code cloudtrail-bucket-retention} is keyed by the bucket ARN, not by the trail ARN the trail
     * calls name: those calls must still re-judge the trail's bucket (they run it over the region).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trailFixtures")
    void trailCallsReevaluateTheTrailBucket(String fixture) throws IOException {
        CloudTrailEvent event = events(fixture).getFirst();
        CheckTarget bucketTarget = Catalog.routeTable().route(event).targets().stream()
                .filter(t -> t.checkId().equals("cloudtrail-bucket-retention")).findFirst().orElseThrow();
        SimulatedAccount account = AccountGenerator.demo(event.account(), event.awsRegion());
        account.trails.add(trail(account, "management-events", "acme-cloudtrail-logs-" + event.account()));
        account.buckets.put("acme-cloudtrail-logs-" + event.account(), new Bucket("acme-cloudtrail-logs-"
                + event.account(), event.account(), 30, true));
        try (AwsSimulator sim = new AwsSimulator(account)) {
            AwsInventoryFactory inventories = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")), 1));
            Evaluation evaluation = new Evaluator(REGISTRY, CONFIG, Clock.systemUTC()).evaluate(
                    inventories.create(event.account(), event.awsRegion()), List.of(bucketTarget.checkId()),
                    bucketTarget.scope());
            assertThat(verdicts(evaluation)).containsEntry("arn:aws:s3:::acme-cloudtrail-logs-" + event.account(),
                    Status.FAIL);
        }
    }

    /**
     * A trail homed in us-east-1 writing to a bucket whose events arrive from eu-west-1: the bucket is
     * judged in the trail's region only, so the event's region alone yields nothing — the route says
     * "every region", and there the bucket's finding comes back.
     */
    @Test
    void bucketEventsFindTheBucketInItsTrailsRegion() throws IOException {
        CloudTrailEvent event = events("s3/PutBucketLifecycle.envelope.json").getFirst();
        String trailRegion = "us-east-1";
        assertThat(event.awsRegion()).isNotEqualTo(trailRegion);
        RoutingDecision decision = Catalog.routeTable().route(event);
        assertThat(decision.everyRegion()).isTrue();
        CheckTarget target = decision.targets().getFirst();
        String bucket = target.scope().resources().orElseThrow().iterator().next().substring("arn:aws:s3:::".length());

        SimulatedAccount account = AccountGenerator.demo(event.account(), event.awsRegion());
        account.buckets.put(bucket, new Bucket(bucket, account.account, 30, true));
        account.trails.add(new Trail("central", trailRegion, true, true, false, bucket, null, true, null, null, null));
        try (AwsSimulator sim = new AwsSimulator(account)) {
            AwsInventoryFactory inventories = Catalog.inventories(AwsClients.forEndpoint(sim.endpoint(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")), 1));
            Evaluator evaluator = new Evaluator(REGISTRY, CONFIG, Clock.systemUTC());
            Map<String, Status> eventRegionOnly = verdicts(evaluator.evaluate(inventories.create(event.account(),
                    event.awsRegion()), List.of(target.checkId()), target.scope()));
            Map<String, Status> inTrailRegion = verdicts(evaluator.evaluate(inventories.create(event.account(),
                    trailRegion), List.of(target.checkId()), target.scope()));

            assertThat(eventRegionOnly).as("the bucket's own region does not judge it").isEmpty();
            assertThat(inTrailRegion).containsExactly(Map.entry("arn:aws:s3:::" + bucket, Status.FAIL));
        }
    }

    /** The trail calls that can move a trail onto or off a bucket (logging and selector calls cannot). */
    static Stream<String> trailFixtures() {
        return Stream.of("cloudtrail/DeleteTrail.record.json", "cloudtrail/UpdateTrail.record.json",
                "cloudtrail/CreateTrail.envelope.json");
    }

    @Test
    void unimplementedListIsExact() {
        Set<String> routed = Catalog.routeTable().checkIds();
        Set<String> unregistered = new TreeSet<>(routed);
        unregistered.removeIf(REGISTRY::contains);
        assertThat(unregistered).as("a routed check joined (or left) the catalog: update NOT_REGISTERED, so this "
                + "test replays its routes against the simulator").isEqualTo(new TreeSet<>(NOT_REGISTERED));
    }
}
