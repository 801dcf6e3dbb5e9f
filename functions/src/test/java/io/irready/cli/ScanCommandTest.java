package io.irready.cli;

import static io.irready.testing.AwsWire.ec2Error;
import static io.irready.testing.AwsWire.json;
import static io.irready.testing.AwsWire.jsonCall;
import static io.irready.testing.AwsWire.jsonCallMade;
import static io.irready.testing.AwsWire.jsonError;
import static io.irready.testing.AwsWire.queryCall;
import static io.irready.testing.AwsWire.queryError;
import static io.irready.testing.AwsWire.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irready.cli.format.Json;
import io.irready.core.Granularity;
import io.irready.core.Severity;
import io.irready.testing.AwsWire;
import io.irready.testing.CliRun;
import io.irready.testing.TestChecks;
import io.irready.testing.TestChecks.LogGroupRetention;
import io.irready.testing.TestChecks.LogGroupsPresent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code irready scan} end to end: real SDK clients against a WireMock account, test checks. */
class ScanCommandTest {
    private static final String DESCRIBE_LOG_GROUPS = "Logs_20140328.DescribeLogGroups";
    private static final String ACCOUNT = AwsWire.ACCOUNT;
    private final AwsWire aws = new AwsWire();

    @AfterEach
    void stop() {
        aws.close();
    }

