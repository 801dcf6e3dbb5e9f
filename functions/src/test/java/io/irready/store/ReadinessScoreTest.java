package io.irready.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Muted;
import io.irready.core.Severity;
import io.irready.core.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessScoreTest {
    private static final Instant T = Instant.parse("2026-11-27T05:00:00Z");

    private static Finding f(Severity severity, Status status) {
        return new Finding("c-" + severity + status, severity, "123456789012", "eu-west-1", "r", status, "why", T);
    }

    @Test
    void weighsBySeverityAndLosesOnFailAndError() {
        ReadinessScore s = ReadinessScore.ofFindings(List.of(
                f(Severity.CRITICAL, Status.PASS),   // 10
                f(Severity.HIGH, Status.FAIL),       //  5 open
                f(Severity.MEDIUM, Status.ERROR),    //  3 open
                f(Severity.LOW, Status.PASS),        //  1
                f(Severity.HIGH, Status.NOT_APPLICABLE)));

        assertThat(s.score()).isEqualTo(57.9); // 100 × (1 − 8/19)
        assertThat(s.summary("123456789012", "eu-west-1")).isEqualTo("Readiness 57.9/100 for 123456789012 in "
                + "eu-west-1 (2 passed, 1 failed, 1 error, 1 not applicable)");
    }

    @Test
    void aMutedFindingIsNotCountedAgainstTheScore() {
        Muted accepted = new Muted("sandbox", Optional.empty(), "mute list entry 0 (*:*)");
        ReadinessScore s = ReadinessScore.ofFindings(List.of(
                f(Severity.CRITICAL, Status.PASS),
                f(Severity.CRITICAL, Status.FAIL).muted(accepted),
                f(Severity.HIGH, Status.ERROR).muted(accepted)));

        assertThat(s.score()).isEqualTo(100.0);
        assertThat(s.summary("123456789012", "eu-west-1")).isEqualTo("Readiness 100.0/100 for 123456789012 in "
                + "eu-west-1 (1 passed, 0 failed, 0 errors, 0 not applicable)");
    }

    @Test
    void anOpenFindingNeverShowsAHundred() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            findings.add(f(Severity.CRITICAL, Status.PASS));
        }
        findings.add(f(Severity.LOW, Status.FAIL)); // 1 / 3001 would round to 100.0
        assertThat(ReadinessScore.ofFindings(findings).score()).isEqualTo(99.9);
    }

    @Test
    void nothingThatCountsIsAHundredAndAllOpenIsZero() {
        assertThat(ReadinessScore.ofFindings(List.of()).score()).isEqualTo(100.0);
        assertThat(ReadinessScore.ofFindings(List.of(f(Severity.HIGH, Status.NOT_APPLICABLE),
                f(Severity.INFORMATIONAL, Status.FAIL))).score()).isEqualTo(100.0);
        assertThat(ReadinessScore.ofFindings(List.of(f(Severity.CRITICAL, Status.FAIL),
                f(Severity.LOW, Status.ERROR))).score()).isEqualTo(0.0);
    }
}
