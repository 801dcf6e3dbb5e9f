package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessScoreTest {
    private static final Instant T = Instant.parse("2026-11-27T05:00:00Z");

    private static Finding f(String region, Severity severity, Status status) {
        return new Finding("c-" + severity + status, severity, "123456789012", region, "r", status, "why", T);
    }

    @Test
    void weighsBySeverityAndLosesOnFailAndError() {
        ReadinessScore s = ReadinessScore.of("123456789012", "eu-west-1", List.of(
                f("eu-west-1", Severity.CRITICAL, Status.PASS),   // +10 / 10
                f("eu-west-1", Severity.HIGH, Status.FAIL),       //   0 / 5
                f("eu-west-1", Severity.MEDIUM, Status.ERROR),    //   0 / 3
                f("eu-west-1", Severity.LOW, Status.PASS),        //  +1 / 1
                f("eu-west-1", Severity.HIGH, Status.NOT_APPLICABLE)));

        assertThat(s.earned()).isEqualTo(11);
        assertThat(s.possible()).isEqualTo(19);
        assertThat(s.score()).isEqualTo(57); // floor(1100 / 19 = 57.89)
        assertThat(s.summary()).isEqualTo("Readiness 57/100 for 123456789012 in eu-west-1 (2 passed, 1 failed, "
                + "1 error, 1 not applicable)");
    }

    @Test
    void oneLowFailureKeepsTheScoreBelowAHundred() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            findings.add(f("eu-west-1", Severity.CRITICAL, Status.PASS));
        }
        findings.add(f("eu-west-1", Severity.LOW, Status.FAIL));
        assertThat(ReadinessScore.of("a", "eu-west-1", findings).score()).isEqualTo(99);
    }

    @Test
    void nothingToJudgeIsAHundredAndOnlyNotApplicableToo() {
        assertThat(ReadinessScore.of("a", "r", List.of()).score()).isEqualTo(100);
        assertThat(ReadinessScore.of("a", "r", List.of(f("r", Severity.HIGH, Status.NOT_APPLICABLE),
                f("r", Severity.INFORMATIONAL, Status.FAIL))).score()).isEqualTo(100);
    }

    @Test
    void allFailingIsZero() {
        assertThat(ReadinessScore.of("a", "r", List.of(f("r", Severity.CRITICAL, Status.FAIL),
                f("r", Severity.LOW, Status.ERROR))).score()).isZero();
    }

    @Test
    void splitsPerAccountAndRegion() {
        List<ReadinessScore> scores = ReadinessScore.perAccountRegion(List.of(
                f("us-east-1", Severity.HIGH, Status.FAIL), f("eu-west-1", Severity.HIGH, Status.PASS)));
        assertThat(scores).extracting(ReadinessScore::region, ReadinessScore::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-west-1", 100),
                        org.assertj.core.groups.Tuple.tuple("us-east-1", 0));
    }
}
