package io.irready.inventory.networkfirewall;

import io.irready.inventory.AwsCall;
import io.irready.inventory.AwsClients;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.networkfirewall.NetworkFirewallClient;
import software.amazon.awssdk.services.networkfirewall.model.FirewallMetadata;
import software.amazon.awssdk.services.networkfirewall.model.ListFirewallsRequest;
import software.amazon.awssdk.services.networkfirewall.model.LogDestinationConfig;
import software.amazon.awssdk.services.networkfirewall.model.LoggingConfiguration;
import software.amazon.awssdk.services.networkfirewall.model.ResourceNotFoundException;

/**
 * Loads {@link NetworkFirewallInventory} over the SDK (JSON 1.0, {@code NetworkFirewall_20201112.*}):
 * ListFirewalls (paged by NextToken), then DescribeLoggingConfiguration per firewall.
 */
public final class NetworkFirewallCollector {
    public static final String LIST_FIREWALLS = "network-firewall:ListFirewalls";
    public static final String DESCRIBE_LOGGING_CONFIGURATION = "network-firewall:DescribeLoggingConfiguration";

    private NetworkFirewallCollector() {
    }

    public static NetworkFirewallInventory inventory(AwsClients clients, String region) {
        return inventory(clients.shared(NetworkFirewallClient::builder, region));
    }

    public static NetworkFirewallInventory inventory(NetworkFirewallClient client) {
        return new NetworkFirewallInventory(() -> {
            List<FirewallMetadata> listed = AwsCall.call(LIST_FIREWALLS, () -> client
                    .listFirewallsPaginator(ListFirewallsRequest.builder().build()).firewalls().stream().toList());
            return listed.stream().map(f -> logging(client, f)).toList();
        });
    }

    private static Firewall logging(NetworkFirewallClient client, FirewallMetadata f) {
        return AwsCall.call(DESCRIBE_LOGGING_CONFIGURATION, () -> {
            try {
                LoggingConfiguration config = client.describeLoggingConfiguration(b -> b.firewallArn(f.firewallArn()))
                        .loggingConfiguration();
                Map<String, String> destinations = new LinkedHashMap<>();
                Map<String, String> logGroups = new LinkedHashMap<>();
                if (config != null) {
                    for (LogDestinationConfig d : config.logDestinationConfigs()) {
                        destinations.put(d.logTypeAsString(), d.logDestinationTypeAsString());
                        // a CloudWatchLogs destination names its group under the key "logGroup"
                        String group = d.logDestination().get("logGroup");
                        if ("CloudWatchLogs".equals(d.logDestinationTypeAsString()) && group != null) {
                            logGroups.put(d.logTypeAsString(), group);
                        }
                    }
                }
                return new Firewall(f.firewallName(), f.firewallArn(), true, destinations, logGroups);
            } catch (ResourceNotFoundException gone) {
                return Firewall.deleted(f.firewallName(), f.firewallArn());
            }
        });
    }
}
