package io.irready.checks.logs;

import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.AwsCallFailedException;
import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogsRetentionTest {
    private final CheckHarness check = CheckHarness.of(new LogsRetention());

    private static LogGroup group(String name, Integer retention) {
        return new LogGroup(name, "arn:aws:logs:eu-west-1:123456789012:log-group:" + name,
                Optional.ofNullable(retention), Optional.empty());
    }

    private Evaluation evaluate(LogsInventory logs, Config config, Scope scope) {
        return check.with(config).evaluate(ForensicSources.none(inventory()).with(LogsInventory.class, logs).build(), scope);
    }

    private List<Finding> findings(LogGroup... groups) {
        return evaluate(LogsInventory.of(List.of(groups)), Config.defaults(), Scope.REGION).findings();
    }

    @Test
    void groupKeepingThirtyDaysFailsWithItsRetentionAndTheThreshold() {
        assertThat(findings(group("/aws/lambda/orders", 30))).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.resourceId()).isEqualTo("arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders");
            assertThat(f.reason()).isEqualTo("Log group /aws/lambda/orders holds evidence (prefix /aws/lambda/) but keeps "
                    + "events for only 30 days, less than the 365-day threshold: set its retention to at least 365 days "
                    + "or Never expire.");
        });
    }

    @Test
    void groupWithoutRetentionNeverExpiresAndPasses() {
        assertThat(findings(group("aws-cloudtrail-logs-123456789012-abcd", null))).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.reason()).isEqualTo("Log group aws-cloudtrail-logs-123456789012-abcd holds evidence (prefix "
                    + "aws-cloudtrail-logs) and never expires its events.");
        });
    }

    @Test
    void retentionAtOrAboveTheThresholdPasses() {
        assertThat(findings(group("/aws/rds/instance/db1/audit", 365), group("/aws/vpc/flow", 3653)))
                .extracting(Finding::status, Finding::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Status.PASS, "Log group /aws/rds/instance/db1/audit holds "
                                + "evidence (prefix /aws/rds/) and keeps events for 365 days (threshold 365)."),
                        org.assertj.core.groups.Tuple.tuple(Status.PASS, "Log group /aws/vpc/flow holds evidence "
                                + "(prefix /aws/vpc) and keeps events for 3653 days (threshold 365)."));
    }

    @Test
    void nonForensicGroupsGetNoFinding() {
        assertThat(findings(group("/app/frontend", 1), group("my-debug-logs", 7))).isEmpty();
    }

    @Test
    void thresholdAndPrefixesComeFromConfiguration() {
        Config config = Config.builder().retentionDays(30).forensicLogGroupPrefixes(List.of("/corp/audit")).build();
        List<Finding> findings = evaluate(LogsInventory.of(List.of(group("/corp/audit/app", 30),
                group("/aws/lambda/x", 1))), config, Scope.REGION).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.reason()).endsWith("keeps events for 30 days (threshold 30).");
        });
    }

    @Test
    void anEventScopeJudgesOnlyTheNamedGroup() {
        LogGroup a = group("/aws/lambda/a", 1);
        LogGroup b = group("/aws/lambda/b", 1);
        Evaluation evaluation = evaluate(LogsInventory.of(List.of(a, b)), Config.defaults(), Scope.of(Set.of(b.arn())));
        assertThat(evaluation.findings()).extracting(Finding::resourceId).containsExactly(b.arn());
    }

    @Test
    void deniedDescribeLogGroupsIsAnErrorNamingTheAction() {
        LogsInventory denied = new LogsInventory(() -> {
            throw new AwsCallFailedException("logs:DescribeLogGroups", "AccessDeniedException",
                    AwsCallFailedException.Kind.ACCESS_DENIED, "not authorized", null);
        });
        Evaluation evaluation = evaluate(denied, Config.defaults(), Scope.REGION);
        assertThat(evaluation.completeChecks()).isEmpty();
        assertThat(evaluation.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).isEqualTo("Could not evaluate: access denied to logs:DescribeLogGroups "
                    + "(AccessDeniedException): grant logs:DescribeLogGroups to irready's role: not authorized");
        });
    }
}
