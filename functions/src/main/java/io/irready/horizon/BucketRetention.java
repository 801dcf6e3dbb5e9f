package io.irready.horizon;

import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.LifecycleRule;
import io.irready.inventory.s3.S3Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long a bucket keeps the log files under one key prefix, from its lifecycle rules: the
 * shortest expiration of the enabled rules that reach that prefix (a rule limited to another
 * prefix, or to tagged objects — AWS writes its log files untagged — does not count). No such
 * rule: unlimited. An expiration date already passed deletes every file as it lands: zero days.
 * Noncurrent-version expirations are not counted: AWS never overwrites a log file, so they only
 * shorten how long a file survives its deletion, not how far back today's files reach.
 */
final class BucketRetention {
    private BucketRetention() {
    }

    /**
     * @param keyPrefix where the logs are written in the bucket; empty when the inventory does not say
     *                  (then every rule of the bucket counts: the horizon may be understated, never overstated)
     */
    static Horizon of(S3Inventory s3, Source source, String resource, String bucket, String keyPrefix, Instant now) {
        BucketOwnership ownership = s3.ownership(bucket);
        if (ownership == BucketOwnership.MISSING) {
            return Horizon.days(source, resource, 0, "bucket " + bucket + " does not exist: no log file is kept");
        }
        if (ownership == BucketOwnership.OTHER_ACCOUNT) {
            return Horizon.notRead(source, resource, "bucket " + bucket
                    + " is owned by another account (a log archive): its lifecycle is read there");
        }
        String where = keyPrefix.isEmpty() ? "in bucket " + bucket + " (log prefix unknown: every rule counted)"
                : "under s3://" + bucket + "/" + keyPrefix;
        List<LifecycleRule> expiring = s3.lifecycleRules(bucket).stream()
                .filter(r -> r.appliesUnder(keyPrefix) && r.expiresCurrentObjects()).toList();
        Optional<LifecycleRule> pastDate = expiring.stream()
                .filter(r -> r.expirationDate().map(d -> !d.isAfter(now)).orElse(false)).findFirst();
        if (pastDate.isPresent()) {
            return Horizon.days(source, resource, 0, name(pastDate.get()) + " expires every object " + where
                    + " since " + pastDate.get().expirationDate().get());
        }
        Optional<LifecycleRule> shortest = expiring.stream().filter(r -> r.expirationDays().isPresent())
                .min(Comparator.comparing(r -> r.expirationDays().get()));
        Optional<LifecycleRule> futureDate = expiring.stream().filter(r -> r.expirationDate().isPresent()).findFirst();
        if (shortest.isPresent()) {
            return Horizon.days(source, resource, shortest.get().expirationDays().get(),
                    name(shortest.get()) + " expires objects " + where + " after "
                            + shortest.get().expirationDays().get() + " days");
        }
        if (futureDate.isPresent()) {
            Instant date = futureDate.get().expirationDate().get();
            return Horizon.unlimited(source, resource, "nothing expires " + where + " until " + date + " ("
                    + Duration.between(now, date).toDays() + " days from now), when " + name(futureDate.get())
                    + " deletes them all");
        }
        return Horizon.unlimited(source, resource, "no lifecycle rule expires objects " + where);
    }

    private static String name(LifecycleRule rule) {
        return rule.id().isEmpty() ? "a lifecycle rule" : "lifecycle rule '" + rule.id() + "'";
    }
}
