package io.irready.checks.irready;

import io.irready.core.AuditorIdentity;
import io.irready.core.CheckContext;
import java.util.Optional;

/**
 * One part of irready that {@code auditor-integrity} judges (its rules, functions, topic, key, alarms, a
 * forwarder …). Each part says what is broken, what is intact and what it could not read into the
 * {@link IntegrityReport} of one watched region; the check turns the report into that region's finding. A
 * new part is one class and one line in {@link AuditorIntegrity}'s list.
 */
@FunctionalInterface
public interface IntegrityPart {
    /** Judges this part in {@code where}; a part with nothing in that region adds nothing. */
    void judge(Where where, IntegrityReport report);

    /**
     * The watched region being judged and what irready has there.
     *
     * @param ctx       the evaluation (its region, inventory, account)
     * @param auditor   the whole deployment
     * @param forwarder the forwarder of this region; empty in the home region
     */
    record Where(CheckContext ctx, AuditorIdentity auditor, Optional<AuditorIdentity.Forwarder> forwarder) {
        public String region() {
            return ctx.region();
        }

        /** True in irready's home region, where its rules, functions, topic, key and alarms are. */
        public boolean home() {
            return forwarder.isEmpty();
        }

        /** The home region's default event bus, where every forwarder must deliver. */
        public String homeBusSuffix() {
            return ":events:" + auditor.region() + ":" + ctx.account() + ":event-bus/default";
        }
    }
}
