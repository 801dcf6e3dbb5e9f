package io.irready.checks.logs;

import static io.irready.testing.AwsFailures.denied;
import static io.irready.testing.CheckHarness.inventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.irready.core.Config;
import io.irready.core.Evaluation;
import io.irready.core.Finding;
import io.irready.core.Inventory;
import io.irready.core.Scope;
import io.irready.core.Status;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.kms.KmsInventory;
import io.irready.inventory.lambda.LambdaFunction;
import io.irready.inventory.lambda.LambdaInventory;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.logs.SubscriptionFilterInventory;
import io.irready.inventory.networkfirewall.Firewall;
import io.irready.inventory.networkfirewall.NetworkFirewallInventory;
import io.irready.inventory.rds.DbCluster;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.wafv2.WafInventory;
import io.irready.inventory.wafv2.WebAcl;
import io.irready.testing.CheckHarness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one selection of forensic log groups the three logs checks share, with why each group holds evidence. */
class ForensicLogGroupsTest {
    private static final String LOGS = "arn:aws:logs:eu-west-1:123456789012:log-group:";

    private static LogGroup group(String name) {
        return new LogGroup(name, LOGS + name, Optional.of(30), Optional.empty());
    }

    /** No name rule applies, so only what delivers into a group makes it forensic. */
    private static final Config NO_PREFIXES = Config.builder().forensicLogGroupPrefixes(List.of("/corp/")).build();

    private static CheckHarness judged(io.irready.core.Check check) {
        return CheckHarness.of(check).with(NO_PREFIXES);
    }

    /** Groups named so that no prefix rule matches, each fed by one evidence source; and one fed by nothing. */
    private static final List<LogGroup> GROUPS = List.of(group("org-audit-trail"), group("network/flows"),
            group("/aws/rds/cluster/db/audit"), group("payments-fn"), group("/aws/eks/prod/cluster"), group("aws-waf-logs-shop"),
            group("nfw/alerts"), group("/app/frontend"));

