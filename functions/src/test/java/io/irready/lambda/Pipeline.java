package io.irready.lambda;

import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.engine.Engine;
import io.irready.engine.EngineWiring;
import io.irready.engine.Enricher;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.engine.Recheck;
import io.irready.events.RouteTable;
import io.irready.inventory.AuditRoles;
import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.store.Store;
import io.irready.testing.AwsWire;
import io.irready.testing.Dynalite;
import io.irready.testing.SnsCapture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole pipeline for end-to-end tests, wired as {@link EngineWiring#fromEnvironment} wires it but
 * with every client aimed at loopback: AWS (CloudTrail, S3, KMS, Logs, STS, SNS, SQS) on an
 * {@link AwsWire}, DynamoDB on a real dynalite. Only the cloudtrail-* checks are enabled, so the
 * account stubs of {@code CloudTrailAccounts} are the whole account.
 */
final class Pipeline implements AutoCloseable {
    static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/irready-recheck";

    final AwsWire aws = new AwsWire();
    final SnsCapture sns = new SnsCapture(aws);
    final Store store;
    final Engine engine;
    final EventHandler events;
    final SweepHandler sweeps;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    Pipeline(Dynalite dynalite) {
        this(dynalite, Enricher.NONE);
    }

    Pipeline(Dynalite dynalite, Enricher enricher) {
        this(dynalite, enricher, UnaryOperator.identity(), false);
    }

    /**
     * As a multi-account deployment wires it: other accounts are read through their audit role
     * ({@code AssumeRole} on the wire), with the configuration adjusted by {@code configure}.
     */
    Pipeline(Dynalite dynalite, UnaryOperator<Config.Builder> configure) {
        this(dynalite, Enricher.NONE, configure, true);
    }

    /** A single-account deployment with its configuration adjusted by {@code configure} (e.g. other checks on). */
    static Pipeline configured(Dynalite dynalite, UnaryOperator<Config.Builder> configure) {
        return new Pipeline(dynalite, Enricher.NONE, configure, false);
    }

    private Pipeline(Dynalite dynalite, Enricher enricher, UnaryOperator<Config.Builder> configure,
                     boolean acrossAccounts) {
        aws.stub(AwsWire.jsonCall("AmazonSQS.SendMessage").willReturn(AwsWire.json(
                "{\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\",\"MD5OfMessageBody\":\"unchecked\"}")));
        CheckRegistry registry = Catalog.registry();
        Set<String> notCloudTrail = registry.all().stream().map(Check::id).filter(id -> !id.startsWith("cloudtrail-"))
                .collect(Collectors.toSet());
        Config config = configure.apply(Config.builder().regions(java.util.List.of(AwsWire.REGION))
                .disabledChecks(notCloudTrail)).build();
        Clock clock = Clock.systemUTC();
        store = Store.open(dynalite.client(), dynalite.newTable(), config, clock);
        Notifier notifier = new Notifier(aws.clients().build(SnsClient.builder(), AwsWire.REGION), SnsCapture.TOPIC,
                Optional.of(SnsCapture.INTEGRITY_TOPIC), store.outbox(), store.ledger(), registry);
        // the stub cannot compute the body's MD5: the SDK's check of it is off in tests only
        SqsClient sqs = aws.clients().build(SqsClient.builder().checksumValidationEnabled(false), AwsWire.REGION);
        StsClient sts = aws.clients().build(StsClient.builder(), AwsWire.REGION);
        PrintStream out = new PrintStream(logs, true, StandardCharsets.UTF_8);
        Supplier<String> ownAccount = () -> AwsCall.call("sts:GetCallerIdentity", sts::getCallerIdentity).account();
        AwsInventoryFactory inventories = Catalog.inventories(aws.clients());
        if (acrossAccounts) {
            inventories = inventories.acrossAccounts(new AuditRoles(aws.clients(), ownAccount, AwsWire.REGION,
                    AuditRoles.DEFAULT_ROLE_NAME, clock)::clientsFor);
        }
        engine = Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable())
                .inventories(inventories)
                .store(store)
                .notifier(notifier)
                .recheck(new Recheck(sqs, QUEUE_URL))
                .ownAccount(ownAccount)
                .homeRegion(AwsWire.REGION)
                .clock(clock)
                .log(new JsonLog("event", out, clock))
                .metrics(new Metrics("event", out, clock))
                .enricher(enricher)
                .build();
        events = new EventHandler(engine);
        sweeps = new SweepHandler(engine);
    }

    /** Invokes the event handler as Lambda would; returns its response. */
    String event(String input) {
        return invoke(events, input);
    }

    String sweep(String input) {
        return invoke(sweeps, input);
    }

    private static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything the functions logged (JSON lines and EMF metric documents). */
    String logs() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        aws.close();
    }
}
