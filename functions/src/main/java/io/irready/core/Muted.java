package io.irready.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a finding is an accepted risk: it is still evaluated and stored with its real status, but
 * shown as {@code MUTED}, never alerted and left out of the readiness score.
 *
 * @param reason  the mute list entry's reason (mandatory there, so an accepted risk always says why)
 * @param expires the last day the entry holds, if it expires
 * @param entry   which entry muted it, e.g. {@code mute list entry 2 (check:resource)}, for whoever audits it
 */
public record Muted(String reason, Optional<LocalDate> expires, String entry) {
    public Muted {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(entry, "entry");
    }
}
