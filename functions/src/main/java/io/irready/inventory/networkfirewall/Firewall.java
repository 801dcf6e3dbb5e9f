package io.irready.inventory.networkfirewall;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Network Firewall and where each of its log types goes.
 *
 * @param name         firewall name
 * @param arn          firewall ARN
 * @param exists       false when the firewall was deleted between the listing and its logging's description
 * @param destinations log type ({@code ALERT}, {@code FLOW}, {@code TLS}) → destination type
 *                     ({@code S3}, {@code CloudWatchLogs}, {@code KinesisDataFirehose}); sorted by log type
 * @param logGroups    log type → the CloudWatch Logs group it goes to, for the types logged there
 */
public record Firewall(String name, String arn, boolean exists, Map<String, String> destinations,
                       Map<String, String> logGroups) {
    public Firewall {
        destinations = java.util.Collections.unmodifiableMap(new TreeMap<>(destinations));
        logGroups = java.util.Collections.unmodifiableMap(new TreeMap<>(logGroups));
    }

    /** A firewall whose log group names are not known (hand-built inventories). */
    public Firewall(String name, String arn, boolean exists, Map<String, String> destinations) {
        this(name, arn, exists, destinations, Map.of());
    }

    public static Firewall deleted(String name, String arn) {
        return new Firewall(name, arn, false, Map.of());
    }
}
