package io.irready.horizon;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The evidence horizon of one account and region: every source read, and the answer to each
 * investigation question. An investigator's summary, not a verdict: it writes no finding and
 * never changes the score (a horizon under the retention threshold is already a FAIL of the
 * source's own check).
 */
public record HorizonReport(String account, String region, Instant asOf, List<Horizon> sources) {

    public HorizonReport {
        sources = List.copyOf(sources);
    }

    public List<Answer> answers() {
        return Arrays.stream(Question.values()).map(q -> Answer.of(q, sources)).toList();
    }

    /** The sources whose evidence of an incident {@code incidentAgeDays} old is already gone, shortest first. */
    public List<Horizon> goneFor(int incidentAgeDays) {
        return sources.stream().filter(h -> h.goneFor(incidentAgeDays)).sorted(Horizon.BY_REACH).toList();
    }

    /** Sources whose retention irready did not or could not read. */
    public List<Horizon> notRead() {
        return sources.stream().filter(h -> !h.read()).toList();
    }
}
