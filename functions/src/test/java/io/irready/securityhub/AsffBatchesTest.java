package io.irready.securityhub;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Severity;
import io.irready.store.FindingState;
import io.irready.testing.TestChecks;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;

class AsffBatchesTest {
    private static final Instant AT = Instant.parse("2026-11-27T05:00:00Z");

    @Test
    void aBatchNeverExceedsItsByteBudget() {
        List<AwsSecurityFinding> findings = IntStream.range(0, 30).mapToObj(i -> finding("x".repeat(900) + i))
                .toList();
        int one = AsffBatches.size(findings.get(0));

        List<List<AwsSecurityFinding>> batches = AsffBatches.split(findings, 100, one * 10);

        assertThat(batches).hasSizeGreaterThan(3);
        assertThat(batches).allSatisfy(b -> assertThat(b.stream().mapToInt(AsffBatches::size).sum())
                .isLessThan(one * 10));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(30);
    }

    @Test
    void theRealLimitsAreThoseOfBatchImportFindings() {
        assertThat(AsffBatches.MAX_FINDINGS).isEqualTo(100);
        assertThat(AsffBatches.MAX_BYTES).isEqualTo(240 * 1024);
        List<AwsSecurityFinding> findings = IntStream.range(0, 101).mapToObj(i -> finding("r" + i)).toList();
        assertThat(AsffBatches.split(findings)).extracting(List::size).containsExactly(100, 1);
    }

    private static AwsSecurityFinding finding(String reason) {
        return AsffFinding.of(new AsffFinding.Subject("123456789012", "eu-west-1", TestChecks.RETENTION,
                        "arn:aws:logs:eu-west-1:123456789012:log-group:" + reason.hashCode(), Severity.MEDIUM,
                        FindingState.FAIL, reason),
                TestChecks.standard().find(TestChecks.RETENTION).orElseThrow().metadata(), AT, AT, Optional.empty());
    }
}
