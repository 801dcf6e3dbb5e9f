package io.irready.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.checks.Catalog;
import io.irready.core.Severity;
import io.irready.store.ChangedBy;
import io.irready.store.FindingState;
import io.irready.store.Transition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertContentTest {
    static final AlertContent CONTENT = new AlertContent(Catalog.registry());
    /** SNS's limit for a whole message, all parts together. */
    static final int SNS_LIMIT = 256 * 1024;

    static Transition transition(int i, ChangedBy by) {
        return new Transition("t" + i, "123456789012", "eu-west-1", "cloudtrail-bucket-retention",
                "arn:aws:s3:::bucket-" + i + "-" + "b".repeat(40), Severity.HIGH, Optional.empty(), FindingState.FAIL,
                Instant.parse("2026-11-27T10:00:00Z"), 1, "Bucket " + i + " expires trail logs after 1 day. " + "r".repeat(1500),
                Optional.ofNullable(by), true);
    }

    @Test
    void aHugeUserAgentCannotPushAMessageOverTheSnsLimit() {
        ChangedBy hostile = new ChangedBy("PutBucketLifecycleConfiguration", "ev-1", "arn:aws:iam::123456789012:user/x",
                "203.0.113.7", "U".repeat(300 * 1024), "2026-11-27T09:59:58Z");

        String message = Notifier.structuredMessage(CONTENT.of(transition(1, hostile)));

        assertThat(hostile.userAgent()).hasSize(ChangedBy.MAX_FIELD).endsWith("…");
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(SNS_LIMIT / 4);
    }

    @Test
    void anExpiredAcceptedRiskIsAnnouncedAsSuchWithItsReason() {
        Transition reopened = new Transition("t-expired", "123456789012", "eu-west-1", "cloudtrail-bucket-retention",
                "arn:aws:s3:::trail-bucket", Severity.HIGH, Optional.of(FindingState.FAIL), FindingState.FAIL,
                Instant.parse("2026-11-27T10:00:00Z"), 3, "Accepted risk expired: migration to the new trail. "
                + "Bucket trail-bucket expires trail logs after 1 day.", Optional.empty(), true);

        Alert alert = CONTENT.of(reopened);

        assertThat(alert.kind()).isEqualTo("ACCEPTED_RISK_EXPIRED");
        assertThat(alert.headline()).isEqualTo("Accepted risk expired");
        assertThat(EmailText.body(alert)).contains("Accepted risk expired: migration to the new trail.");
        assertThat(SlackMarkdown.title(alert)).startsWith(":red_circle: Accepted risk expired: ");
    }

    @Test
    void aDigestOfManyChangesStaysSmallAndSaysWhatItLeftOut() {
        List<Alert> alerts = IntStream.range(0, 250).mapToObj(i -> CONTENT.of(transition(i,
                new ChangedBy("PutBucketLifecycleConfiguration", "ev-" + i, "arn:aws:iam::123456789012:user/x",
                        "203.0.113.7", "a".repeat(1000), "2026-11-27T09:59:58Z")))).toList();

        Alert digest = CONTENT.digest("digest-1", alerts);
        String message = Notifier.structuredMessage(digest);

        assertThat(digest.headline()).isEqualTo("250 readiness changes found by a sweep");
        assertThat(digest.items()).hasSize(AlertContent.DIGEST_MAX_ITEMS);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(SNS_LIMIT);
        assertThat(EmailText.body(digest)).contains("The first 50 of 250 changes are listed.");
        assertThat(SlackMarkdown.body(digest)).contains("… and 30 more", "The first 50 of 250 changes are listed.");
        assertThat(EmailText.subject(digest)).isEqualTo("[irready HIGH] 250 readiness changes found by a sweep");
    }
}