    private void logGroups(String... namesAndRetention) {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < namesAndRetention.length; i += 2) {
            String name = namesAndRetention[i];
            String retention = namesAndRetention[i + 1];
            if (!groups.isEmpty()) {
                groups.append(',');
            }
            groups.append("{\"logGroupName\":\"").append(name).append("\",\"arn\":\"arn:aws:logs:eu-west-1:")
                    .append(ACCOUNT).append(":log-group:").append(name).append(":*\"")
                    .append(retention == null ? "" : ",\"retentionInDays\":" + retention).append('}');
        }
        aws.stub(jsonCall(DESCRIBE_LOG_GROUPS).willReturn(json("{\"logGroups\":[" + groups + "]}")));
    }

    private CliRun scan(String... args) {
        return CliRun.scan(aws, TestChecks.standard(), args);
    }

    @Test
    void aHealthyAccountExitsZeroAndReportsEveryPass() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("trail-logs", null, "/aws/lambda/app", "400");

        CliRun run = scan();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("irready scan of account 123456789012 in eu-west-1 at 2026-11-27T05:00:00Z\n")
                .contains("""
                        PASS   HIGH      test-log-groups-present
                               123456789012/eu-west-1
                               2 log groups exist in eu-west-1.
                        """)
                .contains("""
                        PASS   MEDIUM    test-log-group-retention
                               arn:aws:logs:eu-west-1:123456789012:log-group:trail-logs
                               Log group trail-logs never expires its events.
                        """)
                .endsWith("3 findings: 0 FAIL, 0 ERROR, 0 N/A (not applicable), 3 PASS\n");
        assertThat(run.err()).isEqualTo("""
                irready: scanning account 123456789012 in eu-west-1 with 2 checks
                irready: Readiness 100.0/100 for 123456789012 in eu-west-1 (3 passed, 0 failed, 0 errors, 0 not applicable)
                irready: exit 0: no FAIL or ERROR at or above LOW
                """);
        // both checks read the same inventory: one call
        aws.server().verify(1, jsonCallMade(DESCRIBE_LOG_GROUPS));
    }

    @Test
    void aCheckThatFoundNoResourceInScopeSaysSoInTheTextAndJsonReports() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups(); // no log group: the per-group check has nothing to judge, the region-level one fails

        CliRun table = scan();
        CliRun json = scan("--format", "json");

        assertThat(table.out()).contains("""
                test-log-group-retention: no CloudWatch Logs log groups in scope in eu-west-1

                1 findings: 1 FAIL""");
        JsonNode array = Json.read(json.out());
        assertThat(array).hasSize(2);
        assertThat(array.get(1).get("checkId").asText()).isEqualTo("test-log-group-retention");
        assertThat(array.get(1).get("inScope").asInt()).isZero();
        assertThat(array.get(1).has("status")).isFalse();
    }

    @Test
    void aFailAtOrAboveTheThresholdExitsOneAndBelowItZero() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("short", "7");

        CliRun run = scan();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("""
                FAIL   MEDIUM    test-log-group-retention
                       arn:aws:logs:eu-west-1:123456789012:log-group:short
                       Log group short keeps events for only 7 days; set its retention to at
                       least 365 days.
                """);
        assertThat(run.err()).endsWith("irready: exit 1: FAIL findings at or above LOW\n")
                .contains("irready: Readiness 62.5/100 for 123456789012 in eu-west-1 (1 passed, 1 failed");

        assertThat(scan("--fail-on", "medium").exitCode()).isEqualTo(1);
        assertThat(scan("--fail-on", "HIGH").exitCode()).isZero();
    }

    @Test
    void configurationFlagsReachTheChecks() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("short", "7");

        assertThat(scan("--retention-days", "7").exitCode()).isZero();
        assertThat(CliRun.run(TestChecks.standard(), Map.of("IRREADY_RETENTION_DAYS", "7"), "scan", "--endpoint-url",
                aws.endpoint().toString(), "--region", AwsWire.REGION).exitCode()).isZero();
        CliRun disabled = scan("--disable", TestChecks.RETENTION);
        assertThat(disabled.exitCode()).isZero();
        assertThat(disabled.out()).doesNotContain(TestChecks.RETENTION);
        CliRun suppressed = scan("--suppress", TestChecks.RETENTION + ":arn:aws:logs:*:log-group:sh*");
        assertThat(suppressed.exitCode()).isZero();
        assertThat(suppressed.out()).contains("MUTED  MEDIUM", "Accepted risk (FAIL): suppressed by configuration")
                .contains("2 findings: 0 FAIL, 0 ERROR, 0 N/A (not applicable), 1 PASS, 1 MUTED");
        CliRun globbed = scan("--disable", "test-log-group-r*");
        assertThat(globbed.exitCode()).isZero();
        assertThat(globbed.out()).doesNotContain(TestChecks.RETENTION);
        CliRun only = scan("--checks", TestChecks.PRESENT);
        assertThat(only.out()).contains(TestChecks.PRESENT).doesNotContain(TestChecks.RETENTION);
        assertThat(only.err()).contains("with 1 checks");
    }

    @Test
    void aMuteListShowsTheAcceptedRiskAsMutedWithItsReasonAndDoesNotFailTheRun(@TempDir Path dir) throws Exception {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("short", "7", "long", "400");
        Path mutes = dir.resolve("mutes.json");
        Files.writeString(mutes, """
                {"mutes": [{"check": "test-log-group-*", "resource": "arn:aws:logs:*:log-group:short*",
                            "reason": "scratch logs only", "expires": "2099-01-01"}]}""");

        CliRun table = scan("--mutelist", mutes.toString());
        CliRun json = scan("--mutelist", mutes.toString(), "--format", "json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("MUTED  MEDIUM    " + TestChecks.RETENTION,
                "Accepted risk (FAIL): scratch logs only, until 2099-01-01", "1 MUTED");
        JsonNode muted = java.util.stream.StreamSupport.stream(Json.read(json.out()).spliterator(), false)
                .filter(f -> f.has("muted")).findFirst().orElseThrow();
        assertThat(muted.get("status").asText()).isEqualTo("FAIL");
        assertThat(muted.get("muted").get("reason").asText()).isEqualTo("scratch logs only");
        assertThat(muted.get("muted").get("expires").asText()).isEqualTo("2099-01-01");
    }

    @Test
    void aBadMuteListIsAUsageErrorNamingTheEntry(@TempDir Path dir) throws Exception {
        Path mutes = dir.resolve("mutes.json");
        Files.writeString(mutes, "{\"mutes\": [{\"check\": \"*\", \"resource\": \"*\"}]}");

        CliRun run = scan("--mutelist", mutes.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("entry 0: \"reason\" is required");
        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void accessDeniedIsAnErrorNamingTheActionAndExitsThree() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        aws.stub(jsonCall(DESCRIBE_LOG_GROUPS).willReturn(jsonError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: logs:DescribeLogGroups")));

        CliRun run = scan("--format", "json");

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode findings = Json.read(run.out());
        assertThat(findings).hasSize(2);
        for (JsonNode f : findings) {
            assertThat(f.get("status").asText()).isEqualTo("ERROR");
            assertThat(f.get("resourceId").asText()).isEqualTo("123456789012/eu-west-1");
            assertThat(f.get("reason").asText()).startsWith(
                    "Could not evaluate: access denied to logs:DescribeLogGroups (AccessDeniedException): "
                            + "grant logs:DescribeLogGroups to irready's role");
        }
        assertThat(run.err()).endsWith("irready: exit 3: some checks at or above LOW could not be evaluated (ERROR)\n");
        // both ERRORs are on checks below CRITICAL
        assertThat(scan("--fail-on", "CRITICAL").exitCode()).isZero();
    }

    @Test
    void aFailOutranksAnError() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        aws.stub(jsonCall(DESCRIBE_LOG_GROUPS).willReturn(jsonError(400, "AccessDeniedException", "denied")));
        CliRun run = CliRun.scan(aws, TestChecks.registry(new LogGroupRetention(), new TestChecks.Broken(
                Granularity.ACCOUNT_REGION)), "--format", "json");
        // both are ERRORs: Broken (CRITICAL) is an internal error, retention is denied
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(Json.read(run.out()).findValuesAsText("reason")).containsExactly(
                "Could not evaluate: internal error in irready while running " + TestChecks.BROKEN
                        + " (details in irready's log)",
                "Could not evaluate: access denied to logs:DescribeLogGroups (AccessDeniedException): "
                        + "grant logs:DescribeLogGroups to irready's role: denied");

        logGroups("short", "1");
        CliRun failing = CliRun.scan(aws, TestChecks.registry(new LogGroupRetention(Severity.LOW),
                new TestChecks.Broken(Granularity.ACCOUNT_REGION)));
        assertThat(failing.exitCode()).isEqualTo(1);
    }

    @Test
    void unknownIdentityIsCouldNotEvaluate() {
        aws.stub(queryCall("GetCallerIdentity").willReturn(queryError(403, "InvalidClientTokenId",
                "The security token included in the request is invalid.")));

        CliRun run = scan();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("irready: could not evaluate: access denied to sts:GetCallerIdentity "
                + "(InvalidClientTokenId): grant sts:GetCallerIdentity to irready's role: "
                + "The security token included in the request is invalid.\n");
    }

    @Test
    void allRegionsScansEveryEnabledRegion() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("trail-logs", null);
        aws.stub(queryCall("DescribeRegions").willReturn(xml("""
                <DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                  <regionInfo>
                    <item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint>
                      <optInStatus>opt-in-not-required</optInStatus></item>
                    <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint>
                      <optInStatus>opt-in-not-required</optInStatus></item>
                    <item><regionName>af-south-1</regionName><regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint>
                      <optInStatus>not-opted-in</optInStatus></item>
                  </regionInfo>
                </DescribeRegionsResponse>""")));

        CliRun run = CliRun.run(TestChecks.standard(), "scan", "--endpoint-url", aws.endpoint().toString(),
                "--all-regions", "--checks", TestChecks.PRESENT, "--format", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(Json.read(run.out()).findValuesAsText("resourceId"))
                .containsExactly("123456789012/eu-west-1", "123456789012/us-east-1");
        assertThat(run.err()).startsWith("irready: scanning account 123456789012 in eu-west-1, us-east-1 with 1 checks");
    }

    @Test
    void regionListingDeniedIsCouldNotEvaluate() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        aws.stub(queryCall("DescribeRegions").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation.")));

        CliRun run = CliRun.run(TestChecks.standard(), "scan", "--endpoint-url", aws.endpoint().toString(),
                "--all-regions");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("access denied to ec2:DescribeRegions (UnauthorizedOperation)");
    }

    @Test
    void repeatedAndCommaSeparatedRegionsAreScannedOnceEach() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        logGroups("trail-logs", null);

        CliRun run = CliRun.run(TestChecks.standard(), "scan", "--endpoint-url", aws.endpoint().toString(),
                "--region", "eu-west-1,us-east-1", "--region", "eu-west-1", "--checks", TestChecks.PRESENT, "-f", "csv");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().skip(1).map(l -> l.split(",")[4]).toList())
                .containsExactly("eu-west-1", "us-east-1");
    }

    @Test
    void usageErrorsExitTwoWithAMessageAndNoAwsCall() {
        CliRun unknown = scan("--checks", "no-such-check");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("irready: unknown check id 'no-such-check'; known: "
                + "test-log-groups-present, test-log-group-retention\n").contains("Try 'irready scan --help' for usage.");

        assertThat(scan("--disable", "typo").exitCode()).isEqualTo(2);
        CliRun severity = scan("--fail-on", "urgent");
        assertThat(severity.exitCode()).isEqualTo(2);
        assertThat(severity.err()).contains("unknown severity 'urgent' (expected one of CRITICAL, HIGH, MEDIUM, LOW, "
                + "INFORMATIONAL)");
        assertThat(scan("--format", "xml").exitCode()).isEqualTo(2);
        assertThat(scan("--retention-days", "0").err()).contains("irready: retentionDays must be at least 1, got 0");
        assertThat(scan("--suppress", "nocolon").exitCode()).isEqualTo(2);
        assertThat(scan("--all-regions").err()).contains("--region and --all-regions cannot be combined");
        assertThat(scan("--region", "eu-west-l").err())
                .contains("irready: 'eu-west-l' is not an AWS region name (e.g. eu-west-1, us-gov-west-1)");
        assertThat(scan("--disable", TestChecks.PRESENT + "," + TestChecks.RETENTION).err())
                .contains("no checks left to run after --checks and --disable");
        assertThat(CliRun.run(TestChecks.registry(), "scan", "--region", "eu-west-1").err())
                .contains("no checks are registered in this build");
        CliRun env = CliRun.run(TestChecks.standard(), Map.of("IRREADY_RETENTION_DAYS", "forever"), "scan");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("IRREADY_RETENTION_DAYS must be a whole number, got 'forever'");
        assertThat(scan("--bogus").exitCode()).isEqualTo(2);

        assertThat(aws.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void attackerControlledNamesReachTheTerminalEscaped() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        aws.stub(jsonCall(DESCRIBE_LOG_GROUPS).willReturn(json("""
                {"logGroups":[{"logGroupName":"evil\\u001b[2J\\u202egnp.exe","arn":"arn:aws:logs:eu-west-1:123456789012:log-group:evil:*","retentionInDays":1}]}""")));

        for (String format : List.of("table", "csv", "json", "sarif")) {
            CliRun run = scan("--format", format);
            assertThat(run.exitCode()).as(format).isEqualTo(1);
            assertThat(run.out()).as(format).doesNotContain("\u001b").doesNotContain("\u202e");
            assertThat(run.out().toLowerCase()).as(format).contains("\\u001b[2j\\u202egnp.exe");
        }
    }

    @Test
    void aProxyLoginPageAnsweringStatus200IsCouldNotEvaluateAndExitsThree() {
        CliRun.stubCallerIdentity(aws, ACCOUNT);
        aws.stub(jsonCall(DESCRIBE_LOG_GROUPS).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body>Sign in to continue</body></html>")));

        CliRun run = scan("--format", "json");

        // only ERRORs at or above --fail-on: irready was blind, which is neither clean (0) nor a FAIL (1)
        assertThat(run.exitCode()).isEqualTo(3);
        for (JsonNode f : Json.read(run.out())) {
            assertThat(f.get("status").asText()).isEqualTo("ERROR");
            assertThat(f.get("reason").asText()).startsWith("Could not evaluate: logs:DescribeLogGroups failed "
                    + "(UnreadableAnswer): eu-west-1 logs:DescribeLogGroups answered HTTP 200 with a body that is "
                    + "not the service's JSON (starts with '<!DOCTYPE html>");
        }
        assertThat(run.err()).endsWith("irready: exit 3: some checks at or above LOW could not be evaluated (ERROR)\n");
    }

    @Test
    void anIdentityAnswerWithoutAnAccountIsCouldNotEvaluateNotACrash() {
        aws.stub(queryCall("GetCallerIdentity").willReturn(xml("<GetCallerIdentityResponse><GetCallerIdentityResult>"
                + "<Arn>arn:aws:iam::123456789012:user/a</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>")));

        CliRun run = scan();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("irready: could not evaluate: sts:GetCallerIdentity failed (IncompleteAnswer): "
                + "the answer has no Account, which AWS always sends");
    }
}
