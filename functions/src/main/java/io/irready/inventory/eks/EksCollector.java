package io.irready.inventory.eks;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.LogSetup;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Loads {@link EksInventory} over the SDK (REST-JSON: {@code GET /clusters} paged by nextToken,
 * {@code GET /clusters/{name}}). A cluster deleted between the listing and its description is left out:
 * it has no control plane left to log.
 */
public final class EksCollector {
    public static final String LIST_CLUSTERS = "eks:ListClusters";
    public static final String DESCRIBE_CLUSTER = "eks:DescribeCluster";

    private EksCollector() {
    }

    public static EksInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(EksClient::builder, region));
    }

    public static EksInventory inventory(EksClient client) {
        return new EksInventory(() -> {
            List<String> names = AwsCall.call(LIST_CLUSTERS, () -> client
                    .listClustersPaginator(ListClustersRequest.builder().build()).clusters().stream().toList());
            return names.stream().map(name -> describe(client, name)).flatMap(Optional::stream).toList();
        });
    }

    private static Optional<EksCluster> describe(EksClient client, String name) {
        return AwsCall.call(DESCRIBE_CLUSTER, () -> {
            try {
                Cluster c = client.describeCluster(b -> b.name(name)).cluster();
                List<LogSetup> setups = c.logging() == null ? List.of() : c.logging().clusterLogging();
                List<String> logged = setups.stream().filter(s -> Boolean.TRUE.equals(s.enabled()))
                        .flatMap(s -> s.typesAsStrings().stream()).distinct().toList();
                return Optional.of(new EksCluster(c.name(), c.arn(), c.statusAsString(), logged));
            } catch (ResourceNotFoundException gone) {
                return Optional.empty();
            }
        });
    }
}