    private static Inventory.Builder deliveringAccount() {
        Trail trail = new Trail("org-audit", "arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-audit",
                "eu-west-1", true, true, false, "trail-logs", Optional.empty(), true, Optional.empty(),
                Optional.of(LOGS + "org-audit-trail:*"), Optional.of("arn:aws:iam::123456789012:role/ToLogs"),
                false, false);
        // a trail homed elsewhere delivers to a group of its own region: not one of this region's groups
        Trail shadow = new Trail("other", "arn:aws:cloudtrail:us-east-1:123456789012:trail/other", "us-east-1", true,
                true, false, "trail-logs", Optional.empty(), true, Optional.empty(),
                Optional.of("arn:aws:logs:us-east-1:123456789012:log-group:/app/frontend:*"), Optional.empty(),
                false, false);
        FlowLog flowLog = new FlowLog("fl-1", "vpc-0abc", Optional.of("ALL"), "ACTIVE", "SUCCESS", Optional.empty(),
                FlowLog.CLOUD_WATCH_LOGS, Optional.of("network/flows"), Optional.of(LOGS + "network/flows"));
        return ForensicSources.none(inventory())
                .with(LogsInventory.class, LogsInventory.of(GROUPS))
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(trail, shadow), Map.of(), Map.of()))
                .with(Ec2Inventory.class, Ec2Inventory.of(List.of(), List.of(), List.of(flowLog), Map.of(), List.of()))
                // RDS names its export groups itself; a database exporting nothing names none
                .with(RdsInventory.class, RdsInventory.of(List.of(new DbInstance("quiet", "arn:aws:rds:eu-west-1:"
                                + "123456789012:db:quiet", "postgres", "available", Optional.empty(), LogExports.NONE)),
                        List.of(new DbCluster("db", "arn:aws:rds:eu-west-1:123456789012:cluster:db", "aurora-mysql",
                                "available", new LogExports(List.of("audit"), List.of(), List.of())))))
                .with(LambdaInventory.class, LambdaInventory.of(List.of(new LambdaFunction("payments",
                        "arn:aws:lambda:eu-west-1:123456789012:function:payments",
                        "arn:aws:iam::123456789012:role/payments", Optional.of("payments-fn")))))
                .with(EksInventory.class, EksInventory.of(List.of(new EksCluster("prod",
                        "arn:aws:eks:eu-west-1:123456789012:cluster/prod", "ACTIVE", List.of("audit")))))
                .with(WafInventory.class, WafInventory.of(List.of(new WebAcl("shop",
                        "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shop/1", "REGIONAL",
                        List.of(LOGS + "aws-waf-logs-shop")))))
                .with(NetworkFirewallInventory.class, NetworkFirewallInventory.of(List.of(new Firewall("edge",
                        "arn:aws:network-firewall:eu-west-1:123456789012:firewall/edge", true,
                        Map.of("ALERT", "CloudWatchLogs", "FLOW", "S3"), Map.of("ALERT", "nfw/alerts")))))
                .with(KmsInventory.class, KmsInventory.of(List.of()))
                .with(SubscriptionFilterInventory.class, new SubscriptionFilterInventory(group -> List.of()));
    }

    @Test
    void logsRetentionFindsForensicGroupsByWhatDeliversIntoThem() {
        List<Finding> findings = judged(new LogsRetention()).findings(deliveringAccount().build());
        assertThat(findings).extracting(Finding::status, Finding::reason).containsExactly(
                tuple(Status.FAIL, failing("org-audit-trail", "receives the events of trail org-audit")),
                tuple(Status.FAIL, failing("network/flows", "receives VPC flow logs of vpc-0abc")),
                tuple(Status.FAIL, failing("/aws/rds/cluster/db/audit", "receives the audit log of DB cluster db")),
                tuple(Status.FAIL, failing("payments-fn", "receives the logs of Lambda function payments")),
                tuple(Status.FAIL, failing("/aws/eks/prod/cluster",
                        "receives the control-plane logs (audit) of EKS cluster prod")),
                tuple(Status.FAIL, failing("aws-waf-logs-shop", "receives the request logs of WAF web ACL shop")),
                tuple(Status.FAIL, failing("nfw/alerts", "receives the ALERT logs of Network Firewall edge")));
    }

    private static String failing(String name, String why) {
        return "Log group " + name + " holds evidence (" + why + ") but keeps events for only 30 days, less than the "
                + "365-day threshold: set its retention to at least 365 days or Never expire.";
    }

    @Test
    void theKmsAndLongTermCopyChecksJudgeTheSameGroupsWithTheSameReason() {
        Inventory inventory = deliveringAccount().build();
        List<String> retained = judged(new LogsRetention()).findings(inventory).stream()
                .map(Finding::resourceId).toList();
        List<Finding> kms = judged(new LogsKmsEncryption()).findings(inventory);
        List<Finding> copy = judged(new LogsLongTermCopy()).findings(inventory);
        assertThat(kms).extracting(Finding::resourceId).containsExactlyElementsOf(retained);
        assertThat(copy).extracting(Finding::resourceId).containsExactlyElementsOf(retained);
        assertThat(kms.get(1).reason()).startsWith("Log group network/flows holds evidence (receives VPC flow logs of "
                + "vpc-0abc) but is encrypted only by CloudWatch Logs' own key");
        assertThat(copy.get(1).reason()).startsWith("Log group network/flows holds evidence (receives VPC flow logs of "
                + "vpc-0abc) but is kept only 30 days");
    }

    @Test
    void aGroupMatchingAPrefixIsJudgedWithoutReadingWhatDelivers() {
        // only the logs inventory exists: reading any delivering service would be an internal ERROR
        Inventory inventory = inventory().with(LogsInventory.class, LogsInventory.of(List.of(group("/aws/lambda/a"))))
                .build();
        assertThat(CheckHarness.of(new LogsRetention()).findings(inventory)).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("Log group /aws/lambda/a holds evidence (prefix "
                        + "/aws/lambda/) but keeps events for only 30 days"));
    }

    @Test
    void aDeniedDeliveringServiceIsARegionErrorThatKeepsTheStoredFindings() {
        Inventory inventory = deliveringAccount().with(EksInventory.class, new EksInventory(() -> {
            throw denied("eks:ListClusters");
        })).build();
        Evaluation evaluation = judged(new LogsRetention()).evaluate(inventory, Scope.REGION);
        assertThat(evaluation.completeChecks()).isEmpty();
        assertThat(evaluation.findings()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.resourceId()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.reason()).contains("eks:ListClusters");
        });
    }

    @Test
    void anEventNamingADeliveredGroupJudgesOnlyThatGroup() {
        Evaluation evaluation = judged(new LogsRetention()).evaluate(deliveringAccount().build(),
                Scope.of(Set.of(LOGS + "payments-fn")));
        assertThat(evaluation.findings()).extracting(Finding::resourceId).containsExactly(LOGS + "payments-fn");
    }
}
