package io.irready.store;

import java.time.Instant;

/** One point of the readiness trend of an account and region (one per sweep). */
public record ScorePoint(String account, String region, Instant at, ReadinessScore score) {
}
