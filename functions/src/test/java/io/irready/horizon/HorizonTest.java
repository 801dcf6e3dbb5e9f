package io.irready.horizon;

import static org.assertj.core.api.Assertions.assertThat;

import io.irready.core.Inventory;
import io.irready.inventory.cloudtrail.CloudTrailInventory;
import io.irready.inventory.cloudtrail.Trail;
import io.irready.inventory.cloudtrail.TrailSelectors;
import io.irready.inventory.cloudtrail.TrailSelectors.AdvancedEventSelector;
import io.irready.inventory.cloudtrail.TrailSelectors.FieldSelector;
import io.irready.inventory.cloudtrail.TrailStatus;
import io.irready.inventory.ec2.Ec2Inventory;
import io.irready.inventory.ec2.FlowLog;
import io.irready.inventory.ec2.Vpc;
import io.irready.inventory.eks.EksCluster;
import io.irready.inventory.eks.EksInventory;
import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.inventory.rds.DbInstance;
import io.irready.inventory.rds.LogExports;
import io.irready.inventory.rds.RdsInventory;
import io.irready.inventory.s3.BucketExposure;
import io.irready.inventory.s3.BucketOwnership;
import io.irready.inventory.s3.LifecycleRule;
import io.irready.inventory.s3.S3Inventory;
import io.irready.inventory.s3.S3Inventory.BucketFacts;
import io.irready.testing.CheckHarness;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each source's horizon, read from hand-built inventories. */
class HorizonTest {
    private static final String ACCOUNT = CheckHarness.ACCOUNT;
    private static final Instant NOW = CheckHarness.NOW;
    private static final String TRAIL_BUCKET = "trail-logs";
    private static final String TRAIL_ARN = "arn:aws:cloudtrail:" + CheckHarness.REGION + ":" + ACCOUNT + ":trail/main";
    private static final String TRAIL_PREFIX = "AWSLogs/" + ACCOUNT + "/CloudTrail/";

    private static LifecycleRule expiring(String id, String prefix, int days) {
        return new LifecycleRule(id, true, Optional.ofNullable(prefix), false, Optional.of(days), Optional.empty());
    }

    private static S3Inventory bucket(String name, LifecycleRule... rules) {
        return S3Inventory.of(Map.of(name, new BucketFacts(BucketOwnership.OWNED, BucketExposure.privateBucket(),
                List.of(rules))));
    }

    private static Horizon trailBucket(S3Inventory s3) {
        return BucketRetention.of(s3, Source.TRAIL_BUCKET, "main", TRAIL_BUCKET, TRAIL_PREFIX, NOW);
    }

    @Test
    void aBucketWithoutExpiringRulesKeepsTrailLogsForever() {
        Horizon h = trailBucket(bucket(TRAIL_BUCKET));

        assertThat(h.unlimited()).isTrue();
        assertThat(h.reason()).isEqualTo("no lifecycle rule expires objects under s3://trail-logs/" + TRAIL_PREFIX);
    }

    @Test
    void onlyRulesWhosePrefixCoversTheTrailsLogsCount() {
        Horizon h = trailBucket(bucket(TRAIL_BUCKET,
                expiring("other-account", "AWSLogs/999999999999/", 1),
                expiring("digests", "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/", 2),
                expiring("all-logs", "AWSLogs/", 400),
                expiring("this-trail", TRAIL_PREFIX + "eu-west-1/", 200)));

        assertThat(h.days()).contains(200);
        assertThat(h.reason()).startsWith("lifecycle rule 'this-trail' expires objects under s3://trail-logs/");
    }

    @Test
    void tagFilteredDisabledAndNonExpiringRulesDoNotCount() {
        Horizon h = trailBucket(bucket(TRAIL_BUCKET,
                new LifecycleRule("tagged", true, Optional.empty(), true, Optional.of(1), Optional.empty()),
                new LifecycleRule("disabled", false, Optional.empty(), false, Optional.of(1), Optional.empty()),
                new LifecycleRule("transition-only", true, Optional.empty(), false, Optional.empty(), Optional.empty())));

        assertThat(h.unlimited()).isTrue();
    }

