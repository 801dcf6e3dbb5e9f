package io.irready.checks.cloudtrail;

import static io.irready.testing.CheckHarness.NOW;
import static io.irready.testing.CheckHarness.REGION_ID;
import static io.irready.testing.CheckHarness.inventory;
import static io.irready.testing.CloudTrailFixtures.LOG_GROUP_ARN;
import static io.irready.testing.CloudTrailFixtures.cloudTrail;
import static io.irready.testing.CloudTrailFixtures.cloudWatch;
import static io.irready.testing.CloudTrailFixtures.denied;
import static io.irready.testing.CloudTrailFixtures.homedIn;
import static io.irready.testing.CloudTrailFixtures.logging;
import static io.irready.testing.CloudTrailFixtures.stopped;
import static io.irready.testing.CloudTrailFixtures.trail;
import static io.irready.testing.CloudTrailFixtures.withLogGroup;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.CheckHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudTrailCloudWatchDeliveryCheckTest {
    private static final Trail TRAIL = trail("management-trail");
    private static final String LABEL = "'management-trail' (arn:aws:cloudtrail:eu-west-1:123456789012:trail/management-trail)";
    private static final String GROUP = "arn:aws:logs:eu-west-1:123456789012:log-group:aws-cloudtrail-logs";
    private static final LogsInventory LOGS = LogsInventory.of(List.of(
            new LogGroup("aws-cloudtrail-logs", GROUP, Optional.of(400), Optional.empty())));
    private static final String FAIL_PREFIX = "No logging trail recording eu-west-1 delivers to CloudWatch Logs: ";
    private static final String FAIL_SUFFIX = ". Check the trail's CloudWatch Logs role (it needs "
            + "logs:CreateLogStream and logs:PutLogEvents on the group) and that the group exists.";
    private final CheckHarness check = CheckHarness.of(new CloudTrailCloudWatchDeliveryCheck());

    private Finding only(CloudTrailInventory cloudTrail, LogsInventory logs) {
        List<Finding> findings = check.findings(inventory()
                .with(CloudTrailInventory.class, cloudTrail).with(LogsInventory.class, logs).build());
        assertThat(findings).singleElement().extracting(Finding::resourceId).isEqualTo(REGION_ID);
        return findings.getFirst();
    }

    private Finding judge(TrailStatus status) {
        return only(cloudTrail(TRAIL, status), LOGS);
    }

    private static LogsInventory logsThatMustNotBeRead() {
        return new LogsInventory(() -> {
            throw new AssertionError("the log group of another region must not be looked up here");
        });
    }

    @Test
    void passesWhenDeliveredRecentlyWithoutErrorToAnExistingGroup() {
        Finding f = judge(logging());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Trail " + LABEL + " delivers to CloudWatch Logs group " + LOG_GROUP_ARN
                + " (last delivery within 24 hours, no error).");
    }

    @Test
    void failsWhenNoTrailDeliversToCloudWatchLogs() {
        Finding f = only(cloudTrail(withLogGroup(TRAIL, Optional.empty()), logging()), LOGS);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("No trail recording eu-west-1 delivers to CloudWatch Logs, so recent activity "
                + "cannot be queried with Logs Insights nor alarmed on. Configure it: aws cloudtrail update-trail --name "
                + "<trail-arn> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>.");
    }

    @Test
    void failsOnADeliveryError() {
        Finding f = judge(cloudWatch(Optional.of(NOW.minusSeconds(60)), Optional.of("AccessDeniedException")));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " cannot deliver to " + LOG_GROUP_ARN
                + " (latest CloudWatch Logs delivery error: AccessDeniedException)" + FAIL_SUFFIX);
    }

    @Test
    void aCloudWatchLogsDeliveryErrorHasNoAttemptTimeToOrderItSoItStaysAFailure() {
        // the S3 attempt fields say the latest S3 delivery succeeded; they order S3's error, not this one
        Instant attempt = NOW.minusSeconds(30);
        TrailStatus status = new TrailStatus(true, Optional.of("AccessDenied"), Optional.of(attempt),
                Optional.of(NOW.minusSeconds(10)), Optional.of("AccessDeniedException"), Optional.empty(),
                Optional.empty(), Optional.of(attempt), Optional.of(attempt));
        assertThat(status.currentDeliveryError()).isEmpty();
        Finding f = judge(status);
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " cannot deliver to " + LOG_GROUP_ARN
                + " (latest CloudWatch Logs delivery error: AccessDeniedException)" + FAIL_SUFFIX);
    }

    @Test
    void failsWhenTheLastDeliveryIsOlderThan24Hours() {
        Finding f = judge(cloudWatch(Optional.of(NOW.minus(Duration.ofHours(25))), Optional.empty()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " last delivered to " + LOG_GROUP_ARN
                + " at 2026-02-28T11:00:00Z, more than 24 hours ago" + FAIL_SUFFIX);
    }

    @Test
    void failsWhenItNeverDelivered() {
        Finding f = judge(cloudWatch(Optional.empty(), Optional.empty()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " has never delivered to " + LOG_GROUP_ARN + FAIL_SUFFIX);
    }

    @Test
    void failsWhenTheLogGroupNoLongerExists() {
        Finding f = only(cloudTrail(TRAIL, logging()), LogsInventory.of(List.of()));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " delivers to log group " + LOG_GROUP_ARN
                + ", which does not exist" + FAIL_SUFFIX);
    }

    @Test
    void failsWhenTheTrailIsStopped() {
        Finding f = judge(stopped(NOW.minusSeconds(600)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo(FAIL_PREFIX + LABEL + " is not logging" + FAIL_SUFFIX);
    }

    @Test
    void aShadowTrailsGroupInItsHomeRegionIsJudgedByDeliveryOnly() {
        Trail shadow = homedIn(TRAIL, "us-east-1");
        Finding f = only(cloudTrail(shadow, logging()), logsThatMustNotBeRead());
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.reason()).isEqualTo("Trail 'management-trail' (arn:aws:cloudtrail:us-east-1:123456789012:trail/"
                + "management-trail, homed in us-east-1) delivers to CloudWatch Logs group "
                + "arn:aws:logs:us-east-1:123456789012:log-group:aws-cloudtrail-logs:* (last delivery within 24 hours, "
                + "no error).");
    }

    @Test
    void errorWhenLogGroupsCannotBeListed() {
        Finding f = only(cloudTrail(TRAIL, logging()), new LogsInventory(() -> {
            throw denied("logs:DescribeLogGroups");
        }));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to logs:DescribeLogGroups "
                + "(AccessDeniedException): grant logs:DescribeLogGroups to irready's role");
    }

    @Test
    void logGroupNameIsTakenFromTheArn() {
        assertThat(CloudTrailCloudWatchDeliveryCheck.logGroupName(
                "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/cloudtrail/org:*")).isEqualTo("/aws/cloudtrail/org");
        assertThat(CloudTrailCloudWatchDeliveryCheck.logGroupName(
                "arn:aws:logs:eu-west-1:123456789012:log-group:plain")).isEqualTo("plain");
    }
}
