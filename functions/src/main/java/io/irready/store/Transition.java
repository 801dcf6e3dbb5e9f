package io.irready.store;

import io.irready.core.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a finding's state, as recorded in its history and (when {@link #alert}) sent
 * through the outbox exactly once per {@link #transitionId} (at least once on the wire).
 *
 * @param transitionId deterministic: derived from the finding key and the state it left, so a
 *                     retry after a crash names the same transition
 * @param from         the state left, empty for a finding seen for the first time
 * @param at           when the new state was observed (the evaluation's {@code observedAt})
 * @param version      the finding's version after this transition
 * @param changedBy    the event that triggered the evaluation, empty for sweeps
 * @param alert        whether a message goes out (kind is not SILENT and severity ≥ threshold)
 */
public record Transition(
        String transitionId,
        String account,
        String region,
        String checkId,
        String resourceId,
        Severity severity,
        Optional<FindingState> from,
        FindingState to,
        Instant at,
        long version,
        String reason,
        Optional<ChangedBy> changedBy,
        boolean alert) implements OutboxMessage {

    public Transition {
        Objects.requireNonNull(transitionId, "transitionId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(changedBy, "changedBy");
    }

    @Override
    public String messageId() {
        return transitionId;
    }

    public TransitionKind kind() {
        return TransitionKind.of(from.orElse(null), to);
    }
}