    @Test
    void anExpirationDateDecidesByWhetherItHasPassed() {
        LifecycleRule past = new LifecycleRule("wipe", true, Optional.empty(), false, Optional.empty(),
                Optional.of(NOW.minusSeconds(86_400)));
        LifecycleRule future = new LifecycleRule("later", true, Optional.empty(), false, Optional.empty(),
                Optional.of(NOW.plusSeconds(10 * 86_400)));

        assertThat(trailBucket(bucket(TRAIL_BUCKET, past)).days()).contains(0);
        Horizon later = trailBucket(bucket(TRAIL_BUCKET, future));
        assertThat(later.unlimited()).isTrue();
        assertThat(later.reason()).contains("(10 days from now)");
    }

    @Test
    void aMissingBucketKeepsNothingAndAnotherAccountsIsNotRead() {
        assertThat(trailBucket(S3Inventory.of(Map.of())).days()).contains(0);
        Horizon archive = trailBucket(S3Inventory.of(Map.of(TRAIL_BUCKET, new BucketFacts(
                BucketOwnership.OTHER_ACCOUNT, BucketExposure.privateBucket(), List.of()))));
        assertThat(archive.read()).isFalse();
        assertThat(archive.reachText()).isEqualTo("not read");
    }

    private static Destinations destinations(Inventory.Builder inventory) {
        return new Destinations(inventory.build(), NOW);
    }

    private static LogGroup group(String name, Integer retention) {
        return new LogGroup(name, "arn:aws:logs:" + CheckHarness.REGION + ":" + ACCOUNT + ":log-group:" + name,
                Optional.ofNullable(retention), Optional.empty());
    }

    @Test
    void logGroupsReachTheirRetentionNeverExpireIsUnlimitedAndAMissingGroupKeepsNothing() {
        Destinations d = destinations(CheckHarness.inventory().with(LogsInventory.class,
                LogsInventory.of(List.of(group("/aws/vpc/short", 30), group("/aws/vpc/forever", null)))));

        assertThat(d.logGroup(Source.FLOW_LOGS, "x", "/aws/vpc/short").days()).contains(30);
        assertThat(d.logGroup(Source.FLOW_LOGS, "x", "/aws/vpc/forever").unlimited()).isTrue();
        Horizon missing = d.of(Source.WAF_LOGS, "acl", "arn:aws:logs:eu-west-1:" + ACCOUNT + ":log-group:gone:*");
        assertThat(missing.days()).contains(0);
        assertThat(missing.reason()).isEqualTo("log group gone does not exist: nothing is kept");
    }

    private static FlowLog flowLog(String id, String vpc, String status, String delivery, String type,
                                   String group, String destination) {
        return new FlowLog(id, vpc, Optional.of("ALL"), status, delivery, Optional.of("Access error"), type,
                Optional.ofNullable(group), Optional.ofNullable(destination));
    }

