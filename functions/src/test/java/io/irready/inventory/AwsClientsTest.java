package io.irready.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;

class AwsClientsTest {
    /** SDK clients' own timeout schedulers are threads named {@code sdk-ScheduledExecutor-…}. */
    private static long sdkSchedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sdk-ScheduledExecutor")).count();
    }

    @Test
    void clientsBuiltPerEvaluationAndNeverClosedLeakNoSchedulerThreads() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed: each call fails fast
        }
        AwsClients clients = new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")),
                Optional.of(URI.create("http://127.0.0.1:" + closedPort)), 1);
        long before = sdkSchedulerThreads();

        for (int i = 0; i < 40; i++) {
            StsClient sts = clients.build(StsClient.builder(), "eu-west-1"); // as a collector does, never closed
            assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(SdkException.class);
        }

        assertThat(sdkSchedulerThreads()).as("SDK scheduler threads after 40 clients").isEqualTo(before);
    }

    private static AwsClients local() {
        return new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")),
                Optional.of(URI.create("http://127.0.0.1:9")), 1);
    }

    @Test
    void aSharedClientIsBuiltOncePerServiceAndRegionAndSharedAcrossThreads() throws Exception {
        AwsClients clients = local();
        List<StsClient> seen = new CopyOnWriteArrayList<>();
        CyclicBarrier together = new CyclicBarrier(4);
        List<Thread> threads = IntStream.range(0, 4).mapToObj(i -> Thread.ofPlatform().start(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            seen.add(clients.shared(StsClient::builder, "eu-west-1"));
        })).toList();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(seen).hasSize(4).allSatisfy(sts -> assertThat(sts).isSameAs(seen.get(0)));
        assertThat(clients.shared(StsClient::builder, "us-east-1")).isNotSameAs(seen.get(0));
        assertThat(clients.shared(DynamoDbClient::builder, "eu-west-1")).isNotSameAs(seen.get(0))
                .isSameAs(clients.shared(DynamoDbClient::builder, "eu-west-1"));
        assertThat(clients.sharedS3("eu-west-1")).isSameAs(clients.sharedS3("eu-west-1"));
        assertThat(clients.build(StsClient.builder(), "eu-west-1")).as("build: a client the caller owns")
                .isNotSameAs(seen.get(0));
    }

    @Test
    void clientsOfOneAssumedRoleKeepTheirSharedClientsAcrossEvaluations() {
        AwsClients home = local();
        StaticCredentialsProvider role = StaticCredentialsProvider.create(AwsBasicCredentials.create("ROLE", "s"));

        AwsClients first = home.withCredentials(role);
        AwsClients again = home.withCredentials(role);

        assertThat(again).isSameAs(first);
        assertThat(again.shared(StsClient::builder, "eu-west-1")).isSameAs(first.shared(StsClient::builder, "eu-west-1"))
                .isNotSameAs(home.shared(StsClient::builder, "eu-west-1"));
    }
}
