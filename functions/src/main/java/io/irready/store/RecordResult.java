package io.irready.store;

import java.util.List;

/**
 * What recording one evaluation did.
 *
 * @param transitions every transition this call committed (silent ones included), plus any an
 *                    earlier crashed call had left half-recorded and this one completed
 * @param refreshed   findings whose state did not change (only lastEvaluatedAt/observedAt moved)
 * @param skipped     findings left alone: a newer observation is stored, or the same event was seen
 * @param closed      findings closed because their resource is gone
 */
public record RecordResult(List<Transition> transitions, int refreshed, int skipped, int closed) {
    public RecordResult {
        transitions = List.copyOf(transitions);
    }

    /** The transitions that must be announced. */
    public List<Transition> alerts() {
        return transitions.stream().filter(Transition::alert).toList();
    }
}
