package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static Finding finding(String checkId, String resourceId) {
        return new Finding(checkId, Severity.MEDIUM, "123456789012", "eu-west-1", resourceId, Status.FAIL, "r",
                Instant.EPOCH);
    }

    @Test
    void parsesAtTheFirstColonSoArnPatternsKeepTheirColons() {
        Suppression s = Suppression.parse("vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*");

        assertThat(s.checkId()).isEqualTo("vpc-flow-logs-enabled");
        assertThat(s.resourcePattern()).isEqualTo("arn:aws:ec2:*:vpc/vpc-0abc*");
        assertThat(s).hasToString("vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*");
    }

    @Test
    void starMatchesAnyRunIncludingColonsAndSlashes() {
        Suppression s = Suppression.parse("vpc-flow-logs-enabled:arn:aws:ec2:*:vpc/vpc-0abc*");

        assertThat(s.matches(finding("vpc-flow-logs-enabled", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abc123")))
                .isTrue();
        assertThat(s.matches(finding("vpc-flow-logs-enabled", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abd"))).isFalse();
        assertThat(s.matches(finding("other-check", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abc123"))).isFalse();
    }

    @Test
    void patternIsWholeMatchAndRegexCharactersAreLiteral() {
        Suppression s = Suppression.parse("*:arn:aws:s3:::my.bucket");

        assertThat(s.matches(finding("any", "arn:aws:s3:::my.bucket"))).isTrue();
        assertThat(s.matches(finding("any", "arn:aws:s3:::myXbucket"))).isFalse();
        assertThat(s.matches(finding("any", "arn:aws:s3:::my.bucket-2"))).isFalse();
        assertThat(s.matches(finding("any", "x-arn:aws:s3:::my.bucket"))).isFalse();
    }

    @Test
    void wildcardCheckAndWildcardPatternSuppressEverything() {
        assertThat(Suppression.parse("*:*").matches(finding("a", "123456789012/eu-west-1"))).isTrue();
    }

    @Test
    void malformedTextIsRejectedWithTheExpectedForm() {
        for (String bad : new String[] {"nocolon", ":pattern", "check:"}) {
            assertThatThrownBy(() -> Suppression.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("suppression must be checkId:resourcePattern (use * for any), got '" + bad + "'");
        }
    }
}