    @Test
    void flowLogsReachTheirDestinationAndBrokenOrMissingOnesKeepNothing() {
        List<FlowLog> flowLogs = List.of(
                flowLog("fl-cw", "vpc-a", "ACTIVE", "SUCCESS", FlowLog.CLOUD_WATCH_LOGS, "/aws/vpc/a", null),
                flowLog("fl-s3", "vpc-b", "ACTIVE", "SUCCESS", "s3", null, "arn:aws:s3:::flows/vpc-b"),
                flowLog("fl-failed", "vpc-c", "ACTIVE", "FAILED", FlowLog.CLOUD_WATCH_LOGS, "/aws/vpc/a", null),
                flowLog("fl-gone", "vpc-d", "ACTIVE", "SUCCESS", FlowLog.CLOUD_WATCH_LOGS, "/aws/vpc/deleted", null));
        Ec2Inventory ec2 = Ec2Inventory.of(List.of(new Vpc("vpc-a", ACCOUNT, false), new Vpc("vpc-b", ACCOUNT, false),
                new Vpc("vpc-c", ACCOUNT, false), new Vpc("vpc-d", ACCOUNT, false), new Vpc("vpc-e", ACCOUNT, false)),
                List.of(), flowLogs, Map.of(), List.of());
        Destinations d = destinations(CheckHarness.inventory()
                .with(LogsInventory.class, LogsInventory.of(List.of(group("/aws/vpc/a", 60))))
                .with(S3Inventory.class, bucket("flows", expiring("vpc-b", "vpc-b/", 14), expiring("other", "x/", 1))));
        Set<String> consumed = new HashSet<>();

        List<Horizon> horizons = FlowLogHorizons.of(ec2, d, consumed);

        assertThat(horizons).extracting(Horizon::resource, Horizon::days).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vpc-a fl-cw", Optional.of(60)),
                org.assertj.core.groups.Tuple.tuple("vpc-b fl-s3", Optional.of(14)),
                org.assertj.core.groups.Tuple.tuple("vpc-c fl-failed", Optional.of(0)),
                org.assertj.core.groups.Tuple.tuple("vpc-d fl-gone", Optional.of(0)),
                org.assertj.core.groups.Tuple.tuple("vpc-e", Optional.of(0)));
        assertThat(horizons.get(2).reason()).contains("delivery fails (Access error)");
        assertThat(horizons.get(4).reason()).isEqualTo("no flow log captures this VPC");
        assertThat(consumed).contains("/aws/vpc/a", "/aws/vpc/deleted");
    }

    private static Trail trail(boolean customSelectors) {
        return new Trail("main", TRAIL_ARN, CheckHarness.REGION, true, true, false, TRAIL_BUCKET, Optional.empty(),
                true, Optional.empty(), Optional.of("arn:aws:logs:" + CheckHarness.REGION + ":" + ACCOUNT
                        + ":log-group:aws-cloudtrail-logs-main:*"), Optional.empty(), customSelectors, false);
    }

    private static List<Horizon> cloudTrail(TrailSelectors selectors, Set<String> consumed) {
        Inventory.Builder inventory = CheckHarness.inventory()
                .with(CloudTrailInventory.class, CloudTrailInventory.of(List.of(trail(true)),
                        Map.of(TRAIL_ARN, TrailStatus.loggingWithoutErrors()), Map.of(TRAIL_ARN, selectors)))
                .with(S3Inventory.class, bucket(TRAIL_BUCKET, expiring("year", "AWSLogs/", 365)))
                .with(LogsInventory.class, LogsInventory.of(List.of(group("aws-cloudtrail-logs-main", null))));
        Inventory built = inventory.build();
        return CloudTrailHorizons.of(built, new Destinations(built, NOW), consumed);
    }

    @Test
    void cloudTrailSourcesEventHistoryAndS3DataEventsFromTheTrailsBucket() {
        TrailSelectors s3Data = new TrailSelectors(List.of(), List.of(new AdvancedEventSelector(Optional.empty(),
                List.of(FieldSelector.equalTo("eventCategory", "Data"),
                        FieldSelector.equalTo("resources.type", "AWS::S3::Object")))));
        Set<String> consumed = new HashSet<>();

        List<Horizon> horizons = cloudTrail(s3Data, consumed);

        assertThat(horizons).extracting(Horizon::source, Horizon::reachText).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Source.EVENT_HISTORY, "90 days"),
                org.assertj.core.groups.Tuple.tuple(Source.CLOUDTRAIL_LAKE, "not read"),
                org.assertj.core.groups.Tuple.tuple(Source.TRAIL_BUCKET, "365 days"),
                org.assertj.core.groups.Tuple.tuple(Source.TRAIL_LOG_GROUP, "unlimited"),
                org.assertj.core.groups.Tuple.tuple(Source.S3_DATA_EVENTS, "365 days"));
        assertThat(consumed).containsExactly("aws-cloudtrail-logs-main");
    }

    @Test
    void aTrailWithoutS3DataEventsAnswersNothingAboutS3Reads() {
        List<Horizon> horizons = cloudTrail(new TrailSelectors(List.of(), List.of(new AdvancedEventSelector(
                Optional.empty(), List.of(FieldSelector.equalTo("eventCategory", "Management"))))), new HashSet<>());

        Answer reads = Answer.of(Question.WHAT_WAS_READ_FROM_S3, horizons);
        assertThat(reads.reachText()).isEqualTo("0 days");
        assertThat(reads.horizon().orElseThrow().reason()).isEqualTo("the trail records no S3 data events");
    }

    @Test
    void rdsExportsAndEksAuditLogsReachTheirGroupsRetention() {
        Destinations d = destinations(CheckHarness.inventory().with(LogsInventory.class, LogsInventory.of(List.of(
                group("/aws/rds/instance/orders/audit", 400), group("/aws/eks/prod/cluster", 7)))));
        RdsInventory rds = RdsInventory.of(List.of(
                new DbInstance("orders", "arn:db:orders", "mysql", "available", Optional.empty(),
                        new LogExports(List.of("audit", "error"), List.of(), List.of())),
                new DbInstance("quiet", "arn:db:quiet", "postgres", "available", Optional.empty(), LogExports.NONE)),
                List.of());
        EksInventory eks = EksInventory.of(List.of(new EksCluster("prod", "arn:eks:prod", "ACTIVE", List.of("audit")),
                new EksCluster("dev", "arn:eks:dev", "ACTIVE", List.of("api"))));
        Set<String> consumed = new HashSet<>();

        assertThat(LogGroupHorizons.rds(rds, d, consumed)).extracting(Horizon::resource, Horizon::reachText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders audit", "400 days"),
                        org.assertj.core.groups.Tuple.tuple("orders error", "0 days"),
                        org.assertj.core.groups.Tuple.tuple("quiet", "0 days"));
        assertThat(LogGroupHorizons.eks(eks, d, consumed)).extracting(Horizon::resource, Horizon::reachText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prod", "7 days"),
                        org.assertj.core.groups.Tuple.tuple("dev", "0 days"));
        assertThat(consumed).contains("/aws/rds/instance/orders/audit", "/aws/eks/prod/cluster");
    }

    @Test
    void forensicGroupsNotAccountedForElsewhereAreClassifiedByName() {
        LogsInventory logs = LogsInventory.of(List.of(group("/aws/rds/instance/orders/audit", 400),
                group("/ec2/web/messages", 90), group("/aws/lambda/f", 14), group("app/debug", 1)));
        Destinations d = destinations(CheckHarness.inventory().with(LogsInventory.class, logs));

        List<Horizon> horizons = LogGroupHorizons.forensic(logs, List.of("/aws/rds/", "/aws/lambda/"), d,
                new HashSet<>(Set.of("/aws/rds/instance/orders/audit")));

        assertThat(horizons).extracting(Horizon::source, Horizon::resource).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Source.HOST_LOGS, "/ec2/web/messages"),
                org.assertj.core.groups.Tuple.tuple(Source.LOG_GROUP, "/aws/lambda/f"));
    }

    @Test
    void aQuestionReachesAsFarAsItsLongestSourceAndNamesItsWeakest() {
        List<Horizon> all = List.of(
                Horizon.days(Source.ELB_LOGS, "alb", 30, "r"),
                Horizon.unlimited(Source.API_GATEWAY_LOGS, "api", "r"),
                Horizon.notRead(Source.WAF_LOGS, "acl", "r"),
                Horizon.days(Source.WAF_LOGS, "acl2", 0, "r"),
                Horizon.days(Source.FLOW_LOGS, "vpc", 5, "r"));

        Answer web = Answer.of(Question.WHAT_HIT_THE_WEB_FRONT_DOOR, all);

        assertThat(web.horizon().orElseThrow().resource()).isEqualTo("api");
        assertThat(web.reachText()).isEqualTo("unlimited");
        assertThat(web.weakest().orElseThrow().resource()).isEqualTo("acl2");
        assertThat(web.sources()).hasSize(4);
        assertThat(Answer.of(Question.WHAT_RAN_ON_THE_INSTANCE, all).reachText()).isEqualTo("0 days");
        assertThat(new HorizonReport(ACCOUNT, CheckHarness.REGION, NOW, all).goneFor(30))
                .extracting(Horizon::resource).containsExactly("acl2", "vpc");
    }
}
