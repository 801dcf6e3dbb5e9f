package io.irready.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
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
}
