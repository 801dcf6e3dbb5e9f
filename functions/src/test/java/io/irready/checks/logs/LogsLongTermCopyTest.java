package io.irready.checks.logs;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.irready.core.Finding;
import io.irready.core.Status;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.logs.SubscriptionFilter;
import io.irready.inventory.logs.SubscriptionFilterInventory;
import io.irready.testing.CheckHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogsLongTermCopyTest {
    private static final String ARN = "arn:aws:logs:eu-west-1:123456789012:log-group:";
    private static final String FIREHOSE = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs-to-s3";

    private final CheckHarness check = CheckHarness.of(new LogsLongTermCopy());
    private final List<String> asked = new ArrayList<>();

    private static LogGroup group(String name, Integer retention) {
        return new LogGroup(name, ARN + name, Optional.ofNullable(retention), Optional.empty());
    }

    private List<Finding> findings(SubscriptionFilterInventory filters, LogGroup... groups) {
        return check.findings(ForensicSources.none(inventory()).with(LogsInventory.class, LogsInventory.of(List.of(groups)))
                .with(SubscriptionFilterInventory.class, filters).build());
    }

    private SubscriptionFilterInventory filters(Map<String, List<SubscriptionFilter>> byGroup) {
        SubscriptionFilterInventory known = SubscriptionFilterInventory.of(byGroup);
        return new SubscriptionFilterInventory(group -> {
            asked.add(group);
            return known.filters(group);
        });
    }

    @Test
    void shortLivedGroupStreamingToFirehosePassesNamingTheStore() {
        Finding f = CheckHarness.only(findings(filters(Map.of("/aws/lambda/orders",
                List.of(new SubscriptionFilter("archive", "/aws/lambda/orders", FIREHOSE)))),
                group("/aws/lambda/orders", 30)));
        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.resourceId()).isEqualTo(ARN + "/aws/lambda/orders");
        assertThat(f.reason()).isEqualTo("Log group /aws/lambda/orders is kept only 30 days (threshold 365) but streams "
                + "its events to a longer-lived store: filter archive → Firehose delivery stream " + FIREHOSE + ".");
    }

    @Test
    void kinesisLambdaAndCrossAccountDestinationsAreStoresToo() {
        assertThat(LogsLongTermCopy.store("arn:aws:kinesis:eu-west-1:123456789012:stream/siem")).hasValue("Kinesis stream");
        assertThat(LogsLongTermCopy.store("arn:aws:lambda:eu-west-1:123456789012:function:ship")).hasValue("Lambda function");
        assertThat(LogsLongTermCopy.store("arn:aws:logs:eu-west-1:999999999999:destination:central"))
                .hasValue("CloudWatch Logs destination");
        assertThat(LogsLongTermCopy.store("arn:aws:s3:::bucket")).isEmpty();
        assertThat(LogsLongTermCopy.store("not-an-arn")).isEmpty();
    }

    @Test
    void shortLivedGroupWithoutSubscriptionFailsWithItsRetentionAndTheFix() {
        Finding f = CheckHarness.only(findings(filters(Map.of()), group("/aws/lambda/thumbnailer", 30)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).isEqualTo("Log group /aws/lambda/thumbnailer holds evidence (prefix /aws/lambda/) but is kept only 30 days "
                + "(threshold 365) and no subscription filter streams it to a longer-lived store (Firehose, Kinesis "
                + "or Lambda): its events are gone after 30 days. Add one (aws logs put-subscription-filter "
                + "--log-group-name /aws/lambda/thumbnailer --destination-arn <stream>) or keep the group at least 365 days.");
    }

    @Test
    void aFilterToSomethingThatIsNoStoreIsNamedAndStillFails() {
        Finding f = CheckHarness.only(findings(filters(Map.of("/aws/lambda/x", List.of(new SubscriptionFilter("odd",
                "/aws/lambda/x", "arn:aws:sqs:eu-west-1:123456789012:q")))), group("/aws/lambda/x", 7)));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.reason()).contains(" Its filters (odd → arn:aws:sqs:eu-west-1:123456789012:q) send nowhere "
                + "irready recognises as a store.");
    }

    @Test
    void groupsKeptLongEnoughAreNotApplicableWithoutReadingTheirFilters() {
        assertThat(findings(filters(Map.of()), group("/aws/rds/instance/db/audit", 365),
                group("aws-cloudtrail-logs-org", null)))
                .extracting(Finding::status, Finding::reason)
                .containsExactly(
                        tuple(Status.NOT_APPLICABLE, "Log group /aws/rds/instance/db/audit is kept 365 days "
                                + "(threshold 365): no copy needed."),
                        tuple(Status.NOT_APPLICABLE, "Log group aws-cloudtrail-logs-org never expires its events: "
                                + "no copy needed."));
        assertThat(asked).isEmpty();
    }

    @Test
    void nonForensicGroupsGetNoFindingAndNoCall() {
        assertThat(findings(filters(Map.of()), group("/app/debug", 1))).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void deniedFilterListingIsAnErrorForThatGroupOnly() {
        SubscriptionFilterInventory failing = new SubscriptionFilterInventory(g -> {
            if (g.equals("/aws/lambda/a")) {
                throw denied("logs:DescribeSubscriptionFilters");
            }
            return List.of();
        });
        assertThat(findings(failing, group("/aws/lambda/a", 30), group("/aws/lambda/b", 30)))
                .extracting(Finding::status).containsExactly(Status.ERROR, Status.FAIL);
        assertThat(findings(failing, group("/aws/lambda/a", 30)).get(0).reason())
                .startsWith("Could not evaluate: access denied to logs:DescribeSubscriptionFilters");
    }

    @Test
    void deniedGroupListingIsAnError() {
        Finding f = CheckHarness.only(check.findings(ForensicSources.none(inventory()).with(LogsInventory.class, new LogsInventory(() -> {
            throw denied("logs:DescribeLogGroups");
        })).with(SubscriptionFilterInventory.class, filters(Map.of())).build()));
        assertThat(f.status()).isEqualTo(Status.ERROR);
        assertThat(f.reason()).startsWith("Could not evaluate: access denied to logs:DescribeLogGroups");
    }
}
