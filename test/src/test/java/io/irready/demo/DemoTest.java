package io.irready.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irready.store.FindingState;
import io.irready.store.StoredFinding;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code irready demo} non-interactively and checks what it alerted and what it stored. */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Demo.Result result;
    private static String output;

    @BeforeAll
    static void runDemo() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        result = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8), false).run(Demo.repositoryRoot());
        output = buffer.toString(StandardCharsets.UTF_8);
    }

    private static Optional<StoredFinding> finding(String checkId, String resourceSuffix) {
        return result.findings().stream()
                .filter(f -> f.checkId().equals(checkId) && f.resourceId().endsWith(resourceSuffix)).findFirst();
    }

    private static List<JsonNode> messagesFor(String checkId) {
        return result.published().stream().filter(p -> checkId.equals(attribute(p, "checkId")))
                .map(DemoTest::message).toList();
    }

    /** A message attribute as the SNS query protocol carries it: MessageAttributes.entry.N.Name / .Value.StringValue. */
    private static String attribute(Map<String, String> publish, String name) {
        for (int n = 1; publish.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            if (name.equals(publish.get("MessageAttributes.entry." + n + ".Name"))) {
                return publish.get("MessageAttributes.entry." + n + ".Value.StringValue");
            }
        }
        return null;
    }

    private static JsonNode message(Map<String, String> publish) {
        try {
            return JSON.readTree(publish.get("Message"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stopLoggingRaisesAnAlertNamingWhoAndFromWhereThenStartLoggingResolvesIt() {
        List<JsonNode> trailAlerts = messagesFor("cloudtrail-logging-all-regions");
        assertThat(trailAlerts).hasSize(2);
        String raised = trailAlerts.get(0).path("email").asText();
        assertThat(raised).contains("PASS -> FAIL", "user/mallory", "203.0.113.66", "org-audit-trail");
        assertThat(trailAlerts.get(1).path("email").asText()).contains("FAIL -> PASS", "SecurityAdmin/alice",
                // the blind-window report: what Event History recorded while the trail was off
                "CreateUser", "AttachUserPolicy");
        JsonNode card = message(result.published().get(0)).path("https");
        assertThat(card.isTextual()).isTrue();
        assertThat(finding("cloudtrail-logging-all-regions", "111122223333/eu-west-1"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
    }

    @Test
    void deletedFlowLogAndDisabledAuditExportAreStoredAsFailuresWithTheirCause() {
        assertThat(finding("vpc-flow-logs-enabled", "vpc/vpc-0a1b2c3d4e5f60001")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
            assertThat(f.changedBy()).hasValueSatisfying(c -> assertThat(c.eventName()).isEqualTo("DeleteFlowLogs"));
        });
        assertThat(finding("rds-log-exports", "db:orders-db")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
            assertThat(f.reason()).contains("audit pending disable");
        });
        assertThat(messagesFor("vpc-flow-logs-enabled")).isNotEmpty();
        assertThat(messagesFor("rds-log-exports")).anySatisfy(m ->
                assertThat(m.path("email").asText()).contains("ModifyDBInstance", "203.0.113.66"));
    }

    @Test
    void theEksClusterWithoutAuditLogsAndTheUnloggedWebAclFailThenUpdateClusterConfigResolvesTheCluster() {
        assertThat(finding("waf-logging", "regional/webacl/partner-api/7c3e1a2b-9d4f-4a5b-8c6d-0e1f2a3b4c5d"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.FAIL));
        assertThat(finding("eks-audit-logs", "cluster/payments"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
        assertThat(finding("networkfirewall-logging", "firewall/egress"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
        assertThat(finding("eks-audit-logs", "cluster/ml-training")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.PASS);
            assertThat(f.changedBy()).hasValueSatisfying(c -> assertThat(c.eventName()).isEqualTo("UpdateClusterConfig"));
        });
        // The first sweep opens more findings than one digest's threshold, so its raises may arrive as one
        // digest message; the resolution through the event is a message of its own.
        List<String> emails = result.published().stream().map(p -> message(p).path("email").asText()).toList();
        assertThat(emails).anySatisfy(e -> assertThat(e).contains("eks-audit-logs", "ml-training"));
        assertThat(emails).anySatisfy(e -> assertThat(e).contains("waf-logging", "partner-api"));
        assertThat(messagesFor("eks-audit-logs")).last().satisfies(m -> assertThat(m.path("email").asText())
                .contains("FAIL -> PASS", "UpdateClusterConfig", "SecurityAdmin/alice", "ml-training"));
        assertThat(output).contains("== 6. alice turns on the ml-training EKS cluster's audit and authenticator logs");
    }

    @Test
    void theLegacyVpcOnTheMuteListIsStoredMutedWithItsReasonAndNeverAlerted() {
        assertThat(finding("vpc-flow-logs-enabled", "vpc/" + Demo.LEGACY_VPC)).hasValueSatisfying(f -> {
            assertThat(f.status()).as("the verdict is kept").isEqualTo(FindingState.FAIL);
            assertThat(f.muted()).hasValueSatisfying(m -> assertThat(m.reason()).isEqualTo(Demo.LEGACY_REASON));
        });
        List<String> emails = result.published().stream().map(p -> message(p).path("email").asText()).toList();
        // the VPC fails other checks (alerted as usual); only its flow-log finding is an accepted risk
        assertThat(emails.stream().flatMap(String::lines)).isNotEmpty()
                .noneMatch(line -> line.contains("vpc-flow-logs-enabled") && line.contains(Demo.LEGACY_VPC));
        assertThat(output).contains("MUTED  HIGH     vpc-flow-logs-enabled          vpc/" + Demo.LEGACY_VPC,
                "↳ accepted risk (FAIL): " + Demo.LEGACY_REASON + ", until ");
    }

    @Test
    void bedrockUsedWithoutInvocationLoggingAndAShortLivedGroupCopiedNowhereFailTheSweep() {
        assertThat(finding("bedrock-invocation-logging", "111122223333/eu-west-1")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
            assertThat(f.reason()).startsWith("Amazon Bedrock is used in eu-west-1 (custom model claims-triage-ft) "
                    + "but model invocation logging is off");
        });
        assertThat(finding("logs-long-term-copy", "log-group:/aws/lambda/thumbnailer")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
            assertThat(f.reason()).contains("is kept only 30 days (threshold 365) and no subscription filter");
        });
        assertThat(finding("logs-long-term-copy", "log-group:/aws/lambda/ingest"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.NOT_APPLICABLE));
        assertThat(output).contains("bedrock-invocation-logging", "logs-long-term-copy");
    }

    @Test
    void theTrailBucketWithoutObjectLockFailsAndTheTaggedBucketIsJudgedByTheTrailsDataEvents() {
        assertThat(finding("cloudtrail-bucket-integrity", ":::demo-cloudtrail-logs-111122223333")).hasValueSatisfying(f -> {
            assertThat(f.status()).isEqualTo(FindingState.FAIL);
            assertThat(f.reason()).contains("has neither Object Lock nor MFA delete");
        });
        assertThat(finding("s3-evidence-data-events", ":::demo-cloudtrail-logs-111122223333"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
        assertThat(finding("s3-evidence-data-events", ":::demo-customer-exports-111122223333"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
        // StopLogging/StartLogging do not re-judge the buckets (the stopped trail is the CRITICAL alert on that
        // path, kept to a few calls): the buckets' data-event findings follow at the next sweep
        assertThat(messagesFor("s3-evidence-data-events")).noneSatisfy(m -> assertThat(m.path("email").asText())
                .contains("StopLogging"));
        assertThat(finding("logs-kms-encryption", "log-group:/aws/lambda/ingest"))
                .hasValueSatisfying(f -> assertThat(f.status()).isEqualTo(FindingState.PASS));
    }

    @Test
    void printsTheSweepTableTheScoreAndTheConsoleView() {
        assertThat(output).contains("== 1. Sweep", "Readiness score:", "== 7. The findings table",
                "vpc-flow-logs-enabled", "── Slack (AWS Chatbot custom notification) ──");
        assertThat(result.finalScore()).isLessThan(result.initialScore());
    }

    @Test
    void theTrailFindingIsImportedIntoSecurityHubAndUpdatedInPlaceWhenResolved() {
        List<JsonNode> trail = new java.util.ArrayList<>();
        result.securityHubImports().forEach(body -> body.path("Findings").forEach(f -> {
            if ("cloudtrail-logging-all-regions".equals(f.path("GeneratorId").asText())) {
                trail.add(f);
            }
        }));
        assertThat(trail).extracting(f -> f.path("Compliance").path("Status").asText() + "/"
                + f.path("RecordState").asText()).containsSubsequence("FAILED/ACTIVE", "PASSED/ARCHIVED");
        assertThat(trail).extracting(f -> f.path("Id").asText()).containsOnly(trail.get(0).path("Id").asText());
        assertThat(trail.get(0).path("ProductArn").asText()).isEqualTo(
                "arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default");
        assertThat(output).contains("== 8. Where security teams triage", "BatchImportFindings requests imported");
    }

    @Test
    void alertableTransitionsGoToTheDefaultBusWithTheActor() {
        List<JsonNode> entries = new java.util.ArrayList<>();
        result.putEvents().forEach(body -> body.path("Entries").forEach(entries::add));
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("Source").asText()).isEqualTo("irready");
            assertThat(e.path("DetailType").asText()).isEqualTo("Readiness Finding Changed");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.path("Detail").asText())
                .contains("\"newStatus\":\"FAIL\"", "user/mallory", "StopLogging"));
    }
}
