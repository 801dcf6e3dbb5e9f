package io.irready.horizon;

import java.util.List;
import java.util.Optional;

/**
 * How far back one investigation question can be answered.
 *
 * <p>The rule: any one source answers the question, so its horizon is the LONGEST horizon among
 * the sources that were read ({@link #horizon}); the shortest of them is the weakest link
 * ({@link #weakest}), reported because an investigation that needs that very resource (one VPC's
 * flow log, one load balancer's logs) stops there. No source read means the question cannot be
 * answered at all: zero days.
 *
 * @param question the question
 * @param sources  every source of the kinds that answer it, read or not, shortest first
 */
public record Answer(Question question, List<Horizon> sources) {

    public Answer {
        sources = sources.stream().sorted(Horizon.BY_REACH).toList();
    }

    public static Answer of(Question question, List<Horizon> all) {
        return new Answer(question, all.stream().filter(h -> question.sources().contains(h.source())).toList());
    }

    /** The source reaching furthest back: the question's horizon. */
    public Optional<Horizon> horizon() {
        return sources.stream().filter(Horizon::read).max(Horizon.BY_REACH);
    }

    /** The source reaching least far back. */
    public Optional<Horizon> weakest() {
        return sources.stream().filter(Horizon::read).min(Horizon.BY_REACH);
    }

    /** "unlimited", "N days", or "0 days" when no source answers it. */
    public String reachText() {
        return horizon().map(Horizon::reachText).orElse("0 days");
    }
}
