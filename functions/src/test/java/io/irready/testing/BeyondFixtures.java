package io.irready.testing;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Check;
import io.irready.core.CheckRegistry;
import io.irready.core.Config;
import io.irready.core.Evaluator;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one check through the real {@link Evaluator} over a hand-built inventory. */
public final class BeyondFixtures {
    public static final String ACCOUNT = AwsWire.ACCOUNT;
    public static final String REGION = AwsWire.REGION;
    public static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    private BeyondFixtures() {
    }

    public static Inventory.Builder inventory() {
        return Inventory.builder(ACCOUNT, REGION);
    }

    public static List<Finding> evaluate(Check check, Inventory inventory) {
        return evaluate(check, inventory, Config.defaults());
    }

    public static List<Finding> evaluate(Check check, Inventory inventory, Config config) {
        Evaluator evaluator = new Evaluator(new CheckRegistry(List.of(check)), config,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return evaluator.evaluate(inventory, List.of(check.id()), Scope.REGION).findings();
    }

    /** A multi-region trail homed in {@code homeRegion}, delivering to {@code bucket}, optionally SSE-KMS. */
    public static Trail trail(String name, String homeRegion, String bucket, Optional<String> kmsKeyArn) {
        return new Trail(name, "arn:aws:cloudtrail:" + homeRegion + ":" + ACCOUNT + ":trail/" + name, homeRegion, true,
                true, false, bucket, Optional.empty(), true, kmsKeyArn, Optional.empty(), Optional.empty(), false, false);
    }

    /** A CloudTrail inventory with these trails (status and selectors are not needed by the beyond checks). */
    public static CloudTrailInventory trails(Trail... trails) {
        return CloudTrailInventory.of(List.of(trails), Map.of(), Map.of());
    }

    /** The failure an inventory supplier throws when irready's role lacks {@code action}. */
    public static AwsCallFailedException denied(String action) {
        return new AwsCallFailedException(action, "AccessDeniedException", AwsCallFailedException.Kind.ACCESS_DENIED,
                "not authorized", null);
    }

    /** The failure for a resource that does not exist. */
    public static AwsCallFailedException notFound(String action, String code) {
        return new AwsCallFailedException(action, code, AwsCallFailedException.Kind.NOT_FOUND, "not found", null);
    }
}
