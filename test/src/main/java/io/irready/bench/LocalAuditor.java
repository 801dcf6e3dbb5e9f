package io.irready.bench;

import io.irready.alerts.Notifier;
import io.irready.checks.Catalog;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.EnvironmentNames;
import io.irready.engine.Engine;
import io.irready.engine.JsonLog;
import io.irready.engine.Metrics;
import io.irready.engine.Recheck;
import io.irready.events.RouteTable;
import io.irready.inventory.AwsClients;
import io.irready.inventory.AwsInventoryFactory;
import io.irready.lambda.EventHandler;
import io.irready.store.Store;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The production event pipeline ({@link Engine} behind {@link EventHandler}) wired to the loopback
 * simulator (reads, SNS, SQS) and dynalite (the findings table), as {@code EngineWiring.fromEnvironment}
 * wires it on Lambda. Logs and metrics are formatted as on Lambda and then discarded, or
 * printed where a test reads them.
 */
public final class LocalAuditor {
    public static final String TABLE = "irready-bench";
    public static final String TOPIC_SUFFIX = ":irready-alerts";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench"));

    private LocalAuditor() {
    }

    public static String topicArn(String account, String region) {
        return "arn:aws:sns:" + region + ":" + account + TOPIC_SUFFIX;
    }

    /** The handler the Lambda runtime would run, over this wiring. */
    public static EventHandler handler(URI aws, URI dynamo, String account, String region) {
        return handler(aws, dynamo, account, region, new PrintStream(OutputStream.nullOutputStream()));
    }

    /** As {@link #handler(URI, URI, String, String)}, with its JSON log lines and metric documents on {@code out}. */
    public static EventHandler handler(URI aws, URI dynamo, String account, String region, PrintStream out) {
        AwsClients awsClients = AwsClients.forEndpoint(aws, CREDENTIALS, 1);
        AwsClients storeClients = AwsClients.forEndpoint(dynamo, CREDENTIALS, 3);
        Config config = Config.defaults();
        Clock clock = Clock.systemUTC();
        CheckRegistry registry = Catalog.registry();
        Store store = Store.open(storeClients.build(DynamoDbClient.builder(), region), TABLE, config, clock);
        Notifier notifier = new Notifier(awsClients.build(SnsClient.builder(), region), topicArn(account, region),
                Optional.empty(), store.outbox(), store.ledger(), registry);
        Recheck recheck = new Recheck(awsClients.build(SqsClient.builder(), region),
                "https://sqs." + region + ".amazonaws.com/" + account + "/irready-recheck");
        Engine engine = Engine.builder()
                .config(config)
                .registry(registry)
                .routes(Catalog.routeTable())
                .inventories(Catalog.inventories(awsClients))
                .store(store)
                .notifier(notifier)
                .recheck(recheck)
                .ownAccount(() -> account)
                .homeRegion(region)
                .clock(clock)
                .log(new JsonLog("event", out, clock))
                .metrics(new Metrics("event", out, clock))
                .build();
        return new EventHandler(engine);
    }

    /**
     * The environment the deployment gives the event function, pointed at the simulator and dynalite:
     * a fresh JVM with it runs the Lambda constructor {@code new EventHandler()} unchanged
     * ({@code AWS_ENDPOINT_URL} is honoured by the SDK; DynamoDB has its own endpoint variable).
     */
    public static Map<String, String> lambdaEnvironment(URI aws, URI dynamo, String account, String region) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "AKIDBENCH");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_ENDPOINT_URL", aws.toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.toString());
        env.put(EnvironmentNames.IRREADY_TABLE_NAME, TABLE);
        env.put(EnvironmentNames.IRREADY_TOPIC_ARN, topicArn(account, region));
        env.put(EnvironmentNames.IRREADY_RECHECK_QUEUE_URL,
                "https://sqs." + region + ".amazonaws.com/" + account + "/irready-recheck");
        return env;
    }
}
