package io.irready.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.irready.inventory.logs.LogGroup;
import io.irready.inventory.logs.LogsInventory;
import io.irready.testing.TestChecks;
import io.irready.testing.TestChecks.Broken;
import io.irready.testing.TestChecks.LogGroupRetention;
import io.irready.testing.TestChecks.LogGroupsPresent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");
    private static final String SHORT = arn("short");
    private static final String LONG = arn("long");
    private static final String FOREVER = arn("forever");

    private static String arn(String name) {
        return "arn:aws:logs:eu-west-1:123456789012:log-group:" + name;
    }

    private static LogGroup group(String name, Integer days) {
        return new LogGroup(name, arn(name), Optional.ofNullable(days), Optional.empty());
    }

    private static Inventory inventory(LogsInventory logs) {
        return Inventory.builder(ACCOUNT, REGION).with(LogsInventory.class, logs).build();
    }

    private static Inventory threeGroups() {
        return inventory(LogsInventory.of(List.of(group("short", 7), group("long", 400), group("forever", null))));
    }

    private static Evaluator evaluator(Config config, Check... checks) {
        return new Evaluator(TestChecks.registry(checks), config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Evaluator evaluator(Check... checks) {
        return evaluator(Config.defaults(), checks);
    }

    private static AwsCallFailedException denied() {
        return new AwsCallFailedException("logs:DescribeLogGroups", "AccessDeniedException",
                AwsCallFailedException.Kind.ACCESS_DENIED, "User is not authorized", null);
    }

    @Test
    void anEvaluationIsStampedWithWhenItsInventoryStartedReadingNotWhenItRan() {
        // one event evaluates several scope groups over one cached inventory: the later groups reuse early reads
        Instant readsStarted = NOW.minusSeconds(30);
        Inventory inventory = Inventory.builder(ACCOUNT, REGION).readsStartedAt(readsStarted)
                .with(LogsInventory.class, LogsInventory.of(List.of(group("long", 400)))).build();

        Evaluation evaluation = evaluator(new LogGroupRetention()).evaluate(inventory, List.of(TestChecks.RETENTION),
                Scope.REGION);

        assertThat(evaluation.observedAt()).isEqualTo(readsStarted);
        assertThat(evaluation.findings()).allSatisfy(f -> assertThat(f.observedAt()).isEqualTo(readsStarted));
    }

    @Test
    void evaluateAllRunsEveryEnabledCheckOverTheRegionAndStampsFindings() {
        Evaluation e = evaluator(new LogGroupsPresent(), new LogGroupRetention()).evaluateAll(threeGroups());

        assertThat(e.account()).isEqualTo(ACCOUNT);
        assertThat(e.region()).isEqualTo(REGION);
        assertThat(e.observedAt()).isEqualTo(NOW);
        assertThat(e.scope()).isEqualTo(Scope.REGION);
        assertThat(e.completeChecks()).containsExactly(TestChecks.PRESENT, TestChecks.RETENTION);
        assertThat(e.findings()).extracting(Finding::checkId, Finding::resourceId, Finding::status, Finding::severity)
                .containsExactly(
                        tuple(TestChecks.PRESENT, "123456789012/eu-west-1", Status.PASS, Severity.HIGH),
                        tuple(TestChecks.RETENTION, SHORT, Status.FAIL, Severity.MEDIUM),
                        tuple(TestChecks.RETENTION, LONG, Status.PASS, Severity.MEDIUM),
                        tuple(TestChecks.RETENTION, FOREVER, Status.PASS, Severity.MEDIUM));
        assertThat(e.findings()).allSatisfy(f -> {
            assertThat(f.observedAt()).isEqualTo(NOW);
            assertThat(f.account()).isEqualTo(ACCOUNT);
            assertThat(f.region()).isEqualTo(REGION);
        });
        assertThat(e.findings().get(1).reason())
                .isEqualTo("Log group short keeps events for only 7 days; set its retention to at least 365 days.");
    }

    @Test
    void resourceScopeKeepsOnlyTheNamedResourcesButAlwaysTheRegionLevelFinding() {
        Evaluation e = evaluator(new LogGroupsPresent(), new LogGroupRetention())
                .evaluate(threeGroups(), List.of(TestChecks.PRESENT, TestChecks.RETENTION), Scope.of(Set.of(LONG)));

        assertThat(e.findings()).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple(TestChecks.PRESENT, "123456789012/eu-west-1"), tuple(TestChecks.RETENTION, LONG));
        assertThat(e.completeChecks()).containsExactly(TestChecks.PRESENT, TestChecks.RETENTION);
    }

    @Test
    void onlyTheRequestedChecksRunAndUnknownIdsAreSkipped() {
        Evaluation e = evaluator(new LogGroupsPresent(), new LogGroupRetention())
                .evaluate(threeGroups(), List.of("check-of-a-later-release", TestChecks.PRESENT), Scope.REGION);

        assertThat(e.findings()).extracting(Finding::checkId).containsExactly(TestChecks.PRESENT);
        assertThat(e.completeChecks()).containsExactly(TestChecks.PRESENT);
    }

    @Test
    void disabledChecksDoNotRunEvenWhenAskedFor() {
        Config config = Config.builder().disabledChecks(Set.of(TestChecks.RETENTION)).build();
        Evaluator evaluator = evaluator(config, new LogGroupsPresent(), new LogGroupRetention());

        assertThat(evaluator.evaluateAll(threeGroups()).findings()).extracting(Finding::checkId)
                .containsExactly(TestChecks.PRESENT);
        Evaluation asked = evaluator.evaluate(threeGroups(), List.of(TestChecks.RETENTION), Scope.REGION);
        assertThat(asked.findings()).isEmpty();
        assertThat(asked.completeChecks()).isEmpty();
    }

    @Test
    void suppressedFindingsAreKeptMutedWithTheConfigurationReasonAndTheCheckStaysComplete() {
        Config config = Config.builder().suppressions(List.of(Suppression.parse(TestChecks.RETENTION + ":*:log-group:sh*")))
                .build();
        Evaluation e = evaluator(config, new LogGroupRetention()).evaluateAll(threeGroups());

        assertThat(e.findings()).extracting(Finding::resourceId, Finding::status,
                        f -> f.muted().map(Muted::reason).orElse("-"))
                .containsExactly(tuple(SHORT, Status.FAIL, "suppressed by configuration"),
                        tuple(LONG, Status.PASS, "-"), tuple(FOREVER, Status.PASS, "-"));
        assertThat(e.completeChecks()).containsExactly(TestChecks.RETENTION);
    }

    @Test
    void aMuteListEntryMutesUntilItsExpiryDayAndNotAfter() {
        Config config = Config.builder().mutes(MuteList.parse("""
                {"mutes": [{"check": "%s", "resource": "*:log-group:short", "reason": "scratch logs",
                            "expires": "2026-11-27"}]}""".formatted(TestChecks.RETENTION), "test")).build();

        Finding onTheDay = evaluator(config, new LogGroupRetention()).evaluateAll(threeGroups()).findings().get(0);
        Finding dayAfter = new Evaluator(TestChecks.registry(new LogGroupRetention()), config,
                Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                .evaluateAll(threeGroups()).findings().get(0);

        assertThat(onTheDay.resourceId()).isEqualTo(SHORT);
        assertThat(onTheDay.muted()).map(Muted::reason).contains("scratch logs");
        assertThat(dayAfter.resourceId()).isEqualTo(SHORT);
        assertThat(dayAfter.status()).isEqualTo(Status.FAIL);
        assertThat(dayAfter.muted()).isEmpty();
    }

    @Test
    void theConfigurationReachesTheCheck() {
        Config config = Config.builder().retentionDays(5).build();
        Evaluation e = evaluator(config, new LogGroupRetention()).evaluateAll(threeGroups());

        assertThat(e.findings()).extracting(Finding::status).containsOnly(Status.PASS);
    }

    @Test
    void anAwsFailureOverTheRegionIsOneErrorOnTheRegionIdNamingTheActionAndTheCheckIsIncomplete() {
        Inventory blind = inventory(new LogsInventory(() -> {
            throw denied();
        }));
        Evaluation e = evaluator(new LogGroupRetention(), new LogGroupsPresent()).evaluateAll(blind);

        assertThat(e.findings()).extracting(Finding::checkId, Finding::resourceId, Finding::status).containsExactly(
                tuple(TestChecks.RETENTION, "123456789012/eu-west-1", Status.ERROR),
                tuple(TestChecks.PRESENT, "123456789012/eu-west-1", Status.ERROR));
        assertThat(e.findings().get(0).reason()).isEqualTo("Could not evaluate: access denied to logs:DescribeLogGroups"
                + " (AccessDeniedException): grant logs:DescribeLogGroups to irready's role: User is not authorized");
        assertThat(e.completeChecks()).isEmpty();
    }

    @Test
    void anAwsFailureOverNamedResourcesIsOneErrorPerNamedResource() {
        Inventory blind = inventory(new LogsInventory(() -> {
            throw denied();
        }));
        Evaluation e = evaluator(new LogGroupRetention()).evaluate(blind, List.of(TestChecks.RETENTION),
                Scope.of(Set.of(SHORT, LONG)));

        assertThat(e.findings()).extracting(Finding::resourceId, Finding::status)
                .containsExactly(tuple(LONG, Status.ERROR), tuple(SHORT, Status.ERROR));
        assertThat(e.findings()).allSatisfy(f -> assertThat(f.reason()).startsWith("Could not evaluate: access denied"));
        assertThat(e.completeChecks()).isEmpty();
    }

    @Test
    void aRegionLevelCheckFailingOverNamedResourcesErrsOnTheRegionId() {
        Inventory blind = inventory(new LogsInventory(() -> {
            throw denied();
        }));
        Evaluation e = evaluator(new LogGroupsPresent()).evaluate(blind, List.of(TestChecks.PRESENT),
                Scope.of(Set.of(SHORT)));

        assertThat(e.findings()).extracting(Finding::resourceId, Finding::status)
                .containsExactly(tuple("123456789012/eu-west-1", Status.ERROR));
    }

    @Test
    void anUnexpectedExceptionIsAnErrorNamingTheBugNeverAPass() {
        Evaluation e = evaluator(new Broken(Granularity.RESOURCE), new LogGroupsPresent()).evaluateAll(threeGroups());

        assertThat(e.findings()).extracting(Finding::checkId, Finding::status)
                .containsExactly(tuple(TestChecks.BROKEN, Status.ERROR), tuple(TestChecks.PRESENT, Status.PASS));
        // the exception and its stack go to the log; the reason names the check, never a Java class
        assertThat(e.findings().get(0).reason()).isEqualTo("Could not evaluate: internal error in irready "
                + "while running " + TestChecks.BROKEN + " (details in irready's log)");
        assertThat(e.completeChecks()).containsExactly(TestChecks.PRESENT);
    }

    @Test
    void aFailedLoadIsMadeOnceAndSharedByEveryCheckThatNeedsIt() {
        AtomicInteger loads = new AtomicInteger();
        Inventory blind = Inventory.builder(ACCOUNT, REGION).lazily(LogsInventory.class, () -> new LogsInventory(() -> {
            loads.incrementAndGet();
            throw denied();
        })).build();

        evaluator(new LogGroupRetention(), new LogGroupsPresent()).evaluateAll(blind);

        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailureReasonIsOneLineWithoutJavaClassNamesOrStackFragments() {
        String parserMessage = "Unable to unmarshall response (com.fasterxml.jackson.core.JsonParseException: "
                + "Unexpected end-of-input\n at [Source: (ByteArrayInputStream); line: 1, column: 9]\n"
                + "\tat software.amazon.awssdk.protocols.json.internal.Foo.bar(Foo.java:42)). "
                + "Response Code: 200, Response Text: OK";
        AwsCallFailedException unreadable = new AwsCallFailedException("logs:DescribeLogGroups", "UnreadableAnswer",
                AwsCallFailedException.Kind.FAULT, parserMessage, null);
        Inventory blind = Inventory.builder(ACCOUNT, REGION).lazily(LogsInventory.class, () -> {
            throw unreadable;
        }).build();
        Check ownError = new Check() {
            @Override
            public CheckMetadata metadata() {
                return new LogGroupsPresent().metadata();
            }

            @Override
            public List<Finding> evaluate(CheckContext ctx) {
                return List.of(ctx.finding(ctx.regionResourceId(), Status.ERROR,
                        "Could not evaluate:\njava.lang.IllegalArgumentException: bad\n\tat x.y.Z.m(Z.java:1)"));
            }
        };

        List<Finding> findings = new java.util.ArrayList<>(evaluator(new LogGroupRetention()).evaluateAll(blind)
                .findings());
        findings.addAll(evaluator(ownError).evaluateAll(blind).findings());
        findings.addAll(evaluator(new Broken(Granularity.ACCOUNT_REGION)).evaluateAll(blind).findings());

        assertThat(findings).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.ERROR);
            assertThat(f.reason()).doesNotContain("\n", "\t", "Exception", "com.fasterxml", "software.amazon",
                    "java.", ".java:");
        });
        assertThat(findings.get(0).reason()).startsWith("Could not evaluate: logs:DescribeLogGroups failed "
                + "(UnreadableAnswer): Unable to unmarshall response (Unexpected end-of-input");
        assertThat(findings.get(1).reason()).isEqualTo("Could not evaluate: bad");
    }
}
