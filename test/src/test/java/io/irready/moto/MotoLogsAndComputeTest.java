package io.irready.moto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.inventory.AwsClients;
import io.irready.inventory.lambda.AuditorFunction;
import io.irready.inventory.lambda.AuditorFunctionCollector;
import io.irready.inventory.lambda.LambdaCollector;
import io.irready.inventory.lambda.LambdaFunction;
import io.irready.inventory.logs.Delivery;
import io.irready.inventory.logs.DeliveryCollector;
import io.irready.inventory.logs.DeliverySource;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsCollector;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsCollector;
import io.irready.inventory.rds.RdsInventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.rds.RdsClient;

/** CloudWatch Logs (groups, vended-log deliveries), Lambda and RDS collectors against moto. */
class MotoLogsAndComputeTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String REGION = "eu-west-1";
    private static final String ACCOUNT = MotoServer.ACCOUNT;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients clients = MOTO.clients();

    @Test
    void logGroupsAreReadAcrossPagesWithRetentionKeyAndCanonicalArn() {
        CloudWatchLogsClient logs = clients.build(CloudWatchLogsClient.builder(), REGION);
        // moto pages DescribeLogGroups by 50, as AWS does: 55 groups need a second page
        IntStream.range(0, 54).forEach(i -> logs.createLogGroup(b -> b.logGroupName(String.format("/bulk/%02d", i))));
        logs.createLogGroup(b -> b.logGroupName("/trail/main").kmsKeyId("arn:aws:kms:eu-west-1:" + ACCOUNT
                + ":key/11111111-2222-3333-4444-555555555555"));
        logs.putRetentionPolicy(b -> b.logGroupName("/trail/main").retentionInDays(365));

        var inventory = LogsCollector.inventory(clients, REGION);

        assertThat(inventory.logGroups()).hasSize(55);
        assertThat(inventory.logGroup("/trail/main")).contains(new LogGroup("/trail/main",
                "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:/trail/main", Optional.of(365),
                Optional.of("arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/11111111-2222-3333-4444-555555555555")));
        assertThat(inventory.logGroup("/bulk/53").orElseThrow().retentionDays()).isEmpty();
    }

    @Test
    void vendedLogDeliveriesAreReadWithTheirSourceAndDestination() {
        CloudWatchLogsClient logs = clients.build(CloudWatchLogsClient.builder(), REGION);
        String distribution = "arn:aws:cloudfront::" + ACCOUNT + ":distribution/E2EXAMPLE";
        logs.putDeliverySource(b -> b.name("cf-access").resourceArn(distribution).logType("ACCESS_LOGS"));
        String destination = logs.putDeliveryDestination(b -> b.name("archive")
                .deliveryDestinationConfiguration(c -> c.destinationResourceArn("arn:aws:s3:::cf-log-archive")))
                .deliveryDestination().arn();
        String id = logs.createDelivery(b -> b.deliverySourceName("cf-access").deliveryDestinationArn(destination))
                .delivery().id();

        var inventory = DeliveryCollector.inventory(clients, REGION);

        assertThat(inventory.sources()).containsExactly(
                new DeliverySource("cf-access", "cloudfront", "ACCESS_LOGS", List.of(distribution)));
        assertThat(inventory.deliveries()).containsExactly(new Delivery(id, "cf-access", destination, "S3"));
        assertThat(inventory.deliveriesOf(distribution, "ACCESS_LOGS")).hasSize(1);
    }

    @Test
    void lambdaFunctionsAndTheAuditorsOwnFunctionAreRead() throws Exception {
        String role = clients.build(IamClient.builder(), "aws-global").createRole(b -> b.roleName("fn-role")
                .assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""))
                .role().arn();
        LambdaClient lambda = clients.build(LambdaClient.builder(), REGION);
        String arn = lambda.createFunction(b -> b.functionName("irready-engine").role(role).runtime(Runtime.JAVA21)
                .handler("io.irready.Handler").code(c -> c.zipFile(zip()))
                .loggingConfig(l -> l.logGroup("/irready/engine"))).functionArn();
        lambda.createFunction(b -> b.functionName("plain").role(role).runtime(Runtime.PYTHON3_12)
                .handler("h.handler").code(c -> c.zipFile(zip())));
        lambda.putFunctionConcurrency(b -> b.functionName("irready-engine").reservedConcurrentExecutions(5));
        lambda.addPermission(b -> b.functionName("irready-engine").statementId("events")
                .action("lambda:InvokeFunction").principal("events.amazonaws.com")
                .sourceArn("arn:aws:events:eu-west-1:" + ACCOUNT + ":rule/irready"));

        // moto 5.2.1 neither keeps nor returns LoggingConfig (AWS returns it for every function, the
        // default group included), so only the absent case of customLogGroup is exercised here
        assertThat(LambdaCollector.inventory(clients, REGION).functions()).containsExactlyInAnyOrder(
                new LambdaFunction("irready-engine", arn, role, Optional.empty()),
                new LambdaFunction("plain", "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:plain", role,
                        Optional.empty()));

        var auditor = AuditorFunctionCollector.inventory(clients, REGION);
        assertThat(auditor.function("irready-engine")).contains(new AuditorFunction("irready-engine", arn,
                Optional.of(5)));
        assertThat(auditor.function("missing")).isEmpty();
        JsonNode statement = JSON.readTree(auditor.policy("irready-engine", "$LATEST").orElseThrow())
                .path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo("events");
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
    }

    @Test
    void dbInstancesAndClustersCarryTheirLogExports() {
        RdsClient rds = clients.build(RdsClient.builder(), REGION);
        rds.createDBInstance(b -> b.dbInstanceIdentifier("orders").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("secret-password")
                .enableCloudwatchLogsExports("postgresql", "upgrade"));
        rds.createDBInstance(b -> b.dbInstanceIdentifier("quiet").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("secret-password"));
        rds.createDBCluster(b -> b.dbClusterIdentifier("ledger").engine("aurora-postgresql")
                .masterUsername("admin").masterUserPassword("secret-password").enableCloudwatchLogsExports("postgresql"));

        RdsInventory inventory = RdsCollector.inventory(clients, REGION);

        assertThat(inventory.instances()).extracting(DbInstance::identifier).containsExactlyInAnyOrder("orders", "quiet");
        DbInstance orders = inventory.instances().stream().filter(i -> i.identifier().equals("orders")).findFirst()
                .orElseThrow();
        assertThat(orders.arn()).isEqualTo("arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:orders");
        assertThat(orders.engine()).isEqualTo("postgres");
        assertThat(orders.clusterIdentifier()).isEmpty();
        assertThat(orders.logExports().enabled()).containsExactlyInAnyOrder("postgresql", "upgrade");
        assertThat(inventory.instances().stream().filter(i -> i.identifier().equals("quiet")).findFirst()
                .orElseThrow().logExports()).isEqualTo(LogExports.NONE);
        DbCluster ledger = inventory.cluster("ledger").orElseThrow();
        assertThat(ledger.arn()).isEqualTo("arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:ledger");
        assertThat(ledger.engine()).isEqualTo("aurora-postgresql");
        assertThat(ledger.logExports().enabled()).containsExactly("postgresql");
    }

    private static SdkBytes zip() {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("h.py"));
            zip.write("def handler(event, context):\n    return None\n".getBytes());
            zip.closeEntry();
            zip.finish();
            return SdkBytes.fromByteArray(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
