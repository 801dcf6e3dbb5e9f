package io.irready.horizon;

import io.irready.core.Inventory;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.s3.S3Inventory;
import java.time.Instant;
import java.util.Optional;

/**
 * The horizon of a log destination named by ARN or name: a CloudWatch Logs group (its retention;
 * never expire is unlimited), an S3 bucket (its lifecycle, see {@link BucketRetention}) or a
 * Firehose stream (where it lands is not in any inventory: not read). A destination that does not
 * exist keeps nothing: zero days.
 */
final class Destinations {
    private final Inventory inventory;
    private final Instant now;

    Destinations(Inventory inventory, Instant now) {
        this.inventory = inventory;
        this.now = now;
    }

    Horizon of(Source source, String resource, String destinationArn) {
        if (destinationArn.startsWith("arn:") && destinationArn.contains(":log-group:")) {
            return logGroup(source, resource, logGroupName(destinationArn));
        }
        if (destinationArn.matches("arn:[^:]+:s3:::.+")) {
            String path = destinationArn.substring(destinationArn.indexOf(":::") + 3);
            int slash = path.indexOf('/');
            String bucket = slash < 0 ? path : path.substring(0, slash);
            String prefix = slash < 0 ? "" : path.substring(slash + 1);
            return bucket(source, resource, bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
        }
        if (destinationArn.contains(":firehose:")) {
            return Horizon.notRead(source, resource, "delivered to Firehose stream " + destinationArn
                    + ": where the stream lands is not read");
        }
        return Horizon.notRead(source, resource, "destination " + destinationArn + " is of a kind irready does not read");
    }

    Horizon logGroup(Source source, String resource, String groupName) {
        Optional<LogGroup> group = inventory.service(LogsInventory.class).logGroup(groupName);
        if (group.isEmpty()) {
            return Horizon.days(source, resource, 0, "log group " + groupName + " does not exist: nothing is kept");
        }
        return group.get().retentionDays()
                .map(d -> Horizon.days(source, resource, d, "log group " + groupName + " keeps events " + d + " days"))
                .orElseGet(() -> Horizon.unlimited(source, resource, "log group " + groupName + " never expires events"));
    }

    Horizon bucket(Source source, String resource, String bucket, String keyPrefix) {
        return BucketRetention.of(inventory.service(S3Inventory.class), source, resource, bucket, keyPrefix, now);
    }

    /** {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]} → {@code <name>}. */
    static String logGroupName(String arn) {
        String name = arn.substring(arn.indexOf(":log-group:") + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
