package io.irready.engine;

import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A hook that may rewrite an evaluation before it is recorded (e.g. the blind-window report on a
 * resolving logging gap). {@code failingSince} tells, for a finding, since when its stored state
 * has been FAIL (empty when it is not FAIL or not stored).
 */
@FunctionalInterface
public interface Enricher {
    Enricher NONE = (evaluation, inventory, failingSince) -> evaluation;

    Evaluation enrich(Evaluation evaluation, Inventory inventory, Function<Finding, Optional<Instant>> failingSince);
}
