package io.irready.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Severity;
import io.irready.core.Status;
import io.irready.testing.AwsFailures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class RegionBackoffTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    static Finding finding(String check, Status status) {
        return new Finding(check, Severity.HIGH, "123456789012", "eu-west-1", "123456789012/eu-west-1", status,
                status + " reason", AT);
    }

    static Evaluation of(Finding... findings) {
        return new Evaluation("123456789012", "eu-west-1", AT, Scope.REGION, List.of(), List.of(findings));
    }

    @Test
    void theSkippedSweepsDoubleAfterEachFailureUpToAnHour() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 9, 40).stream().map(RegionBackoff::skipsAfter))
                .containsExactly(0, 1, 2, 4, 8, 12, 12, 12);
    }

    @Test
    void aRegionJudgedNothingOnlyWhenEveryFindingIsAnErrorOrNotApplicable() {
        assertThat(RegionBackoff.judgedNothing(of(finding("a", Status.ERROR), finding("b", Status.NOT_APPLICABLE))))
                .contains("ERROR reason");
        assertThat(RegionBackoff.judgedNothing(of(finding("a", Status.ERROR), finding("b", Status.PASS)))).isEmpty();
        assertThat(RegionBackoff.judgedNothing(of(finding("a", Status.ERROR), finding("b", Status.FAIL)))).isEmpty();
        assertThat(RegionBackoff.judgedNothing(of(finding("b", Status.NOT_APPLICABLE)))).isEmpty();
        assertThat(RegionBackoff.judgedNothing(of())).isEmpty();
    }

    @Test
    void onlyAnAwsCallAboutTheRegionIsARegionFaultNotIrreadysOwnTableOrABug() {
        assertThat(RegionBackoff.isRegionFault(AwsFailures.denied("cloudtrail:DescribeTrails"))).isTrue();
        assertThat(RegionBackoff.isRegionFault(new IllegalStateException("wrapped",
                AwsFailures.denied("sts:AssumeRole")))).isTrue();
        assertThat(RegionBackoff.isRegionFault(ResourceNotFoundException.builder().message("no table").build()))
                .isFalse();
        assertThat(RegionBackoff.isRegionFault(new NullPointerException())).isFalse();
    }
}
