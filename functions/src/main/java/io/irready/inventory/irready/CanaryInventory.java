package io.irready.inventory.irready;

import io.irready.core.Memo;
import io.irready.core.ResourceIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * irready's pipeline canary in one account and region, as its table records it: the last canary write and the
 * last canary event that came back. Only a deployment has it (the engine registers it when the canary is on),
 * read once per evaluation.
 *
 * @param wait   how long a region may go without a canary event before it counts as blind
 * @param asOf   the time the records are judged at (the engine's clock when the inventory was made)
 */
public final class CanaryInventory {
    /** The log group the canary tags in every watched region; the stacks create it, nothing writes logs to it. */
    public static final String LOG_GROUP_NAME = "/irready/canary";

    private final Duration wait;
    private final Instant asOf;
    private final Supplier<Optional<CanaryRecord>> record;

    public CanaryInventory(Duration wait, Instant asOf, Supplier<Optional<CanaryRecord>> record) {
        this.wait = Objects.requireNonNull(wait, "wait");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.record = Memo.of(record::get);
    }

    /** The canary log group's ARN in a region (the form tagging calls and their IAM policies use: no {@code :*}). */
    public static String logGroupArn(String region, String account) {
        return ResourceIds.arn("logs", region, account, "log-group:" + LOG_GROUP_NAME);
    }

    public Duration waitLimit() {
        return wait;
    }

    public Instant asOf() {
        return asOf;
    }

    /** The region's canary record; empty before the first canary was sent there. */
    public Optional<CanaryRecord> record() {
        return record.get();
    }
}
